package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.task.IncidentReported;
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
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        String aggregateId = required(event.getSubject(), "subject", event);
        long sequence = sequenceOf(event);
        Optional<EventType> type = EventType.ofCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new TaskEvent.Unknown(aggregateId, sequence, event.getType());
        }
        UUID taskId = taskId(aggregateId, event);
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
            // Events of other aggregates have topics of their own (Topics.forAggregateType): here, a misroute.
            case PROCESS_DEFINED, PROCESS_REVISED, PROCESS_RETIRED, PROCESS_OCCURRENCE_DUE, ENGAGEMENT_STARTED,
                    ENGAGEMENT_ENDED ->
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

    /**
     * The attributes every known event carries into the timeline.
     *
     * @param stated the instant the data states, used when the event has no {@code time}; one of the two is needed
     */
    private static TaskEvent.Recorded recorded(CloudEvent event, Instant stated) {
        Instant occurredAt = event.getTime() != null ? event.getTime().toInstant() : stated;
        if (occurredAt == null) {
            throw invalid(event, "neither the time attribute nor the data says when it happened");
        }
        return new TaskEvent.Recorded(event.getId(), event.getType(), text(event, CloudEventAttributes.ACTOR),
                roles(text(event, CloudEventAttributes.ACTOR_ROLES)),
                text(event, CloudEventAttributes.ACTOR_ORGANISATION),
                text(event, CloudEventAttributes.CORRELATION_ID), occurredAt);
    }

    /** Comma-separated, as published; kept as text so that a role this service does not know still shows. */
    private static List<String> roles(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }

    /** An optional text extension (the actor attributes), null when absent or blank. */
    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** In binary mode the extension arrives as a header, i.e. as text; other bindings may give a number. */
    private static long sequenceOf(CloudEvent event) {
        Object value = required(event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE),
                CloudEventAttributes.AGGREGATE_SEQUENCE, event);
        long sequence;
        if (value instanceof Number number) {
            sequence = number.longValue();
        } else {
            try {
                sequence = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw invalid(event, CloudEventAttributes.AGGREGATE_SEQUENCE + " is not a number: '" + value + "'");
            }
        }
        if (sequence < 0) {
            throw invalid(event, CloudEventAttributes.AGGREGATE_SEQUENCE + " is negative: " + sequence);
        }
        return sequence;
    }

    /** The data as the contract record {@code type}, about the task the subject names. */
    private <T> T data(CloudEvent event, UUID taskId, Class<T> type, Function<T, String> taskIdOf) {
        CloudEventData data = required(event.getData(), "data", event);
        T payload;
        try {
            payload = json.readValue(data.toBytes(), type);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parsing ? parsing.getOriginalMessage() : e.getMessage();
            throw new InvalidRecordException(describe(event) + ": data is not a valid " + type.getSimpleName()
                    + ": " + reason, e);
        }
        if (payload == null) {
            throw invalid(event, "data is missing");
        }
        String dataTaskId = required(taskIdOf.apply(payload), "data.taskId", event);
        if (!dataTaskId.equalsIgnoreCase(taskId.toString())) {
            throw invalid(event, "data.taskId " + dataTaskId + " differs from the subject");
        }
        return payload;
    }

    /** Only the canonical form: {@code UUID.fromString} also accepts shortened groups such as {@code 1-2-3-4-5}. */
    private static UUID taskId(String aggregateId, CloudEvent event) {
        try {
            UUID id = UUID.fromString(aggregateId);
            if (id.toString().equalsIgnoreCase(aggregateId)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw invalid(event, "subject '" + aggregateId + "' is not a UUID");
    }

    private static <T> T required(T value, String name, CloudEvent event) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(event, name + " is missing");
        }
        return value;
    }

    private static InvalidRecordException invalid(CloudEvent event, String problem) {
        return new InvalidRecordException(describe(event) + ": " + problem);
    }

    private static String describe(CloudEvent event) {
        return "Event " + event.getId() + " (" + event.getType() + ", subject " + event.getSubject() + ")";
    }
}
