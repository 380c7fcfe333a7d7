package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as the projection holds it and the API serves it.
 *
 * @param requestedBy           the authenticated requester (the event's actor); null for events published
 *                              before actors were recorded
 * @param requesterOrganisation the requester's organisation
 * @param lastEventAt           when the last event applied to the task happened
 * @param version               aggregate sequence number of the last event applied to the task
 */
public record TaskView(UUID taskId, String title, String type, TaskPriority priority, TaskStatus status,
                       String requestedBy, String requesterOrganisation, Instant requestedAt, Instant lastEventAt,
                       long version) {

    /** The task as its first event creates it. */
    static TaskView requested(UUID taskId, TaskRequested event, String requestedBy, String requesterOrganisation,
                              Instant occurredAt, long sequence) {
        return new TaskView(taskId, event.title(), event.type(), event.priority(), TaskStatus.REQUESTED,
                requestedBy, requesterOrganisation, event.requestedAt(), occurredAt, sequence);
    }
}
