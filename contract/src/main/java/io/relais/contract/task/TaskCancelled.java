package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** The request was withdrawn; nothing more can happen to the task. */
public record TaskCancelled(String taskId, @Personal String reason, String cancelledBy, Instant cancelledAt) {
}
