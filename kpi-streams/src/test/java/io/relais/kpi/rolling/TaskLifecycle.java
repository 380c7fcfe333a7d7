package io.relais.kpi.rolling;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.engagement.EngagementStarted;
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
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import io.relais.kpi.KpiSerdes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The events of one task as the relay publishes them: CloudEvents, sequences from 0, CloudEvent time = payload. */
final class TaskLifecycle {

    private final String taskId;
    private long nextSequence;

    TaskLifecycle(String taskId) {
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }

    CloudEvent requested(String type, TaskPriority priority, String processId, String policy, Instant at) {
        return event(EventType.TASK_REQUESTED, new TaskRequested(taskId, "Tâche " + taskId, null, type, priority,
                processId, processId == null ? 0 : 1, "claire", Confidentiality.INTERNAL, policy,
                CalendarSpec.FRANCE_DEFAULT, at, at), at);
    }

    CloudEvent assigned(String provider, String engagementId, Instant at) {
        return event(EventType.TASK_ASSIGNED, new TaskAssigned(taskId, "amina", provider, engagementId, "marc", at),
                at);
    }

    CloudEvent started(Instant at) {
        return event(EventType.TASK_STARTED, new TaskStarted(taskId, "amina", at), at);
    }

    CloudEvent putOnHold(Instant at) {
        return event(EventType.TASK_PUT_ON_HOLD, new TaskPutOnHold(taskId, "Montant manquant", at), at);
    }

    CloudEvent resumed(Instant at) {
        return event(EventType.TASK_RESUMED, new TaskResumed(taskId, at), at);
    }

    CloudEvent completed(int minutes, boolean checklistPassed, Instant at) {
        return event(EventType.TASK_COMPLETED, new TaskCompleted(taskId, minutes,
                List.of(new ChecklistResult("Montant vérifié", checklistPassed, null)), "amina", at), at);
    }

    CloudEvent reworkRequested(Instant at) {
        return event(EventType.TASK_REWORK_REQUESTED, new TaskReworkRequested(taskId, "Montant faux", "marc", at),
                at);
    }

    CloudEvent approved(Instant at) {
        return event(EventType.TASK_APPROVED, new TaskApproved(taskId, "marc", at), at);
    }

    CloudEvent cancelled(Instant at) {
        return event(EventType.TASK_CANCELLED, new TaskCancelled(taskId, "Plus nécessaire", "claire", at), at);
    }

    CloudEvent reprioritized(TaskPriority from, TaskPriority to, Instant at) {
        return event(EventType.TASK_REPRIORITIZED, new TaskReprioritized(taskId, from, to, "marc", at), at);
    }

    CloudEvent rated(int rating, Instant at) {
        return event(EventType.TASK_RATED, new TaskRated(taskId, rating, null, "claire", at), at);
    }

    CloudEvent incident(IncidentSeverity severity, IncidentKind kind, Instant at) {
        return event(EventType.INCIDENT_REPORTED, new IncidentReported(taskId, taskId + "-i" + nextSequence, kind,
                severity, "Erreur", "marc", at), at);
    }

    static CloudEvent engagementStarted(String engagementId, String provider, String internalRate,
                                        String providerRate, Instant at) {
        EngagementStarted started = new EngagementStarted(engagementId, provider, List.of("amina"),
                new BigDecimal(internalRate), new BigDecimal(providerRate), CalendarSpec.FRANCE_DEFAULT, true,
                LocalDate.of(2026, 1, 1), null, "admin", at);
        return build(EventType.ENGAGEMENT_STARTED.cloudEventType(), engagementId, 0,
                KpiSerdes.json(EngagementStarted.class).serializer().serialize("x", started), at);
    }

    @SuppressWarnings("unchecked")
    private <T> CloudEvent event(EventType type, T payload, Instant at) {
        byte[] data = KpiSerdes.json((Class<T>) payload.getClass()).serializer().serialize("x", payload);
        return build(type.cloudEventType(), taskId, nextSequence++, data, at);
    }

    private static CloudEvent build(String type, String subject, long sequence, byte[] data, Instant at) {
        return CloudEventBuilder.v1()
                .withId(subject + "-" + sequence)
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(type)
                .withSubject(subject)
                .withTime(at.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withData(data)
                .build();
    }
}
