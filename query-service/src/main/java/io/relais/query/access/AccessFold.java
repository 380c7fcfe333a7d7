package io.relais.query.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access registry rebuilt by folding access events in their order, the way the projection applies them: a grant
 * starts ACTIVE; its first revocation or expiry ends it for good (a later one changes nothing); a review records its
 * decision. {@link #grants()} after folding every event equals the registry; folding only the events that took effect
 * up to an instant T gives the state as of T.
 *
 * <p>Edge semantics of "active at T" ({@link GrantView#activeAt}): a grant is active over {@code [grantedAt, end)},
 * where {@code end} is the earliest of its revocation, its recorded expiry and its {@code expiresAt}. So a grant made
 * exactly at T is active at T; one revoked or expiring exactly at T is not; and an expiry counts at
 * {@code expiresAt} even when the AccessExpired event came later (the deadline fired late) or not yet.
 */
public final class AccessFold {

    private final Map<String, GrantView> grants = new LinkedHashMap<>();

    /** Applies one step; steps of a grant must come in its sequence order. Says whether it changed anything. */
    public boolean apply(AccessStep step) {
        GrantView grant = grants.get(step.grantId());
        switch (step.kind()) {
            case GRANTED -> {
                if (grant != null) {
                    return false;
                }
                grants.put(step.grantId(), new GrantView(step.grantId(), step.principal(), step.organisation(),
                        step.resource(), step.level(), step.reason(), step.engagementId(), step.expiresAt(),
                        GrantStatus.ACTIVE, step.actor(), step.at(), null, null, null, null, null, null, step.at()));
                return true;
            }
            case REVOKED, EXPIRED -> {
                if (grant == null || grant.status() != GrantStatus.ACTIVE) {
                    return false;
                }
                boolean revoked = step.kind() == AccessEventKind.REVOKED;
                grants.put(step.grantId(), new GrantView(grant.grantId(), grant.principal(), grant.organisation(),
                        grant.resource(), grant.level(), grant.purpose(), grant.engagementId(), grant.expiresAt(),
                        revoked ? GrantStatus.REVOKED : GrantStatus.EXPIRED, grant.grantedBy(), grant.grantedAt(),
                        step.actor(), step.at(), revoked ? step.reason() : GrantView.EXPIRED_REASON,
                        grant.lastReviewDecision(), grant.lastReviewedBy(), grant.lastReviewedAt(), step.at()));
                return true;
            }
            case REVIEWED -> {
                if (grant == null) {
                    return false;
                }
                grants.put(step.grantId(), new GrantView(grant.grantId(), grant.principal(), grant.organisation(),
                        grant.resource(), grant.level(), grant.purpose(), grant.engagementId(), grant.expiresAt(),
                        grant.status(), grant.grantedBy(), grant.grantedAt(), grant.endedBy(), grant.endedAt(),
                        grant.endReason(), step.decision(), step.actor(), step.at(), step.at()));
                return true;
            }
            default -> throw new IllegalStateException("Unhandled " + step.kind());
        }
    }

    /** Starts from a grant as the registry holds it (the projection folds one event at a time onto its row). */
    void seed(GrantView grant) {
        grants.put(grant.grantId(), grant);
    }

    /** The grant as folded so far, null if never granted. */
    GrantView grant(String grantId) {
        return grants.get(grantId);
    }

    /** Folds only the steps that took effect at or before {@code instant}, in the order given. */
    public static AccessFold asOf(Collection<AccessStep> steps, Instant instant) {
        AccessFold fold = new AccessFold();
        steps.stream().filter(step -> !step.at().isAfter(instant)).forEach(fold::apply);
        return fold;
    }

    /** Every grant folded so far, in the order they were granted. */
    public List<GrantView> grants() {
        return new ArrayList<>(grants.values());
    }

    /** The grants that let their principal access their resource at {@code instant}. */
    public List<GrantView> activeAt(Instant instant) {
        return grants.values().stream().filter(grant -> grant.activeAt(instant)).toList();
    }
}
