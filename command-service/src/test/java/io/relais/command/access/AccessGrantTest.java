package io.relais.command.access;

import io.relais.command.access.AccessCommands.GrantAccess;
import io.relais.command.access.AccessCommands.ReviewAccess;
import io.relais.command.access.AccessCommands.RevokeAccess;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.access.ReviewDecision;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessGrantTest {

    private static final String ID = "7d3e5f10-2a4b-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String ENGAGEMENT = "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a";
    private static final Instant GRANTED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2026-06-30T22:00:00Z");
    private static final AccessGranted GRANTED = new AccessGranted(ID, "amina", "backoffice-pro", "payroll-folder",
            AccessLevel.READ, "Paie de mars", ENGAGEMENT, EXPIRES_AT, "admin", GRANTED_AT);

    private AggregateTestFixture<AccessGrant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessGrant.class);
    }

    @Test
    void shouldGrant_andScheduleItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(ID, "amina", "backoffice-pro", "payroll-folder", AccessLevel.READ, "Paie de mars",
                        ENGAGEMENT, EXPIRES_AT, "admin", GRANTED_AT))
                .expectEvents(GRANTED)
                .expectScheduledDeadlineWithName(EXPIRES_AT, AccessGrant.EXPIRY);
    }

    @Test
    void shouldScheduleNothing_whenTheGrantHasNoExpiry() {
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(ID, "marc", "acme", "crm", AccessLevel.WRITE, "Suivi clients", null, null, "admin",
                        GRANTED_AT))
                .expectEvents(new AccessGranted(ID, "marc", "acme", "crm", AccessLevel.WRITE, "Suivi clients", null,
                        null, "admin", GRANTED_AT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void shouldRefuseAGrant_thatWouldExpireBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(ID, "marc", "acme", "crm", AccessLevel.READ, "x", null, GRANTED_AT, "admin",
                        GRANTED_AT))
                .expectException(AccessRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void shouldExpireOnce_whenTheDeadlineFires() {
        fixture.givenCommands(new GrantAccess(ID, "amina", "backoffice-pro", "payroll-folder", AccessLevel.READ,
                        "Paie de mars", ENGAGEMENT, EXPIRES_AT, "admin", GRANTED_AT))
                .whenTimeAdvancesTo(EXPIRES_AT)
                .expectEvents(new AccessExpired(ID, "amina", "payroll-folder", EXPIRES_AT))
                .expectTriggeredDeadlinesWithName(AccessGrant.EXPIRY);
    }

    @Test
    void shouldRevoke_andCancelTheExpiry() {
        Instant at = GRANTED_AT.plus(Duration.ofDays(30));
        fixture.given(GRANTED)
                .when(new RevokeAccess(ID, "Fin de mission", "admin", at))
                .expectEvents(new AccessRevoked(ID, "amina", "payroll-folder", "Fin de mission", "admin", at))
                .expectResultMessagePayload(GrantStatus.REVOKED);
    }

    @Test
    void shouldDoNothing_whenTheExpiryFiresAfterARevocation() {
        fixture.givenCommands(new GrantAccess(ID, "amina", "backoffice-pro", "payroll-folder", AccessLevel.READ,
                                "Paie de mars", ENGAGEMENT, EXPIRES_AT, "admin", GRANTED_AT),
                        new RevokeAccess(ID, "x", "admin", GRANTED_AT.plusSeconds(60)))
                .whenTimeAdvancesTo(EXPIRES_AT.plusSeconds(1))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void shouldRefuseARevocation_whenTheGrantAlreadyExpired() {
        fixture.given(GRANTED, new AccessExpired(ID, "amina", "payroll-folder", EXPIRES_AT))
                .when(new RevokeAccess(ID, "trop tard", "admin", EXPIRES_AT.plusSeconds(60)))
                .expectException(GrantNotActive.class)
                .expectNoEvents();
    }

    @Test
    void shouldRecordTheReview_andKeepTheGrant_whenKept() {
        Instant at = GRANTED_AT.plus(Duration.ofDays(30));
        fixture.given(GRANTED)
                .when(new ReviewAccess(ID, ReviewDecision.KEPT, "Toujours utile", "admin", at))
                .expectEvents(new AccessReviewed(ID, "amina", "payroll-folder", ReviewDecision.KEPT, "Toujours utile",
                        "admin", at))
                .expectResultMessagePayload(GrantStatus.ACTIVE);
    }

    @Test
    void shouldRecordTheReview_thenTheRevocation_whenRevokedInReview() {
        Instant at = GRANTED_AT.plus(Duration.ofDays(30));
        fixture.given(GRANTED)
                .when(new ReviewAccess(ID, ReviewDecision.REVOKED, "Plus nécessaire", "admin", at))
                .expectEvents(
                        new AccessReviewed(ID, "amina", "payroll-folder", ReviewDecision.REVOKED, "Plus nécessaire",
                                "admin", at),
                        new AccessRevoked(ID, "amina", "payroll-folder", "Revoked in access review: Plus nécessaire",
                                "admin", at))
                .expectResultMessagePayload(GrantStatus.REVOKED);
    }
}
