package io.relais.query.access;

import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import java.time.Instant;
import java.util.Objects;

/**
 * One access event as the registry and its history understand it, whatever it was read from (a Kafka record, a
 * history row, a line of the audit trail): the unit {@link AccessFold} folds.
 *
 * @param actor  who did it: the data's grantedBy / revokedBy / reviewedBy, else the event's actor; null for an expiry
 *               no caller caused
 * @param at     when it took effect: the data's grantedAt / revokedAt / expiredAt / reviewedAt, else the event's time
 * @param reason the purpose of a grant, the reason of a revocation, the comment of a review; null for an expiry
 * @param level, organisation, purpose, engagementId, expiresAt set on GRANTED steps only
 * @param decision set on REVIEWED steps only
 */
public record AccessStep(AccessEventKind kind, String grantId, String principal, String resource, String actor,
                         Instant at, String reason, AccessLevel level, String organisation, String engagementId,
                         Instant expiresAt, String decision) {

    public AccessStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The step an access event makes, the way the registry reads it: what the data states, else the CloudEvents
     * attributes ({@code eventActor}, {@code eventTime}).
     */
    public static AccessStep of(Object payload, String eventActor, Instant eventTime) {
        if (payload instanceof AccessGranted g) {
            return new AccessStep(AccessEventKind.GRANTED, g.grantId(), g.principal(), g.resource(),
                    who(g.grantedBy(), eventActor), when(g.grantedAt(), eventTime), g.purpose(), g.level(),
                    g.organisation(), g.engagementId(), g.expiresAt(), null);
        }
        if (payload instanceof AccessRevoked r) {
            return new AccessStep(AccessEventKind.REVOKED, r.grantId(), r.principal(), r.resource(),
                    who(r.revokedBy(), eventActor), when(r.revokedAt(), eventTime), r.reason(), null, null, null, null,
                    null);
        }
        if (payload instanceof AccessExpired e) {
            return new AccessStep(AccessEventKind.EXPIRED, e.grantId(), e.principal(), e.resource(), eventActor,
                    when(e.expiredAt(), eventTime), null, null, null, null, null, null);
        }
        if (payload instanceof AccessReviewed v) {
            return new AccessStep(AccessEventKind.REVIEWED, v.grantId(), v.principal(), v.resource(),
                    who(v.reviewedBy(), eventActor), when(v.reviewedAt(), eventTime), v.comment(), null, null, null,
                    null, v.decision() == null ? null : v.decision().name());
        }
        throw new IllegalArgumentException("Not an access event: " + payload);
    }

    /** The instant the data states (grantedAt, revokedAt, expiredAt, reviewedAt), null if it states none. */
    public static Instant statedAt(Object payload) {
        if (payload instanceof AccessGranted g) {
            return g.grantedAt();
        }
        if (payload instanceof AccessRevoked r) {
            return r.revokedAt();
        }
        if (payload instanceof AccessExpired e) {
            return e.expiredAt();
        }
        if (payload instanceof AccessReviewed v) {
            return v.reviewedAt();
        }
        throw new IllegalArgumentException("Not an access event: " + payload);
    }

    private static String who(String stated, String eventActor) {
        return stated != null && !stated.isBlank() ? stated : eventActor;
    }

    private static Instant when(Instant stated, Instant eventTime) {
        return stated != null ? stated : eventTime;
    }
}
