package io.relais.query.engagement;

import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.query.projection.CloudEventFields;
import java.util.UUID;

/** One record of the engagement topic, decoded: which engagement, its place in that engagement's stream, and what. */
sealed interface EngagementEvent {

    String aggregateId();

    long sequence();

    /** An event of the contract's engagement catalogue. */
    sealed interface Known extends EngagementEvent {

        UUID engagementId();

        CloudEventFields.Attributes recorded();

        @Override
        default String aggregateId() {
            return engagementId().toString();
        }
    }

    /** A contract with a provider begins: its row is created. */
    record Started(UUID engagementId, long sequence, CloudEventFields.Attributes recorded, EngagementStarted payload)
            implements Known {
    }

    /** The contract ends, and every access of the provider with it. */
    record Ended(UUID engagementId, long sequence, CloudEventFields.Attributes recorded, EngagementEnded payload)
            implements Known {
    }

    /**
     * An event type this projection does not know (e.g. published by a newer command side). Its sequence is
     * still recorded, so that the stream stays in step when the type is handled after an upgrade and replay.
     */
    record Unknown(String aggregateId, long sequence, String cloudEventType) implements EngagementEvent,
            io.relais.query.projection.UnknownEventType {
    }
}
