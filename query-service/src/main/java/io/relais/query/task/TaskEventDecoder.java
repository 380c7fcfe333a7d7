package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.task.TaskRequested;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
        return switch (type.get()) {
            case TASK_REQUESTED -> requested(event, aggregateId, sequence);
        };
    }

    private TaskEvent requested(CloudEvent event, String aggregateId, long sequence) {
        TaskRequested requested = data(event, TaskRequested.class);
        required(requested.taskId(), "data.taskId", event);
        required(requested.title(), "data.title", event);
        required(requested.type(), "data.type", event);
        required(requested.priority(), "data.priority", event);
        required(requested.requestedAt(), "data.requestedAt", event);
        if (!requested.taskId().equals(aggregateId)) {
            throw invalid(event, "data.taskId " + requested.taskId() + " differs from the subject");
        }
        Instant occurredAt = event.getTime() != null ? event.getTime().toInstant() : requested.requestedAt();
        return new TaskEvent.Requested(aggregateId, sequence, TaskView.requested(taskId(aggregateId, event), requested,
                text(event, CloudEventAttributes.ACTOR), text(event, CloudEventAttributes.ACTOR_ORGANISATION),
                occurredAt, sequence));
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

    private <T> T data(CloudEvent event, Class<T> type) {
        CloudEventData data = required(event.getData(), "data", event);
        try {
            return json.readValue(data.toBytes(), type);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parsing ? parsing.getOriginalMessage() : e.getMessage();
            throw new InvalidRecordException(describe(event) + ": data is not a valid " + type.getSimpleName()
                    + ": " + reason, e);
        }
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
