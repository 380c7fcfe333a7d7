package io.relais.command.task;

/** Where a task stands in its lifecycle, as far as the command side needs to decide. */
enum TaskStatus {
    REQUESTED
}
