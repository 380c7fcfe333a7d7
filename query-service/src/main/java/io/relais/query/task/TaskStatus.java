package io.relais.query.task;

/** Where a task stands in its life cycle, as far as the events projected so far tell. */
public enum TaskStatus {
    REQUESTED
}
