package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** The result was sent back: counted as an error; the task is in progress again and the SLA clock runs. */
public record TaskReworkRequested(String taskId, @Personal String reason, String requestedBy, Instant requestedAt) {
}
