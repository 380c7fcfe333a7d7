package io.relais.contract.access;

import java.time.Instant;

/** A grant went through a periodic access review (BRIEF §6): kept, or revoked (then {@link AccessRevoked} follows). */
public record AccessReviewed(String grantId, String principal, String resource, ReviewDecision decision,
                             String comment, String reviewedBy, Instant reviewedAt) {
}
