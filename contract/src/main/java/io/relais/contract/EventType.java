package io.relais.contract;

import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.personal.PersonalDataErased;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
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
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of published events: the CloudEvents {@code type} of each, its schema version and
 * the record that carries it. A breaking change to a record means a new version, never an edit.
 */
public enum EventType {

    TASK_REQUESTED("relais.task.requested", 1, "task", TaskRequested.class),
    TASK_ASSIGNED("relais.task.assigned", 1, "task", TaskAssigned.class),
    TASK_STARTED("relais.task.started", 1, "task", TaskStarted.class),
    TASK_PUT_ON_HOLD("relais.task.put-on-hold", 1, "task", TaskPutOnHold.class),
    TASK_RESUMED("relais.task.resumed", 1, "task", TaskResumed.class),
    TASK_COMPLETED("relais.task.completed", 1, "task", TaskCompleted.class),
    TASK_APPROVED("relais.task.approved", 1, "task", TaskApproved.class),
    TASK_REWORK_REQUESTED("relais.task.rework-requested", 1, "task", TaskReworkRequested.class),
    TASK_ESCALATED("relais.task.escalated", 1, "task", TaskEscalated.class),
    TASK_REPRIORITIZED("relais.task.reprioritized", 1, "task", TaskReprioritized.class),
    TASK_CANCELLED("relais.task.cancelled", 1, "task", TaskCancelled.class),
    TASK_RATED("relais.task.rated", 1, "task", TaskRated.class),
    INCIDENT_REPORTED("relais.task.incident-reported", 1, "task", IncidentReported.class),
    TASK_ACCESS_LOST("relais.task.access-lost", 1, "task", TaskAccessLost.class),
    PROCESS_DEFINED("relais.process.defined", 1, "process", ProcessDefined.class),
    PROCESS_REVISED("relais.process.revised", 1, "process", ProcessRevised.class),
    PROCESS_RETIRED("relais.process.retired", 1, "process", ProcessRetired.class),
    PROCESS_OCCURRENCE_DUE("relais.process.occurrence-due", 1, "process", ProcessOccurrenceDue.class),
    ENGAGEMENT_STARTED("relais.engagement.started", 1, "engagement", EngagementStarted.class),
    ENGAGEMENT_ENDED("relais.engagement.ended", 1, "engagement", EngagementEnded.class),
    ACCESS_GRANTED("relais.access.granted", 1, "access", AccessGranted.class),
    ACCESS_REVOKED("relais.access.revoked", 1, "access", AccessRevoked.class),
    ACCESS_EXPIRED("relais.access.expired", 1, "access", AccessExpired.class),
    ACCESS_REVIEWED("relais.access.reviewed", 1, "access", AccessReviewed.class),
    PERSONAL_DATA_ERASED("relais.subject.personal-data-erased", 1, "subject", PersonalDataErased.class);

    private final String name;
    private final int version;
    private final String aggregateType;
    private final Class<?> payloadClass;

    EventType(String name, int version, String aggregateType, Class<?> payloadClass) {
        this.name = name;
        this.version = version;
        this.aggregateType = aggregateType;
        this.payloadClass = payloadClass;
    }

    /** The CloudEvents {@code type}, e.g. {@code relais.task.requested.v1}. */
    public String cloudEventType() {
        return name + ".v" + version;
    }

    public int version() {
        return version;
    }

    public String aggregateType() {
        return aggregateType;
    }

    /** The topic this event is published on: one topic per aggregate type, ordered per aggregate. */
    public TopicSpec topic() {
        return Topics.forAggregateType(aggregateType);
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> ofPayload(Class<?> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadClass.equals(payloadClass)).findFirst();
    }

    public static Optional<EventType> ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType().equals(cloudEventType)).findFirst();
    }
}
