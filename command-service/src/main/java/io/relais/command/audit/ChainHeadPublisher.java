package io.relais.command.audit;

import io.relais.command.relay.EventChainLedger;
import io.relais.contract.Topics;
import io.relais.contract.audit.ChainHead;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the signed head of the event chain on {@code relais.audit-heads.v1} whenever it moved. Out of the
 * database's reach, the published heads let verify detect what recomputing the chain cannot: the newest events
 * deleted together with their links, or the whole chain rewritten after an alteration.
 */
@Component
class ChainHeadPublisher {

    private static final Logger log = LoggerFactory.getLogger(ChainHeadPublisher.class);

    private final EventChainLedger chain;
    private final ChainHeadSigner signer;
    private final AuditProducer kafka;
    private final Clock clock;
    private final AtomicReference<String> lastPublishedHash = new AtomicReference<>();

    ChainHeadPublisher(EventChainLedger chain, ChainHeadSigner signer,
                       AuditProducer kafka, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.kafka = kafka;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relais.audit.head-interval:10s}", initialDelayString = "${relais.audit.head-interval:10s}")
    void publishIfMoved() {
        try {
            publish();
        } catch (Exception e) {
            log.warn("Chain head not published this time: {}", e.toString());
        }
    }

    /** Signs and publishes the current head unless it was already published; answers what was published, if any. */
    ChainHead publish() throws Exception {
        var head = chain.head();
        if (head.isEmpty() || head.get().hash().equals(lastPublishedHash.get())) {
            return null;
        }
        ChainHead signed = signer.sign(head.get().index(), head.get().hash(), head.get().position(), clock.instant());
        kafka.send(Topics.AUDIT_HEADS.name(), "chain", AuditJson.write(signed)).get(30, TimeUnit.SECONDS);
        lastPublishedHash.set(signed.hash());
        return signed;
    }
}
