package io.relais.query.audit;

import io.relais.contract.audit.ChainHead;
import io.relais.query.projection.InvalidRecordException;
import java.security.PublicKey;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every signed chain head published on {@code relais.audit-heads.v1}, checking its signature with the configured
 * public key. A head that does not verify is kept too, marked invalid, and never used to vouch for the copy.
 */
@Component
class ChainHeadListener {

    private static final Logger log = LoggerFactory.getLogger(ChainHeadListener.class);

    private final ChainHeads heads;
    private final PublicKey key;
    private final Clock clock;

    ChainHeadListener(ChainHeads heads, AuditProperties properties, Clock clock) {
        this.heads = heads;
        this.key = properties.publicKey();
        this.clock = clock;
    }

    @KafkaListener(id = "audit-heads", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).AUDIT_HEADS.name()}",
            containerFactory = AuditKafkaConfiguration.HEAD_LISTENER_FACTORY)
    void on(ConsumerRecord<String, ChainHead> record) {
        ChainHead head = record.value();
        if (head == null || head.hash() == null || head.signedAt() == null || head.signature() == null
                || head.index() < 1 || head.position() < 0) {
            throw new InvalidRecordException("Incomplete chain head (index, position, hash, signedAt and signature are"
                    + " required): " + head);
        }
        boolean valid = head.isSignedBy(key);
        if (!valid) {
            log.warn("Chain head of link {} (key {}) does not verify with the configured key; kept, not trusted",
                    head.index(), head.keyId());
        }
        heads.record(head, valid, clock.instant());
    }
}
