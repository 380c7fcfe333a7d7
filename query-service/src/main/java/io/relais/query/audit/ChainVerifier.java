package io.relais.query.audit;

import io.relais.contract.audit.ChainHead;
import io.relais.contract.audit.EventChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes {@link EventChain} over the stored trail, link after link in chain order from {@link EventChain#GENESIS}:
 * each link's hash is recomputed from the previous link's carried hash and its own stored fields and bytes, and
 * compared with the hash it carried. The first link that does not follow is the breach: a hole in the numbering is a
 * deleted row (or one still in flight); a hash that does not recompute is an altered row. Then the copy is compared
 * with the latest signed head, which catches the deletion of the newest events (no later link would break).
 */
@Service
class ChainVerifier {

    private static final int BATCH = 1000;

    private final TrailRepository trail;
    private final ChainHeads heads;
    private final Clock clock;
    private final Duration grace;

    ChainVerifier(TrailRepository trail, ChainHeads heads, Clock clock, AuditProperties properties) {
        this.trail = trail;
        this.heads = heads;
        this.clock = clock;
        this.grace = properties.inFlightGrace();
    }

    /** One consistent snapshot of the copy, however long the walk takes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Verification verify() {
        Instant now = clock.instant();
        Optional<Instant> lastReceived = trail.lastReceivedAt();
        boolean recentArrivals = lastReceived.map(at -> at.isAfter(now.minus(grace))).orElse(false);
        String previousHash = EventChain.GENESIS;
        TrailEvent previous = null;
        long checked = 0;
        Verification.Breach breach = null;
        walk:
        while (true) {
            List<TrailRepository.StoredEvent> batch = trail.chain(checked, BATCH);
            for (TrailRepository.StoredEvent stored : batch) {
                TrailEvent event = stored.event();
                if (event.chainIndex() != checked + 1) {
                    breach = missing(event, checked + 1);
                    break walk;
                }
                String recomputed = EventChain.hash(previousHash, event.link());
                if (!recomputed.equals(event.chainHash())) {
                    breach = altered(event, recomputed);
                    break walk;
                }
                checked++;
                previousHash = event.chainHash();
                previous = event;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        long rejected = heads.rejected();
        Instant lastReceivedAt = lastReceived.orElse(null);
        Long lastIndex = previous == null ? null : previous.chainIndex();
        Long lastPosition = previous == null ? null : previous.position();
        String lastHash = previous == null ? null : previousHash;
        if (breach != null) {
            return new Verification(Verification.Status.BROKEN, breach.message(), now, checked, lastIndex,
                    lastPosition, lastHash, breach, null, rejected, lastReceivedAt, !recentArrivals);
        }
        Optional<ChainHead> latest = heads.latestValid();
        if (latest.isEmpty()) {
            return new Verification(Verification.Status.VALID, "The chain of the " + checked + " stored events is"
                    + " intact; no signed head received yet, so the deletion of the newest events cannot be ruled out",
                    now, checked, lastIndex, lastPosition, lastHash, null, null, rejected, lastReceivedAt,
                    !recentArrivals);
        }
        ChainHead head = latest.get();
        Verification.HeadCheck check = compare(head, checked);
        boolean headRecent = head.signedAt().isAfter(now.minus(grace));
        Verification.Status status = switch (check.result()) {
            case "MATCHES" -> Verification.Status.VALID;
            case "BEYOND_COPY" -> Verification.Status.INCOMPLETE;
            default -> Verification.Status.BROKEN;
        };
        String message = status == Verification.Status.VALID
                ? "The chain of the " + checked + " stored events is intact and holds the signed head (link "
                + head.index() + ", signed " + head.signedAt() + ")"
                : check.message();
        return new Verification(status, message, now, checked, lastIndex, lastPosition, lastHash, null, check,
                rejected, lastReceivedAt, status == Verification.Status.VALID || !(recentArrivals || headRecent));
    }

    private Verification.HeadCheck compare(ChainHead head, long chainLength) {
        String result;
        String message;
        Optional<TrailRepository.StoredEvent> at = trail.atIndex(head.index());
        if (chainLength < head.index() || at.isEmpty()) {
            result = "BEYOND_COPY";
            message = "The copy's chain ends at link " + chainLength + ", before the signed head's link " + head.index()
                    + " (position " + head.position() + ", signed " + head.signedAt() + "): the newest events are"
                    + " missing from the copy, deleted or still in flight";
        } else if (!at.get().event().chainHash().equals(head.hash())) {
            result = "HASH_DIFFERS";
            message = "Link " + head.index() + " of the copy carries " + at.get().event().chainHash()
                    + ", the signed head " + head.hash() + ": the copy was rewritten up to there";
        } else {
            result = "MATCHES";
            message = "The copy holds the signed head's link " + head.index();
        }
        return new Verification.HeadCheck(head.index(), head.hash(), head.position(), head.signedAt(), head.keyId(),
                result, message);
    }

    private static Verification.Breach missing(TrailEvent event, long expected) {
        String message = "Links " + (expected == event.chainIndex() - 1 ? String.valueOf(expected)
                : expected + ".." + (event.chainIndex() - 1)) + " are missing from the copy before link "
                + event.chainIndex() + " (position " + event.position() + ", event " + event.eventId()
                + "): deleted, or not received yet";
        return new Verification.Breach(event.chainIndex(), event.position(), event.eventId(), event.type(),
                event.subject(), event.sequence(), event.chainHash(), null, Verification.Cause.MISSING_BEFORE,
                List.of(expected, event.chainIndex() - 1), message);
    }

    private static Verification.Breach altered(TrailEvent event, String recomputed) {
        String message = "The chain breaks at link " + event.chainIndex() + " (position " + event.position()
                + ", event " + event.eventId() + ", " + event.type() + ", subject " + event.subject() + " #"
                + event.sequence() + "): its recomputed hash " + recomputed + " differs from the carried "
                + event.chainHash() + ": the event stored there was altered";
        return new Verification.Breach(event.chainIndex(), event.position(), event.eventId(), event.type(),
                event.subject(), event.sequence(), event.chainHash(), recomputed, Verification.Cause.ALTERED,
                List.of(), message);
    }
}
