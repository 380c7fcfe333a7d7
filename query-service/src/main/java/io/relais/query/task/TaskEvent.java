package io.relais.query.task;

/**
 * One record of the task topic, decoded: which aggregate it concerns, its place in that aggregate's
 * stream, and what it means for the projection.
 */
sealed interface TaskEvent {

    String aggregateId();

    long sequence();

    /** A task was requested: its row is created. */
    record Requested(String aggregateId, long sequence, TaskView task) implements TaskEvent {
    }

    /**
     * An event type this projection does not know (e.g. published by a newer command side). Its sequence is
     * still recorded, so that the stream stays in step when the type is handled after an upgrade and replay.
     */
    record Unknown(String aggregateId, long sequence, String cloudEventType) implements TaskEvent {
    }
}
