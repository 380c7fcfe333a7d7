package io.relais.command.task;

/**
 * A business rule refused the command although the state allows the action (the same priority again, an
 * agent outside the engagement, a second rating): answered 409 with the reason, nothing written.
 */
public class TaskRuleViolated extends RuntimeException {

    public TaskRuleViolated(String reason) {
        super(reason);
    }
}
