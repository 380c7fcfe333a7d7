package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Task events as command-service publishes them (see its CloudEventMapper), for tests. */
public final class TaskEvents {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private TaskEvents() {
    }

    public static TaskRequested requested(UUID taskId, String title, String type, Instant requestedAt) {
        return new TaskRequested(taskId.toString(), title, null, type, TaskPriority.HIGH, null, 0, REQUESTER,
                Confidentiality.INTERNAL, "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT,
                requestedAt.plusSeconds(86_400), requestedAt);
    }

    /** A complete TaskRequested CloudEvent at sequence 0, timed one second after the request. */
    public static CloudEvent cloudEvent(TaskRequested payload) {
        return builder(payload.taskId(), 0, EventType.TASK_REQUESTED.cloudEventType())
                .withTime(payload.requestedAt().plusSeconds(1).atOffset(ZoneOffset.UTC))
                .withData(json(payload))
                .build();
    }

    /** The same, requested by {@code requester} of organisation {@code organisation}. */
    public static CloudEvent cloudEvent(TaskRequested payload, String requester, String organisation) {
        return builder(payload.taskId(), 0, EventType.TASK_REQUESTED.cloudEventType(), requester)
                .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, organisation)
                .withTime(payload.requestedAt().plusSeconds(1).atOffset(ZoneOffset.UTC))
                .withData(json(payload))
                .build();
    }

    /** The requester every test event is published by, unless a test says otherwise. */
    public static final String REQUESTER = "claire";
    public static final String REQUESTER_ORGANISATION = "acme";

    /** The attributes command-service sets, without time and data, for an event caused by {@link #REQUESTER}. */
    public static CloudEventBuilder builder(String subject, long sequence, String type) {
        return builder(subject, sequence, type, REQUESTER)
                .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, REQUESTER_ORGANISATION);
    }

    /** The attributes command-service sets, for an event caused by {@code actor} (with role REQUESTER). */
    public static CloudEventBuilder builder(String subject, long sequence, String type, String actor) {
        return anonymousBuilder(subject, sequence, type)
                .withExtension(CloudEventAttributes.ACTOR, actor)
                .withExtension(CloudEventAttributes.ACTOR_ROLES, "REQUESTER")
                .withExtension(CloudEventAttributes.CORRELATION_ID, "test-" + subject);
    }

    /** The attributes of an event published before actors were recorded. */
    public static CloudEventBuilder anonymousBuilder(String subject, long sequence, String type) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(type)
                .withSubject(subject)
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withExtension(CloudEventAttributes.AGGREGATE_TYPE, "task");
    }

    public static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
