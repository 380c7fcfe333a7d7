package io.relais.command.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task stands, and what may happen next. The SLA clock runs in REQUESTED, ASSIGNED and IN_PROGRESS
 * and pauses in ON_HOLD and DONE (it is the client's turn); APPROVED and CANCELLED are final.
 */
public enum TaskStatus {
    REQUESTED(EnumSet.of(TaskAction.ASSIGN, TaskAction.ESCALATE, TaskAction.REPRIORITIZE, TaskAction.CANCEL,
            TaskAction.REPORT_INCIDENT)),
    ASSIGNED(EnumSet.of(TaskAction.ASSIGN, TaskAction.START, TaskAction.PUT_ON_HOLD, TaskAction.ESCALATE,
            TaskAction.REPRIORITIZE, TaskAction.CANCEL, TaskAction.REPORT_INCIDENT)),
    IN_PROGRESS(EnumSet.of(TaskAction.PUT_ON_HOLD, TaskAction.COMPLETE, TaskAction.ESCALATE, TaskAction.REPRIORITIZE,
            TaskAction.CANCEL, TaskAction.REPORT_INCIDENT)),
    ON_HOLD(EnumSet.of(TaskAction.RESUME, TaskAction.ESCALATE, TaskAction.REPRIORITIZE, TaskAction.CANCEL,
            TaskAction.REPORT_INCIDENT)),
    /** Delivered, awaiting the approver's validation. */
    DONE(EnumSet.of(TaskAction.APPROVE, TaskAction.REQUEST_REWORK, TaskAction.ESCALATE, TaskAction.REPORT_INCIDENT)),
    APPROVED(EnumSet.of(TaskAction.RATE, TaskAction.REPORT_INCIDENT)),
    CANCELLED(EnumSet.noneOf(TaskAction.class));

    private final Set<TaskAction> allowed;

    TaskStatus(Set<TaskAction> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(TaskAction action) {
        return allowed.contains(action);
    }

    public Set<TaskAction> allowedActions() {
        return EnumSet.copyOf(allowed.isEmpty() ? EnumSet.noneOf(TaskAction.class) : allowed);
    }
}
