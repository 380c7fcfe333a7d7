package io.relais.query.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
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
import io.relais.query.projection.CloudEventFields;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads a CloudEvent of the task topic into a {@link TaskEvent}, checking everything the contract promises,
 * so that the projection only ever writes complete rows. A broken promise is an {@link InvalidRecordException}:
 * the record is skipped rather than retried.
 */
@Component
class TaskEventDecoder {

    private final ObjectMapper json = ContractJson.mapper();

    TaskEvent decode(CloudEvent event) {
        String aggregateId = CloudEventFields.subject(event);
        long sequence = CloudEventFields.sequence(event);
        Optional<EventType> type = EventType.ofCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new TaskEvent.Unknown(aggregateId, sequence, event.getType());
        }
        UUID taskId = CloudEventFields.subjectUuid(aggregateId, event);
        // An exhaustive switch: a type added to the catalogue does not compile until it is decided here.
        return switch (type.get()) {
            case TASK_REQUESTED -> requested(event, taskId, sequence);
            case TASK_ASSIGNED -> {
                TaskAssigned data = data(event, taskId, TaskAssigned.class, TaskAssigned::taskId);
                required(data.agent(), "data.agent", event);
                // What makes the task visible to the provider's agents: never project an assignment without it.
                required(data.providerOrganisation(), "data.providerOrganisation", event);
                yield new TaskEvent.Assigned(taskId, sequence, recorded(event, data.assignedAt()), data);
            }
            case TASK_STARTED -> {
                TaskStarted data = data(event, taskId, TaskStarted.class, TaskStarted::taskId);
                yield new TaskEvent.Started(taskId, sequence, recorded(event, data.startedAt()), data);
            }
            case TASK_PUT_ON_HOLD -> {
                TaskPutOnHold data = data(event, taskId, TaskPutOnHold.class, TaskPutOnHold::taskId);
                yield new TaskEvent.PutOnHold(taskId, sequence, recorded(event, data.heldAt()), data);
            }
            case TASK_RESUMED -> {
                TaskResumed data = data(event, taskId, TaskResumed.class, TaskResumed::taskId);
                yield new TaskEvent.Resumed(taskId, sequence, recorded(event, data.resumedAt()), data);
            }
            case TASK_COMPLETED -> {
                TaskCompleted data = data(event, taskId, TaskCompleted.class, TaskCompleted::taskId);
                if (data.timeSpentMinutes() < 0) {
                    throw invalid(event, "data.timeSpentMinutes is negative: " + data.timeSpentMinutes());
                }
                yield new TaskEvent.Completed(taskId, sequence, recorded(event, data.completedAt()), data);
            }
            case TASK_APPROVED -> {
                TaskApproved data = data(event, taskId, TaskApproved.class, TaskApproved::taskId);
                yield new TaskEvent.Approved(taskId, sequence, recorded(event, data.approvedAt()), data);
            }
            case TASK_REWORK_REQUESTED -> {
                TaskReworkRequested data = data(event, taskId, TaskReworkRequested.class,
                        TaskReworkRequested::taskId);
                yield new TaskEvent.ReworkRequested(taskId, sequence, recorded(event, data.requestedAt()), data);
            }
            case TASK_ESCALATED -> {
                TaskEscalated data = data(event, taskId, TaskEscalated.class, TaskEscalated::taskId);
                yield new TaskEvent.Escalated(taskId, sequence, recorded(event, data.escalatedAt()), data);
            }
            case TASK_REPRIORITIZED -> {
                TaskReprioritized data = data(event, taskId, TaskReprioritized.class, TaskReprioritized::taskId);
                required(data.to(), "data.to", event);
                yield new TaskEvent.Reprioritized(taskId, sequence, recorded(event, data.reprioritizedAt()), data);
            }
            case TASK_CANCELLED -> {
                TaskCancelled data = data(event, taskId, TaskCancelled.class, TaskCancelled::taskId);
                yield new TaskEvent.Cancelled(taskId, sequence, recorded(event, data.cancelledAt()), data);
            }
            case TASK_RATED -> {
                TaskRated data = data(event, taskId, TaskRated.class, TaskRated::taskId);
                if (data.rating() < 0 || data.rating() > 10) {
                    throw invalid(event, "data.rating must be 0 to 10: " + data.rating());
                }
                yield new TaskEvent.Rated(taskId, sequence, recorded(event, data.ratedAt()), data);
            }
            case INCIDENT_REPORTED -> {
                IncidentReported data = data(event, taskId, IncidentReported.class, IncidentReported::taskId);
                required(data.kind(), "data.kind", event);
                required(data.severity(), "data.severity", event);
                yield new TaskEvent.IncidentReportedOn(taskId, sequence, recorded(event, data.reportedAt()), data);
            }
            case TASK_ACCESS_LOST -> {
                TaskAccessLost data = data(event, taskId, TaskAccessLost.class, TaskAccessLost::taskId);
                required(data.resource(), "data.resource", event);
                yield new TaskEvent.AccessLost(taskId, sequence, recorded(event, data.flaggedAt()), data);
            }
            // Events of other aggregates have topics of their own (Topics.forAggregateType): here, a misroute.
            case PROCESS_DEFINED, PROCESS_REVISED, PROCESS_RETIRED, PROCESS_OCCURRENCE_DUE, ENGAGEMENT_STARTED,
                    ENGAGEMENT_ENDED, ACCESS_GRANTED, ACCESS_REVOKED, ACCESS_EXPIRED, ACCESS_REVIEWED, PERSONAL_DATA_ERASED ->
                    throw invalid(event, "a " + type.get().aggregateType() + " event has no place on the task topic");
        };
    }

    private TaskEvent requested(CloudEvent event, UUID taskId, long sequence) {
        TaskRequested requested = data(event, taskId, TaskRequested.class, TaskRequested::taskId);
        required(requested.title(), "data.title", event);
        required(requested.type(), "data.type", event);
        required(requested.priority(), "data.priority", event);
        required(requested.requestedAt(), "data.requestedAt", event);
        return new TaskEvent.Requested(taskId, sequence, recorded(event, requested.requestedAt()), requested);
    }

    /** The attributes every known event carries into the timeline (see {@link CloudEventFields#attributes}). */
    private static TaskEvent.Recorded recorded(CloudEvent event, Instant stated) {
        CloudEventFields.Attributes attributes = CloudEventFields.attributes(event, stated);
        return new TaskEvent.Recorded(attributes.eventId(), attributes.cloudEventType(), attributes.actor(),
                attributes.actorRoles(), attributes.actorOrganisation(), attributes.correlationId(),
                attributes.occurredAt());
    }

    /** The data as the contract record {@code type}, about the task the subject names. */
    private <T> T data(CloudEvent event, UUID taskId, Class<T> type, Function<T, String> taskIdOf) {
        T payload = CloudEventFields.data(event, type, json);
        CloudEventFields.sameAggregate(taskIdOf.apply(payload), "data.taskId", taskId, event);
        return payload;
    }

    private static <T> T required(T value, String name, CloudEvent event) {
        return CloudEventFields.required(value, name, event);
    }

    private static InvalidRecordException invalid(CloudEvent event, String problem) {
        return CloudEventFields.invalid(event, problem);
    }
}
