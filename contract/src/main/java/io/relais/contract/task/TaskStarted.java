package io.relais.contract.task;

import java.time.Instant;

/** The assigned agent began the work. */
public record TaskStarted(String taskId, String agent, Instant startedAt) {
}
