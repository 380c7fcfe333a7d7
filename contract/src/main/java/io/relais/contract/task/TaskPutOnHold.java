package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** The work waits for the client (missing information, a validation): the SLA clock pauses. */
public record TaskPutOnHold(String taskId, @Personal String reason, Instant heldAt) {
}
