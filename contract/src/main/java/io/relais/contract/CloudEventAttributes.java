package io.relais.contract;

/**
 * CloudEvents attributes Relais sets on every Kafka record (binary content mode: attributes travel
 * as {@code ce_*} headers, the event itself as the JSON value).
 */
public final class CloudEventAttributes {

    /** CloudEvents {@code source} of events written by the command side. */
    public static final String SOURCE = "/relais/command-service";

    public static final String DATA_CONTENT_TYPE = "application/json";

    /**
     * Extension: position of the event in its aggregate's stream, starting at 0. Consumers use
     * (subject, aggregatesequence) to drop re-deliveries.
     */
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";

    /** Extension: the kind of aggregate the subject identifies ({@code task}, ...). */
    public static final String AGGREGATE_TYPE = "aggregatetype";

    /** Extension: name of the authenticated principal who caused the event (never taken from a request body). */
    public static final String ACTOR = "actor";

    /** Extension: the actor's roles, comma-separated, e.g. {@code REQUESTER} or {@code AGENT}. */
    public static final String ACTOR_ROLES = "actorroles";

    /** Extension: the actor's organisation (the company, or the provider an agent works for). */
    public static final String ACTOR_ORGANISATION = "actororganisation";

    /** Extension: the correlation id of the request that caused the event. */
    public static final String CORRELATION_ID = "correlationid";

    /** Extension: the number of the event's link in the {@link io.relais.contract.audit.EventChain}, from 1, dense. */
    public static final String CHAIN_INDEX = "chainindex";

    /** Extension: the event's position in the event store's global index (grows, with gaps), recorded in its link. */
    public static final String CHAIN_POSITION = "chainposition";

    /** Extension: the {@link io.relais.contract.audit.EventChain} hash of the event, 64 hex digits. */
    public static final String CHAIN_HASH = "chainhash";

    private CloudEventAttributes() {
    }
}
