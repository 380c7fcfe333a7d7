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
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskEscalated;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

    /** Who publishes an event in tests: a demo user with their roles (comma-separated) and organisation. */
    public record By(String name, String roles, String organisation) {
    }

    public static final By CLAIRE = new By(REQUESTER, "REQUESTER", REQUESTER_ORGANISATION);
    public static final By MARC = new By("marc", "APPROVER", "acme");
    /** The agent tasks are assigned to, unless a test says otherwise, and her provider organisation. */
    public static final By AMINA = new By("amina", "AGENT", "backoffice-pro");

    /**
     * Any event of the catalogue as command-service publishes it: its type from the payload's class, caused by
     * {@code by}, at {@code time}.
     */
    public static CloudEvent event(UUID taskId, long sequence, Object payload, By by, Instant time) {
        String type = EventType.ofPayload(payload.getClass()).orElseThrow().cloudEventType();
        return anonymousBuilder(taskId.toString(), sequence, type)
                .withExtension(CloudEventAttributes.ACTOR, by.name())
                .withExtension(CloudEventAttributes.ACTOR_ROLES, by.roles())
                .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, by.organisation())
                .withExtension(CloudEventAttributes.CORRELATION_ID, "test-" + taskId + "-" + sequence)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(json(payload))
                .build();
    }

    /** TaskRequested by claire (acme) at {@code sequence}. */
    public static CloudEvent requestedEvent(TaskRequested payload, long sequence) {
        return event(UUID.fromString(payload.taskId()), sequence, payload, CLAIRE, payload.requestedAt());
    }

    /** Assigned by marc to {@code agent} of {@code providerOrganisation}. */
    public static CloudEvent assigned(UUID taskId, long sequence, String agent, String providerOrganisation,
                                      Instant at) {
        return event(taskId, sequence, new TaskAssigned(taskId.toString(), agent, providerOrganisation,
                "engagement-" + providerOrganisation, MARC.name(), at), MARC, at);
    }

    /** Started by amina. */
    public static CloudEvent started(UUID taskId, long sequence, Instant at) {
        return event(taskId, sequence, new TaskStarted(taskId.toString(), AMINA.name(), at), AMINA, at);
    }

    /** Put on hold by amina. */
    public static CloudEvent putOnHold(UUID taskId, long sequence, String reason, Instant at) {
        return event(taskId, sequence, new TaskPutOnHold(taskId.toString(), reason, at), AMINA, at);
    }

    /** Resumed by amina. */
    public static CloudEvent resumed(UUID taskId, long sequence, Instant at) {
        return event(taskId, sequence, new TaskResumed(taskId.toString(), at), AMINA, at);
    }

    /** Completed by amina, every checklist item passed. */
    public static CloudEvent completed(UUID taskId, long sequence, int timeSpentMinutes, Instant at) {
        return event(taskId, sequence, new TaskCompleted(taskId.toString(), timeSpentMinutes,
                List.of(new ChecklistResult("Montant vérifié", true, null),
                        new ChecklistResult("Bon destinataire", true, "contrôlé dans le CRM")),
                AMINA.name(), at), AMINA, at);
    }

    /** Approved by marc. */
    public static CloudEvent approved(UUID taskId, long sequence, Instant at) {
        return event(taskId, sequence, new TaskApproved(taskId.toString(), MARC.name(), at), MARC, at);
    }

    /** Sent back by marc. */
    public static CloudEvent reworkRequested(UUID taskId, long sequence, String reason, Instant at) {
        return event(taskId, sequence, new TaskReworkRequested(taskId.toString(), reason, MARC.name(), at), MARC, at);
    }

    /** Escalated by claire. */
    public static CloudEvent escalated(UUID taskId, long sequence, String reason, Instant at) {
        return event(taskId, sequence, new TaskEscalated(taskId.toString(), reason, CLAIRE.name(), at), CLAIRE, at);
    }

    /** Reprioritized by marc. */
    public static CloudEvent reprioritized(UUID taskId, long sequence, TaskPriority from, TaskPriority to,
                                           Instant at) {
        return event(taskId, sequence, new TaskReprioritized(taskId.toString(), from, to, MARC.name(), at), MARC,
                at);
    }

    /** Cancelled by claire. */
    public static CloudEvent cancelled(UUID taskId, long sequence, String reason, Instant at) {
        return event(taskId, sequence, new TaskCancelled(taskId.toString(), reason, CLAIRE.name(), at), CLAIRE, at);
    }

    /** Rated by claire. */
    public static CloudEvent rated(UUID taskId, long sequence, int rating, Instant at) {
        return event(taskId, sequence, new TaskRated(taskId.toString(), rating, "Merci", CLAIRE.name(), at), CLAIRE,
                at);
    }

    /** An error of {@code severity} reported by marc. */
    public static CloudEvent incidentReported(UUID taskId, long sequence, IncidentSeverity severity, Instant at) {
        return event(taskId, sequence, new IncidentReported(taskId.toString(), UUID.randomUUID().toString(),
                IncidentKind.ERROR, severity, "Relance envoyée au mauvais destinataire", MARC.name(), at), MARC, at);
    }

    public static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
