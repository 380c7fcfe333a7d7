package io.relais.query.task;

import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code task_projection} while the projection works on it: created by {@link TaskEvent.Requested},
 * changed in place by each {@link TaskEvent.Change}, then written back. Not shared across threads.
 */
final class TaskRow {

    UUID taskId;
    String title;
    String description;
    String type;
    TaskPriority priority;
    TaskStatus status;
    String processId;
    int processVersion;
    Confidentiality confidentiality;
    String slaPolicy;
    CalendarSpec calendar;
    Instant dueAt;
    String requestedBy;
    String requesterOrganisation;
    Instant requestedAt;

    String assignedAgent;
    String assignedOrganisation;
    String engagementId;
    Instant assignedAt;
    Instant startedAt;
    TaskStatus statusBeforeHold;
    Instant completedAt;
    int timeSpentMinutes;
    List<ChecklistResult> checklist = List.of();
    Instant approvedAt;
    int reworkCount;
    boolean escalated;
    int escalationCount;
    Instant cancelledAt;
    Integer rating;
    int incidentCount;
    List<String> resources = List.of();

    Instant lastEventAt;
    long version;

    /** The task as its first event creates it; its requester is the event's actor, never a field of the data. */
    static TaskRow requested(UUID taskId, TaskRequested event, String requestedBy, String requesterOrganisation,
                             Instant occurredAt, long sequence) {
        TaskRow task = new TaskRow();
        task.taskId = taskId;
        task.title = event.title();
        task.description = event.description();
        task.type = event.type();
        task.priority = event.priority();
        task.status = TaskStatus.REQUESTED;
        task.processId = event.processId();
        task.processVersion = event.processVersion();
        task.confidentiality = event.confidentiality();
        task.slaPolicy = event.slaPolicy();
        task.calendar = event.calendar();
        task.dueAt = event.dueAt();
        task.resources = event.resources();
        task.requestedBy = requestedBy;
        task.requesterOrganisation = requesterOrganisation;
        task.requestedAt = event.requestedAt();
        task.lastEventAt = occurredAt;
        task.version = sequence;
        return task;
    }

    TaskView view() {
        return new TaskView(taskId, title, description, type, priority, status, statusBeforeHold, processId,
                processVersion, confidentiality, slaPolicy, calendar, dueAt, requestedBy, requesterOrganisation,
                requestedAt, assignedAgent, assignedOrganisation, engagementId, assignedAt, startedAt, completedAt,
                timeSpentMinutes, checklist, approvedAt, reworkCount, escalated, escalationCount, cancelledAt, rating,
                incidentCount, resources, lastEventAt, version);
    }
}
