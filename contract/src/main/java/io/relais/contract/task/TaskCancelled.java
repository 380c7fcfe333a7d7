package io.relais.contract.task;

import java.time.Instant;

/** The request was withdrawn; nothing more can happen to the task. */
public record TaskCancelled(String taskId, String reason, String cancelledBy, Instant cancelledAt) {
}
