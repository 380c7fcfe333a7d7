package io.relais.query.access;

import io.relais.contract.access.AccessLevel;
import java.time.Instant;
import java.util.List;

/**
 * One access event of the history: a grant, revocation, expiry or review, with who did it, when and why.
 *
 * @param actor          who did it (grantedBy / revokedBy / reviewedBy, else the event's actor); null for an expiry
 *                       the deadline fired
 * @param occurredAt     when it took effect, as the event states
 * @param reason         the purpose of a grant, the reason of a revocation, the comment of a review
 * @param decision       KEPT or REVOKED, for a review
 * @param level          the level granted (GRANTED only)
 * @param expiresAt      the expiry granted (GRANTED only)
 * @param chainPosition  the event's position in the audit trail, null if it carried none
 */
public record HistoryEntry(String grantId, long sequence, String eventId, AccessEventKind kind, String principal,
                           String organisation, String resource, AccessLevel level, String actor,
                           List<String> actorRoles, String correlationId, Instant occurredAt, String reason,
                           String decision, Instant expiresAt, String engagementId, Long chainPosition) {

    /** The step this entry is, for {@link AccessFold}. */
    AccessStep step() {
        return new AccessStep(kind, grantId, principal, resource, actor, occurredAt, reason, level, organisation,
                engagementId, expiresAt, decision);
    }
}
