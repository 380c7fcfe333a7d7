package io.relais.query.task;

import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.TaskAccessLost;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskEscalated;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of the task topic, decoded: which aggregate it concerns, its place in that aggregate's
 * stream, and what it means for the projection.
 */
sealed interface TaskEvent {

    String aggregateId();

    long sequence();

    /**
     * What the CloudEvents attributes say about an event: its id and type, who caused it (the actor
     * extensions, null or empty when absent) under which request, and when it happened.
     *
     * @param occurredAt the CloudEvents {@code time}, else the instant the data states
     */
    record Recorded(String eventId, String cloudEventType, String actor, List<String> actorRoles,
                    String actorOrganisation, String correlationId, Instant occurredAt) {

        public Recorded {
            actorRoles = List.copyOf(actorRoles);
        }

        /** The instant the event's data states (e.g. {@code approvedAt}), or the event's time if it states none. */
        Instant when(Instant stated) {
            return stated != null ? stated : occurredAt;
        }
    }

    /** An event of the contract's task catalogue: it becomes a timeline row. */
    sealed interface Known extends TaskEvent {

        UUID taskId();

        Recorded recorded();

        /** The contract record the event carries. */
        Object payload();

        @Override
        default String aggregateId() {
            return taskId().toString();
        }
    }

    /** A task was requested: its row is created. */
    record Requested(UUID taskId, long sequence, Recorded recorded, TaskRequested payload) implements Known {

        TaskRow newTask() {
            return TaskRow.requested(taskId, payload, recorded.actor(), recorded.actorOrganisation(),
                    recorded.occurredAt(), sequence);
        }
    }

    /** Any later event: it changes the existing row of its task. */
    sealed interface Change extends Known {

        /** The event's effect on its task (the projection then records the event's time and sequence). */
        void applyTo(TaskRow task);
    }

    /** Handed to a provider's agent: that provider's agents now see the task. A reassignment replaces both. */
    record Assigned(UUID taskId, long sequence, Recorded recorded, TaskAssigned payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.ASSIGNED;
            task.assignedAgent = payload.agent();
            task.assignedOrganisation = payload.providerOrganisation();
            task.engagementId = payload.engagementId();
            task.assignedAt = recorded.when(payload.assignedAt());
        }
    }

    record Started(UUID taskId, long sequence, Recorded recorded, TaskStarted payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.IN_PROGRESS;
            if (task.startedAt == null) {
                task.startedAt = recorded.when(payload.startedAt());
            }
        }
    }

    record PutOnHold(UUID taskId, long sequence, Recorded recorded, TaskPutOnHold payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            // A second hold in a row (the command side allows none) must not make ON_HOLD its own way back.
            if (task.status != TaskStatus.ON_HOLD) {
                task.statusBeforeHold = task.status;
            }
            task.status = TaskStatus.ON_HOLD;
        }
    }

    record Resumed(UUID taskId, long sequence, Recorded recorded, TaskResumed payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            // Without a recorded hold (the command side allows no resumption then) the work is going on anyway.
            task.status = task.statusBeforeHold != null ? task.statusBeforeHold : TaskStatus.IN_PROGRESS;
            task.statusBeforeHold = null;
        }
    }

    record Completed(UUID taskId, long sequence, Recorded recorded, TaskCompleted payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.DONE;
            task.completedAt = recorded.when(payload.completedAt());
            task.timeSpentMinutes += payload.timeSpentMinutes();
            task.checklist = payload.checklist();
        }
    }

    record Approved(UUID taskId, long sequence, Recorded recorded, TaskApproved payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.APPROVED;
            task.approvedAt = recorded.when(payload.approvedAt());
        }
    }

    /** Sent back: counted as an error, and the work goes on. */
    record ReworkRequested(UUID taskId, long sequence, Recorded recorded, TaskReworkRequested payload)
            implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.IN_PROGRESS;
            task.reworkCount++;
        }
    }

    record Escalated(UUID taskId, long sequence, Recorded recorded, TaskEscalated payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.escalated = true;
            task.escalationCount++;
        }
    }

    record Reprioritized(UUID taskId, long sequence, Recorded recorded, TaskReprioritized payload)
            implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.priority = payload.to();
        }
    }

    record Cancelled(UUID taskId, long sequence, Recorded recorded, TaskCancelled payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.status = TaskStatus.CANCELLED;
            task.statusBeforeHold = null;
            task.cancelledAt = recorded.when(payload.cancelledAt());
        }
    }

    /** Rated by the requester; a new rating replaces the previous one. */
    record Rated(UUID taskId, long sequence, Recorded recorded, TaskRated payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.rating = payload.rating();
        }
    }

    record IncidentReportedOn(UUID taskId, long sequence, Recorded recorded, IncidentReported payload)
            implements Change {
        @Override
        public void applyTo(TaskRow task) {
            task.incidentCount++;
        }
    }

    /**
     * The agent lost an access the task's SOP requires: the task stays as it is (the approver reassigns it or has
     * the access granted again); the flag shows in its timeline.
     */
    record AccessLost(UUID taskId, long sequence, Recorded recorded, TaskAccessLost payload) implements Change {
        @Override
        public void applyTo(TaskRow task) {
            // Nothing changes on the row: the event is recorded in the timeline.
        }
    }

    /**
     * An event type this projection does not know (e.g. published by a newer command side). Its sequence is
     * still recorded, so that the stream stays in step when the type is handled after an upgrade and replay.
     */
    record Unknown(String aggregateId, long sequence, String cloudEventType) implements TaskEvent,
            io.relais.query.projection.UnknownEventType {
    }
}
