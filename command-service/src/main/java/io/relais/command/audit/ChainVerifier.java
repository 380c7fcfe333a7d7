package io.relais.command.audit;

import io.relais.command.audit.ChainVerification.Break;
import io.relais.command.audit.ChainVerification.HeadCheck;
import io.relais.command.audit.ChainVerification.Problem;
import io.relais.command.relay.CloudEventMapper;
import io.relais.command.relay.EventChainLedger;
import io.relais.command.relay.EventChainLedger.StoredLink;
import io.relais.contract.audit.ChainHead;
import io.relais.contract.audit.EventChain;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the event chain over the event store (BRIEF §6, tamper evidence): link after link, each event is read
 * back as the relay read it, turned into its chain link with the relay's own mapper, and hashed after its
 * predecessor's stored link. The first event that does not hash to its link (altered), a link without its event or a
 * hole in the numbering (deleted), or an event the relay has passed without a link (inserted) is reported with its
 * position; then the chain is compared with the latest head signed and published outside the database (catches the
 * newest events deleted with their links, and links recomputed after an alteration).
 */
@Component
class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);
    private static final int BATCH = 500;
    private static final String RELAY = "kafka-relay";

    private final JdbcClient jdbc;
    private final EventChainLedger chain;
    private final CloudEventMapper mapper;
    private final Serializer serializer;
    private final PublishedHeads heads;
    private final ChainHeadSigner signer;
    private final Clock clock;

    ChainVerifier(JdbcClient jdbc, EventChainLedger chain, CloudEventMapper mapper,
                  @Qualifier("eventSerializer") Serializer serializer, PublishedHeads heads, ChainHeadSigner signer,
                  Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.mapper = mapper;
        this.serializer = serializer;
        this.heads = heads;
        this.signer = signer;
        this.clock = clock;
    }

    ChainVerification verify() {
        String previous = EventChain.GENESIS;
        long checked = 0;
        Break firstBreak = null;
        List<StoredLink> links = chain.after(0, BATCH);
        while (!links.isEmpty() && firstBreak == null) {
            Map<Long, StoredEvent> events = eventsAt(links.stream().map(StoredLink::position).toList());
            for (StoredLink link : links) {
                firstBreak = check(previous, checked + 1, link, events.get(link.position()));
                if (firstBreak != null) {
                    break;
                }
                previous = link.hash();
                checked++;
            }
            links = firstBreak == null ? chain.after(checked, BATCH) : List.of();
        }
        long legacyUpTo = chain.legacyUpTo();
        RelayProgress relay = relayProgress();
        long unchained = 0;
        long legacy = 0;
        for (long position : unlinkedPositions()) {
            if (position <= legacyUpTo) {
                legacy++;
            } else if (relay.passed(position)) {
                if (firstBreak == null) {
                    firstBreak = new Break(null, position, Problem.INSERTED, eventIdAt(position),
                            "The relay has passed this event, yet it has no link: it was written behind its back");
                }
            } else {
                unchained++;
            }
        }
        HeadCheck head = compareWithPublishedHead();
        if (firstBreak == null && head.published() != null && !(head.signatureValid() && head.matches())) {
            firstBreak = new Break(head.published().index(), head.published().position(), Problem.REWRITTEN, null,
                    head.detail());
        }
        return new ChainVerification(firstBreak == null ? ChainVerification.Status.VALID
                : ChainVerification.Status.BROKEN, clock.instant(), checked, unchained, legacy, firstBreak, head);
    }

    private Break check(String previous, long expectedIndex, StoredLink link, StoredEvent event) {
        if (link.index() != expectedIndex) {
            return new Break(expectedIndex, null, Problem.DELETED, null, "Link " + expectedIndex
                    + " is missing (the chain goes on at " + link.index() + "): it was removed with its event");
        }
        if (event == null) {
            return new Break(link.index(), link.position(), Problem.DELETED, link.eventId(),
                    "The event of this link is no longer in the event store");
        }
        if (!event.eventId.equals(link.eventId())) {
            return new Break(link.index(), link.position(), Problem.ALTERED, link.eventId(),
                    "The event at this position has id " + event.eventId + ", its link names " + link.eventId());
        }
        String recomputed;
        try {
            recomputed = EventChain.hash(previous,
                    mapper.chainLink(event.message(serializer), link.index(), link.position()));
        } catch (RuntimeException unreadable) {
            return new Break(link.index(), link.position(), Problem.ALTERED, link.eventId(),
                    "The stored event can no longer be read: " + unreadable.getMessage());
        }
        if (!recomputed.equals(link.hash())) {
            return new Break(link.index(), link.position(), Problem.ALTERED, link.eventId(),
                    "The stored event and its predecessor's link hash to " + recomputed + ", the link records "
                            + link.hash() + ": this event (or the link before it) was altered");
        }
        return null;
    }

    /** How far the relay got: every event at or below its index, outside its gaps, has been published and linked. */
    private RelayProgress relayProgress() {
        return jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0")
                .param(RELAY)
                .query((row, n) -> {
                    byte[] token = row.getBytes(1);
                    if (token == null) {
                        return RelayProgress.NONE;
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                    return RelayProgress.of(tracking);
                })
                .optional()
                .orElse(RelayProgress.NONE);
    }

    private record RelayProgress(long index, java.util.Set<Long> gaps) {

        static final RelayProgress NONE = new RelayProgress(-1, java.util.Set.of());

        static RelayProgress of(TrackingToken token) {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            if (current instanceof GapAwareTrackingToken gapAware) {
                return new RelayProgress(gapAware.getIndex(), gapAware.getGaps());
            }
            return new RelayProgress(current == null ? -1 : current.position().orElse(-1), java.util.Set.of());
        }

        boolean passed(long position) {
            return position <= index && !gaps.contains(position);
        }
    }

    private List<Long> unlinkedPositions() {
        return jdbc.sql("""
                        SELECT e.globalindex FROM domainevententry e
                        WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.position = e.globalindex)
                        ORDER BY e.globalindex""")
                .query(Long.class)
                .list();
    }

    private String eventIdAt(long position) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE globalindex = ?").param(position)
                .query(String.class).optional().orElse(null);
    }

    private HeadCheck compareWithPublishedHead() {
        Optional<ChainHead> latest;
        try {
            latest = heads.latest();
        } catch (RuntimeException unreachable) {
            log.warn("No published chain head to compare with: {}", unreachable.toString());
            return new HeadCheck(null, false, false, "The published heads could not be read: " + unreachable.getMessage());
        }
        if (latest.isEmpty()) {
            return new HeadCheck(null, false, false, "No chain head was published yet");
        }
        ChainHead head = latest.get();
        boolean signed = head.isSignedBy(signer.publicKey());
        if (!signed) {
            return new HeadCheck(head, false, false, "The latest published head's signature does not verify");
        }
        var stored = chain.after(head.index() - 1, 1).stream().filter(l -> l.index() == head.index()).findFirst();
        if (stored.isEmpty()) {
            return new HeadCheck(head, true, false, "The head signed at " + head.signedAt() + " is link "
                    + head.index() + " (position " + head.position() + "), which the stored chain no longer holds:"
                    + " events were removed from its end");
        }
        if (!stored.get().hash().equals(head.hash())) {
            return new HeadCheck(head, true, false, "Link " + head.index() + " holds " + stored.get().hash()
                    + ", the signed head " + head.hash() + ": the chain was rewritten");
        }
        return new HeadCheck(head, true, true, "The stored chain holds the signed head");
    }

    private Map<Long, StoredEvent> eventsAt(List<Long> positions) {
        Map<Long, StoredEvent> events = new HashMap<>();
        jdbc.sql("""
                        SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        FROM domainevententry WHERE globalindex IN (:positions)""")
                .param("positions", positions)
                .query(row -> {
                    StoredEvent event = new StoredEvent(row.getLong(1), row.getString(2), row.getString(3),
                            row.getLong(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getBytes(9), row.getBytes(10));
                    events.put(event.position, event);
                });
        return events;
    }

    /** A row of the event store, read back into the message the relay saw. */
    private record StoredEvent(long position, String eventId, String aggregateId, long sequence, String aggregateType,
                               String timestamp, String payloadType, String payloadRevision, byte[] payload,
                               byte[] metaData) {

        GenericDomainEventMessage<Object> message(Serializer serializer) {
            Object payloadObject = serializer.deserialize(
                    new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision));
            MetaData meta = metaData == null ? MetaData.emptyInstance() : serializer.deserialize(
                    new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null));
            return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payloadObject, meta, eventId,
                    DateTimeUtils.parseInstant(timestamp));
        }
    }
}
