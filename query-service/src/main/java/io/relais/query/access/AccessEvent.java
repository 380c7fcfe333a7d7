package io.relais.query.access;

import io.relais.query.projection.CloudEventFields;

/** One record of the access topic, decoded: which grant, its place in that grant's stream, and what. */
sealed interface AccessEvent {

    String aggregateId();

    long sequence();

    /**
     * An event of the contract's access catalogue, as one step of its grant's history.
     *
     * @param chainPosition the event's global position ({@code ce_chainposition}), null if it carried none
     */
    record Known(String aggregateId, long sequence, CloudEventFields.Attributes recorded, Long chainPosition,
                 AccessStep step) implements AccessEvent {
    }

    /**
     * An event type this projection does not know (e.g. published by a newer command side). Its sequence is still
     * recorded, so that the stream stays in step when the type is handled after an upgrade and replay.
     */
    record Unknown(String aggregateId, long sequence, String cloudEventType) implements AccessEvent,
            io.relais.query.projection.UnknownEventType {
    }
}
