package io.relais.query.access;

import io.relais.contract.access.AccessLevel;
import java.time.Instant;

/**
 * A grant as the registry holds it and the API serves it.
 *
 * @param engagementId       the provider contract the grant hangs on, null for the company's own staff
 * @param expiresAt          when it ends by itself, null: no expiry
 * @param grantedBy          who granted it (the data's grantedBy, else the event's actor)
 * @param endedBy            who revoked it; for an expiry, the event's actor (null: the deadline fired it)
 * @param endedAt            when it was revoked or expired; null while ACTIVE
 * @param endReason          the revocation's reason; {@code expired} for an expiry
 * @param lastReviewDecision KEPT or REVOKED, of the last periodic review; null until reviewed
 * @param lastEventAt        when the last event applied to it took effect
 */
public record GrantView(String grantId, String principal, String organisation, String resource, AccessLevel level,
                        String purpose, String engagementId, Instant expiresAt, GrantStatus status, String grantedBy,
                        Instant grantedAt, String endedBy, Instant endedAt, String endReason,
                        String lastReviewDecision, String lastReviewedBy, Instant lastReviewedAt,
                        Instant lastEventAt) {

    static final String EXPIRED_REASON = "expired";

    /** Whether the grant let its principal access the resource at {@code instant}: see {@link AccessFold}. */
    public boolean activeAt(Instant instant) {
        boolean started = !grantedAt.isAfter(instant);
        boolean ended = endedAt != null && !endedAt.isAfter(instant);
        boolean expired = expiresAt != null && !expiresAt.isAfter(instant);
        return started && !ended && !expired;
    }
}
