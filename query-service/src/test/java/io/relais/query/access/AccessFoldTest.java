package io.relais.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.ReviewDecision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The edge semantics of "active at T" (README, "Audit and access"), without a database. */
class AccessFoldTest {

    private static final Instant GRANTED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2026-03-14T10:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2026-06-30T22:00:00Z");

    private final AccessGranted grant = AccessEvents.granted(UUID.randomUUID().toString(), "amina",
            "payroll-folder", null, GRANTED_AT, EXPIRES_AT);

    @Test
    void shouldBeActiveFromTheGrantInstant_andNoLongerAtTheRevocationInstant() {
        List<AccessStep> steps = List.of(step(grant), step(AccessEvents.revoked(grant, "Fin de mission", REVOKED_AT)));

        assertThat(activeAt(steps, GRANTED_AT.minusSeconds(1))).isEmpty();
        assertThat(activeAt(steps, GRANTED_AT)).hasSize(1);
        assertThat(activeAt(steps, REVOKED_AT.minusMillis(1))).hasSize(1);
        assertThat(activeAt(steps, REVOKED_AT)).isEmpty();
        assertThat(activeAt(steps, REVOKED_AT.plusSeconds(3600))).isEmpty();
    }

    @Test
    void shouldEndAtExpiresAt_evenWithoutAnExpiryEventOrWithALateOne() {
        Instant late = EXPIRES_AT.plusSeconds(7200);
        List<AccessStep> withoutEvent = List.of(step(grant));
        List<AccessStep> withLateEvent = List.of(step(grant), step(AccessEvents.expired(grant, late)));

        for (List<AccessStep> steps : List.of(withoutEvent, withLateEvent)) {
            assertThat(activeAt(steps, EXPIRES_AT.minusMillis(1))).hasSize(1);
            assertThat(activeAt(steps, EXPIRES_AT)).isEmpty();
            assertThat(activeAt(steps, late.plusSeconds(1))).isEmpty();
        }
    }

    @Test
    void shouldKeepTheFirstEnd_andRecordAReviewWithoutEndingTheGrant() {
        AccessFold fold = new AccessFold();
        fold.apply(step(grant));
        assertThat(fold.apply(step(AccessEvents.reviewed(grant, ReviewDecision.KEPT, "Toujours utile",
                REVOKED_AT.minusSeconds(60))))).isTrue();
        assertThat(fold.apply(step(AccessEvents.revoked(grant, "Fin de mission", REVOKED_AT)))).isTrue();
        assertThat(fold.apply(step(AccessEvents.expired(grant, EXPIRES_AT)))).isFalse();

        GrantView folded = fold.grants().get(0);
        assertThat(folded.status()).isEqualTo(GrantStatus.REVOKED);
        assertThat(folded.endedAt()).isEqualTo(REVOKED_AT);
        assertThat(folded.endReason()).isEqualTo("Fin de mission");
        assertThat(folded.lastReviewDecision()).isEqualTo("KEPT");
        assertThat(folded.lastReviewedBy()).isEqualTo("audrey");
    }

    @Test
    void shouldIgnoreAnEndOfAGrantNeverGranted() {
        AccessFold fold = new AccessFold();

        assertThat(fold.apply(step(AccessEvents.revoked(grant, "?", REVOKED_AT)))).isFalse();
        assertThat(fold.grants()).isEmpty();
    }

    private static List<GrantView> activeAt(List<AccessStep> steps, Instant at) {
        return AccessFold.asOf(steps, at).activeAt(at);
    }

    private static AccessStep step(Object payload) {
        return AccessStep.of(payload, "admin", AccessStep.statedAt(payload));
    }
}
