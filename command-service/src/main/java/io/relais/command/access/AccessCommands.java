package io.relais.command.access;

import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.ReviewDecision;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on an access grant. Who, when, and the engagement terms are resolved before the aggregate sees them
 * ({@link AccessGrants}): the aggregate decides with them, it never reads a clock, a registry or a security context.
 */
public final class AccessCommands {

    private AccessCommands() {
    }

    /**
     * @param engagementId the principal's active engagement when they are a provider's agent, else null
     * @param expiresAt    already capped at the engagement's planned end; null for no expiry
     */
    public record GrantAccess(@TargetAggregateIdentifier String grantId, String principal, String organisation,
                              String resource, AccessLevel level, String purpose, String engagementId,
                              Instant expiresAt, String grantedBy, Instant grantedAt) {
    }

    public record RevokeAccess(@TargetAggregateIdentifier String grantId, String reason, String revokedBy,
                               Instant revokedAt) {
    }

    public record ReviewAccess(@TargetAggregateIdentifier String grantId, ReviewDecision decision, String comment,
                               String reviewedBy, Instant reviewedAt) {
    }
}
