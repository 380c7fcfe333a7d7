package io.relais.command.audit;

import io.relais.contract.audit.ChainHead;
import java.time.Instant;

/**
 * What verify found, as the auditor reads it.
 *
 * @param status          {@code VALID}: every link recomputes, every event the relay passed is linked, the chain
 *                        holds the latest signed head; {@code BROKEN}: see {@code firstBreak}
 * @param chainLength     links checked (the chain's length when it is whole)
 * @param unchainedEvents events the relay has not published yet (its lag, not a break)
 * @param legacyEvents    events stored before the chain existed and not published since (not covered)
 * @param firstBreak      where the chain first breaks, null when it does not
 * @param head            the comparison with the latest published signed head
 */
public record ChainVerification(Status status, Instant verifiedAt, long chainLength, long unchainedEvents,
                                long legacyEvents, Break firstBreak, HeadCheck head) {

    public enum Status { VALID, BROKEN }

    /**
     * {@code ALTERED}: the stored event no longer hashes to its link; {@code DELETED}: a linked event, or a link with
     * its event, is gone; {@code INSERTED}: an event the relay has passed has no link (it was written behind the
     * relay's back); {@code REWRITTEN}: the chain no longer holds the latest signed head (its newest links were
     * removed, or links were recomputed after an alteration).
     */
    public enum Problem { ALTERED, DELETED, INSERTED, REWRITTEN }

    /**
     * @param chainIndex the link where the chain breaks (null for an inserted event, which has none)
     * @param position   the event store position of the event concerned (null when a link vanished with its event)
     */
    public record Break(Long chainIndex, Long position, Problem problem, String eventId, String detail) {
    }

    /**
     * @param published      the latest signed head, null when none was published yet or the broker is unreachable
     * @param signatureValid whether its signature checks with the configured public key
     * @param matches        whether the stored chain holds the same hash at the head's index
     */
    public record HeadCheck(ChainHead published, boolean signatureValid, boolean matches, String detail) {
    }
}
