package io.relais.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.relais.contract.CloudEventAttributes;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What every projection reads off a CloudEvent of a Relais topic (binary mode: attributes from the {@code ce_*}
 * headers, the JSON data as the value), checking what the contract promises. A broken promise is an
 * {@link InvalidRecordException}: the record is skipped rather than retried.
 */
public final class CloudEventFields {

    private CloudEventFields() {
    }

    /**
     * The attributes a decoded event keeps: its id and type, who caused it (the actor extensions, null or empty
     * when absent) under which request, and when it happened.
     *
     * @param occurredAt the CloudEvents {@code time}, else the instant the data states
     */
    public record Attributes(String eventId, String cloudEventType, String actor, List<String> actorRoles,
                             String actorOrganisation, String correlationId, Instant occurredAt) {

        public Attributes {
            actorRoles = List.copyOf(actorRoles);
        }

        /** The instant the data states (e.g. {@code revisedAt}), or the event's time if it states none. */
        public Instant when(Instant stated) {
            return stated != null ? stated : occurredAt;
        }

        /** Who the data says did it (e.g. {@code revisedBy}), or the event's actor if it says nobody. */
        public String who(String stated) {
            return stated != null && !stated.isBlank() ? stated : actor;
        }
    }

    /**
     * The attributes of a known event.
     *
     * @param stated the instant the data states, used when the event has no {@code time}; one of the two is needed
     */
    public static Attributes attributes(CloudEvent event, Instant stated) {
        return new Attributes(event.getId(), event.getType(), extension(event, CloudEventAttributes.ACTOR),
                roles(extension(event, CloudEventAttributes.ACTOR_ROLES)),
                extension(event, CloudEventAttributes.ACTOR_ORGANISATION),
                extension(event, CloudEventAttributes.CORRELATION_ID), occurredAt(event, stated));
    }

    /** The event's {@code time}, else {@code stated}; an event that says neither cannot be placed in time. */
    public static Instant occurredAt(CloudEvent event, Instant stated) {
        Instant occurredAt = event.getTime() != null ? event.getTime().toInstant() : stated;
        if (occurredAt == null) {
            throw invalid(event, "neither the time attribute nor the data says when it happened");
        }
        return occurredAt;
    }

    /** The aggregate id: the CloudEvents {@code subject}, required. */
    public static String subject(CloudEvent event) {
        return required(event.getSubject(), "subject", event);
    }

    /** In binary mode the extension arrives as a header, i.e. as text; other bindings may give a number. */
    public static long sequence(CloudEvent event) {
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

    /** The subject as a UUID, in canonical form only. */
    public static UUID subjectUuid(String subject, CloudEvent event) {
        return uuid(subject, "subject", event);
    }

    /**
     * {@code value} as a UUID, in canonical form only: {@code UUID.fromString} also accepts shortened groups such
     * as {@code 1-2-3-4-5}.
     */
    public static UUID uuid(String value, String name, CloudEvent event) {
        required(value, name, event);
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw invalid(event, name + " '" + value + "' is not a UUID");
    }

    /** The data as the contract record {@code type}, read by {@code json}; required. */
    public static <T> T data(CloudEvent event, Class<T> type, ObjectMapper json) {
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
        return payload;
    }

    /**
     * Checks that the id the data names ({@code data.processId}, ...) is the subject's: a record about one
     * aggregate must not change another.
     */
    public static void sameAggregate(String dataId, String name, UUID subject, CloudEvent event) {
        required(dataId, name, event);
        if (!dataId.equalsIgnoreCase(subject.toString())) {
            throw invalid(event, name + " " + dataId + " differs from the subject");
        }
    }

    /** {@code value}, which must be present (and not blank, for text). */
    public static <T> T required(T value, String name, CloudEvent event) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(event, name + " is missing");
        }
        return value;
    }

    public static InvalidRecordException invalid(CloudEvent event, String problem) {
        return new InvalidRecordException(describe(event) + ": " + problem);
    }

    /** An optional text extension (the actor attributes), null when absent or blank. */
    public static String extension(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** Comma-separated, as published; kept as text so that a role this service does not know still shows. */
    static List<String> roles(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }

    private static String describe(CloudEvent event) {
        return "Event " + event.getId() + " (" + event.getType() + ", subject " + event.getSubject() + ")";
    }
}
