package io.relais.command.process;

import java.util.Set;

/**
 * The action is not allowed in the procedure's current state (revise or retire a retired procedure):
 * answered 409 with the current state and the allowed actions; nothing is written.
 */
public class ProcessActionNotAllowed extends IllegalStateException {

    private final String processId;
    private final ProcessStatus currentState;
    private final Set<ProcessAction> allowedActions;

    public ProcessActionNotAllowed(String processId, ProcessAction action, ProcessStatus currentState) {
        super("Cannot " + action.name().toLowerCase() + " process " + processId + ": it is " + currentState
                + "; allowed now: " + currentState.allowedActions());
        this.processId = processId;
        this.currentState = currentState;
        this.allowedActions = currentState.allowedActions();
    }

    public String processId() {
        return processId;
    }

    public ProcessStatus currentState() {
        return currentState;
    }

    public Set<ProcessAction> allowedActions() {
        return allowedActions;
    }
}
