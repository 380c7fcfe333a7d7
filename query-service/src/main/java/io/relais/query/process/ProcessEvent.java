package io.relais.query.process;

import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.query.projection.CloudEventFields;
import java.util.UUID;

/**
 * One record of the process topic, decoded: which procedure it concerns, its place in that procedure's stream
 * (definitions, revisions, retirement and recurring occurrences share one stream), and what it carries.
 */
sealed interface ProcessEvent {

    String aggregateId();

    long sequence();

    /** An event of the contract's process catalogue. */
    sealed interface Known extends ProcessEvent {

        UUID processId();

        CloudEventFields.Attributes recorded();

        @Override
        default String aggregateId() {
            return processId().toString();
        }
    }

    /** A new procedure: its catalogue row and its first version are created. */
    record Defined(UUID processId, long sequence, CloudEventFields.Attributes recorded, ProcessDefined payload)
            implements Known {
    }

    /** A new version: it becomes the current one; the earlier ones stay readable. */
    record Revised(UUID processId, long sequence, CloudEventFields.Attributes recorded, ProcessRevised payload)
            implements Known {
    }

    /** No new task under this procedure; its versions stay readable. */
    record Retired(UUID processId, long sequence, CloudEventFields.Attributes recorded, ProcessRetired payload)
            implements Known {
    }

    /** A recurring procedure's occurrence opened the task {@code payload.taskId()}. */
    record OccurrenceDue(UUID processId, long sequence, CloudEventFields.Attributes recorded,
                         ProcessOccurrenceDue payload, UUID taskId) implements Known {
    }

    /**
     * An event type this projection does not know (e.g. published by a newer command side). Its sequence is
     * still recorded, so that the stream stays in step when the type is handled after an upgrade and replay.
     */
    record Unknown(String aggregateId, long sequence, String cloudEventType) implements ProcessEvent,
            io.relais.query.projection.UnknownEventType {
    }
}
