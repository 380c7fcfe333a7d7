package io.relais.query.task;

/**
 * Where a task stands in its life cycle, as its events tell (the command side's state machine decides which
 * event may follow which; the projection records what happened).
 */
public enum TaskStatus {
    REQUESTED,
    ASSIGNED,
    IN_PROGRESS,
    /** Waiting for the client; the status it had before is kept and restored on resumption. */
    ON_HOLD,
    /** Delivered, awaiting the approver's validation. */
    DONE,
    APPROVED,
    CANCELLED
}
