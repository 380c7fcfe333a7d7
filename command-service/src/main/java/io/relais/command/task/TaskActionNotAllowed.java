package io.relais.command.task;

import java.util.Set;

/** The action is not allowed in the task's current state: answered 409, nothing written. */
public class TaskActionNotAllowed extends RuntimeException {

    private final TaskStatus currentState;
    private final Set<TaskAction> allowedActions;

    public TaskActionNotAllowed(String taskId, TaskAction action, TaskStatus currentState) {
        super("Cannot " + action.name().toLowerCase().replace('_', ' ') + " task " + taskId + ": it is "
                + currentState + "; allowed now: " + currentState.allowedActions());
        this.currentState = currentState;
        this.allowedActions = currentState.allowedActions();
    }

    public TaskStatus currentState() {
        return currentState;
    }

    public Set<TaskAction> allowedActions() {
        return allowedActions;
    }
}
