package io.relais.query.access;

import io.relais.contract.access.AccessLevel;
import java.time.Instant;

/**
 * One line of the access review: an active grant and one reason it deserves a look. A grant with several reasons has
 * one line per reason.
 *
 * @param finding what is wrong, as a code
 * @param detail  the same, in a sentence naming the facts (dates, engagement, provider)
 */
public record ReviewFinding(Finding finding, String grantId, String principal, String organisation, String resource,
                            AccessLevel level, String engagementId, Instant grantedAt, Instant expiresAt,
                            String detail) {

    /** The review's checks (BRIEF §6). */
    public enum Finding {
        /** Granted without expiry: it lasts until somebody revokes it. */
        NO_EXPIRY,
        /** Expires after its engagement's planned end (or never), or its engagement already ended. */
        OUTLIVES_ENGAGEMENT,
        /** Granted to a provider whose data processing agreement is not signed (or not on record). */
        NO_SIGNED_DPA,
        /** No task requiring the resource was assigned to the principal since the grant was made. */
        UNUSED
    }
}
