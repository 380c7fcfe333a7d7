package io.relais.command.engagement;

import java.util.Set;

/**
 * The action is not allowed in the engagement's current state (end an ended engagement): answered 409 with
 * the current state and the allowed actions; nothing is written.
 */
public class EngagementActionNotAllowed extends IllegalStateException {

    private final String engagementId;
    private final EngagementStatus currentState;
    private final Set<EngagementAction> allowedActions;

    public EngagementActionNotAllowed(String engagementId, EngagementAction action, EngagementStatus currentState) {
        super("Cannot " + action.name().toLowerCase() + " engagement " + engagementId + ": it is " + currentState
                + "; allowed now: " + currentState.allowedActions());
        this.engagementId = engagementId;
        this.currentState = currentState;
        this.allowedActions = currentState.allowedActions();
    }

    public String engagementId() {
        return engagementId;
    }

    public EngagementStatus currentState() {
        return currentState;
    }

    public Set<EngagementAction> allowedActions() {
        return allowedActions;
    }
}
