package io.relais.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of recomputing the event chain over the query side's copy of the trail.
 *
 * @param status         VALID: every link of the copy follows the one before and the copy reaches the latest signed
 *                       head with the same hash; BROKEN: see {@code breach} or {@code head}; INCOMPLETE: the chain is
 *                       intact but ends before the latest signed head (the newest events are missing, or in flight)
 * @param eventsChecked  how many links were walked
 * @param lastIndex      the number of the last link walked (null when the copy is empty)
 * @param lastPosition   the event store position of its event
 * @param lastHash       its hash
 * @param breach         the first link where the chain breaks, null if it does not
 * @param head           the comparison with the latest signed head, null when none was received
 * @param rejectedHeads  heads received whose signature did not verify with the configured key (never trusted)
 * @param lastReceivedAt when the newest record of the copy arrived
 * @param settled        false when the finding could still be events in flight: the copy received a record within the
 *                       in-flight grace, or the head was signed within it; verify again in a moment
 */
public record Verification(Status status, String message, Instant checkedAt, long eventsChecked, Long lastIndex,
                           Long lastPosition, String lastHash, Breach breach, HeadCheck head, long rejectedHeads,
                           Instant lastReceivedAt, boolean settled) {

    public enum Status {
        VALID, BROKEN, INCOMPLETE
    }

    /** Why the chain breaks at a link. */
    public enum Cause {
        /** The stored event does not hash to the hash it carried: its content (or its hash) was changed. */
        ALTERED,
        /** Links before this one are missing from the copy: deleted, or not received yet. */
        MISSING_BEFORE
    }

    /**
     * The first stored link that does not follow.
     *
     * @param chainIndex     the link's number
     * @param missingIndexes for MISSING_BEFORE, the first and last numbers missing before it
     */
    public record Breach(long chainIndex, long position, String eventId, String type, String subject, long sequence,
                         String carriedHash, String recomputedHash, Cause cause, List<Long> missingIndexes,
                         String message) {
    }

    /**
     * @param result MATCHES, BEYOND_COPY (the copy ends before it) or HASH_DIFFERS (the copy holds another hash there)
     */
    public record HeadCheck(long index, String hash, long position, Instant signedAt, String keyId, String result,
                            String message) {
    }
}
