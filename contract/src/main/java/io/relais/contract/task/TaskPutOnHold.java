package io.relais.contract.task;

import java.time.Instant;

/** The work waits for the client (missing information, a validation): the SLA clock pauses. */
public record TaskPutOnHold(String taskId, String reason, Instant heldAt) {
}
