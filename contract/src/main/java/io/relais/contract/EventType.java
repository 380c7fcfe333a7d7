package io.relais.contract;

import io.relais.contract.task.TaskRequested;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of published events: the CloudEvents {@code type} of each, its schema version and
 * the record that carries it. A breaking change to a record means a new version, never an edit.
 */
public enum EventType {

    TASK_REQUESTED("relais.task.requested", 1, "task", TaskRequested.class);

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
