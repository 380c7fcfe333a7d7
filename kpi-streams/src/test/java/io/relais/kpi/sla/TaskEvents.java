package io.relais.kpi.sla;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import io.relais.kpi.KpiSerdes;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The events of one task's lifecycle as the relay publishes them: CloudEvents, sequences from 0, payload instants. */
final class TaskEvents {

    static final String TYPE = "PAYMENT_REMINDER";

    private final String taskId;
    private long nextSequence;

    TaskEvents(String taskId) {
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }

    CloudEvent requested(String policy, Instant at) {
        return requested(policy, TaskPriority.NORMAL, null, at);
    }

    CloudEvent requested(String policy, TaskPriority priority, String processId, Instant at) {
        // dueAt is informative only: the clock works from the policy, the calendar and requestedAt
        return event(EventType.TASK_REQUESTED, new TaskRequested(taskId, "Relances " + taskId, null, TYPE, priority,
                processId, processId == null ? 0 : 1, "claire", Confidentiality.INTERNAL, policy,
                CalendarSpec.FRANCE_DEFAULT, at, at), at);
    }

    CloudEvent assigned(String organisation, Instant at) {
        return event(EventType.TASK_ASSIGNED, new TaskAssigned(taskId, "amina", organisation,
                "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a", "marc", at), at);
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

    CloudEvent completed(Instant at) {
        return event(EventType.TASK_COMPLETED, new TaskCompleted(taskId, 30, List.of(), "amina", at), at);
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

    /** An event of this task carrying {@code data} as it is, with the next sequence. */
    CloudEvent raw(String cloudEventType, byte[] data, Instant at) {
        return CloudEventBuilder.v1()
                .withId(taskId + "-" + nextSequence)
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(cloudEventType)
                .withSubject(taskId)
                .withTime(at.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, nextSequence++)
                .withData(data)
                .build();
    }

    @SuppressWarnings("unchecked")
    private <T> CloudEvent event(EventType type, T payload, Instant at) {
        byte[] data = KpiSerdes.json((Class<T>) payload.getClass()).serializer().serialize("x", payload);
        return raw(type.cloudEventType(), data, at);
    }
}
