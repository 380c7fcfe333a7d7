package io.relais.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.command.access.AccessCommands.GrantAccess;
import io.relais.command.access.AccessCommands.ReviewAccess;
import io.relais.command.access.AccessCommands.RevokeAccess;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.access.ReviewDecision;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One access grant, from granted to revoked or expired (BRIEF §2 Access). The expiry is a persistent deadline
 * (db-scheduler): it survives restarts, fires once, and does nothing once the grant has ended another way.
 */
@Aggregate
public class AccessGrant {

    static final String EXPIRY = "access-expiry";

    @AggregateIdentifier
    private String grantId;
    private String principal;
    private String resource;
    private Instant expiresAt;
    private GrantStatus status;

    protected AccessGrant() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public AccessGrant(GrantAccess command, DeadlineManager deadlines) {
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.grantedAt())) {
            throw new AccessRuleViolated("expiresAt (" + command.expiresAt() + ") must be after now ("
                    + command.grantedAt() + ")");
        }
        apply(new AccessGranted(command.grantId(), command.principal(), command.organisation(), command.resource(),
                command.level(), command.purpose(), command.engagementId(), command.expiresAt(), command.grantedBy(),
                command.grantedAt()));
        if (command.expiresAt() != null) {
            deadlines.schedule(command.expiresAt(), EXPIRY);
        }
    }

    @CommandHandler
    public GrantStatus handle(RevokeAccess command, DeadlineManager deadlines) {
        requireActive("revoke");
        apply(new AccessRevoked(grantId, principal, resource, command.reason(), command.revokedBy(),
                command.revokedAt()));
        deadlines.cancelAllWithinScope(EXPIRY);
        return status;
    }

    /** A review that revokes records both facts: the review's outcome, then the revocation every reader knows. */
    @CommandHandler
    public GrantStatus handle(ReviewAccess command, DeadlineManager deadlines) {
        requireActive("review");
        apply(new AccessReviewed(grantId, principal, resource, command.decision(), command.comment(),
                command.reviewedBy(), command.reviewedAt()));
        if (command.decision() == ReviewDecision.REVOKED) {
            String reason = "Revoked in access review" + (command.comment() == null ? "" : ": " + command.comment());
            apply(new AccessRevoked(grantId, principal, resource, reason, command.reviewedBy(), command.reviewedAt()));
            deadlines.cancelAllWithinScope(EXPIRY);
        }
        return status;
    }

    /**
     * The grant's expiry came. A grant revoked in the meantime (its deadline cancellation lost, or racing it) has
     * nothing to expire: the handler returns without an event and without failing, so nothing retries it.
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (status != GrantStatus.ACTIVE) {
            return;
        }
        apply(new AccessExpired(grantId, principal, resource, expiresAt));
    }

    private void requireActive(String action) {
        if (status != GrantStatus.ACTIVE) {
            throw new GrantNotActive(grantId, action, status);
        }
    }

    @EventSourcingHandler
    void on(AccessGranted event) {
        grantId = event.grantId();
        principal = event.principal();
        resource = event.resource();
        expiresAt = event.expiresAt();
        status = GrantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccessRevoked event) {
        status = GrantStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(AccessExpired event) {
        status = GrantStatus.EXPIRED;
    }

    GrantStatus status() {
        return status;
    }
}
