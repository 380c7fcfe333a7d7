package io.relais.contract.task;

import java.time.Instant;

/** The approver changed the priority. */
public record TaskReprioritized(String taskId, TaskPriority from, TaskPriority to, String reprioritizedBy, Instant reprioritizedAt) {
}
