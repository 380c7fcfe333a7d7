package io.relais.query.task;

import java.util.UUID;

/**
 * Published (as a Spring application event) by {@link TaskProjection} inside the transaction that applied a task
 * event; listeners that must not see uncommitted state receive it after commit
 * ({@code @TransactionalEventListener(phase = AFTER_COMMIT)}). It carries no personal field: who may see the task
 * ({@link TaskVisibility#sees(TaskProjected)}) and where it stands.
 *
 * @param requestedBy          the requester, whose REQUESTER role lets them see it
 * @param assignedOrganisation the provider organisation of the last assignment, whose agents may see it
 */
public record TaskProjected(UUID taskId, TaskStatus status, long version, String requestedBy,
                            String assignedOrganisation) {

    static TaskProjected of(TaskRow task) {
        return new TaskProjected(task.taskId, task.status, task.version, task.requestedBy, task.assignedOrganisation);
    }
}
