package io.relais.query.audit;

import io.relais.contract.audit.EventChain;
import java.time.Instant;

/**
 * One event of the raw trail: a record of an event topic exactly as received, with the chain link it carried.
 *
 * @param chainIndex  {@code ce_chainindex}: the number of the event's link in the chain
 * @param position    {@code ce_chainposition}: the event's position in the event store
 * @param time        the CloudEvents {@code time}, the instant hashed into the chain
 * @param actorRoles  as carried (comma-separated), null when absent
 * @param data        the Kafka record value, byte for byte
 * @param chainHash   {@code ce_chainhash} as carried
 */
record TrailEvent(long chainIndex, long position, String eventId, String type, String subject, String aggregateType, long sequence,
                  Instant time, String actor, String actorRoles, String actorOrganisation, String correlationId,
                  byte[] data, String chainHash, String topic) {

    /** What the chain hashes of this event. */
    EventChain.Link link() {
        return new EventChain.Link(chainIndex, position, eventId, type, subject, sequence, time, actor, correlationId, data);
    }
}
