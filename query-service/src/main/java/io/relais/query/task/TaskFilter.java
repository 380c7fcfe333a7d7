package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import java.util.Optional;

/** The listing's filters; an empty one matches every task. */
record TaskFilter(Optional<TaskStatus> status, Optional<String> type, Optional<TaskPriority> priority,
                  Optional<String> assignedAgent) {

    static TaskFilter none() {
        return new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
