package io.relais.contract.task;

import java.time.Instant;

/** The client answered: the SLA clock runs again. */
public record TaskResumed(String taskId, Instant resumedAt) {
}
