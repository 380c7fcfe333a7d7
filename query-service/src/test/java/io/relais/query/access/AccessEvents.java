package io.relais.query.access;

import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.access.ReviewDecision;
import io.relais.query.ContractEvents;
import java.time.Instant;

/** Access events as the command side publishes them on relais.access.v1, for tests. */
public final class AccessEvents {

    /** Grants, revocations and reviews are an admin's doing. */
    public static final ContractEvents.By ADMIN = ContractEvents.ADMIN;

    private AccessEvents() {
    }

    public static AccessGranted granted(String grantId, String principal, String resource, String engagementId,
                                        Instant grantedAt, Instant expiresAt) {
        return new AccessGranted(grantId, principal, "backoffice-pro", resource, AccessLevel.READ,
                "Préparation de la paie", engagementId, expiresAt, "admin", grantedAt);
    }

    public static AccessRevoked revoked(AccessGranted grant, String reason, Instant at) {
        return new AccessRevoked(grant.grantId(), grant.principal(), grant.resource(), reason, "admin", at);
    }

    public static AccessExpired expired(AccessGranted grant, Instant at) {
        return new AccessExpired(grant.grantId(), grant.principal(), grant.resource(), at);
    }

    public static AccessReviewed reviewed(AccessGranted grant, ReviewDecision decision, String comment, Instant at) {
        return new AccessReviewed(grant.grantId(), grant.principal(), grant.resource(), decision, comment, "audrey",
                at);
    }
}
