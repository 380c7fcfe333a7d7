package io.relais.command.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.command.engagement.EngagementCommands.EndEngagement;
import io.relais.command.engagement.EngagementCommands.StartEngagement;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.sla.CalendarSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider contract, one behaviour per test: given events, when a command, then events or a refusal. */
class EngagementTest {

    private static final String ID = "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a";
    private static final Instant STARTED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant ENDED_AT = Instant.parse("2027-02-28T17:00:00Z");
    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate FEB_28 = LocalDate.parse("2027-02-28");
    /** Seed 004: 45 €/h in-house, 18 €/h with the provider. */
    private static final BigDecimal INTERNAL = new BigDecimal("45.00");
    private static final BigDecimal PROVIDER = new BigDecimal("18.00");
    private static final CalendarSpec ALSACE = new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"),
            "FR-ALSACE-MOSELLE", List.of(LocalDate.parse("2026-12-24")));

    private static final EngagementStarted STARTED = new EngagementStarted(ID, "backoffice-pro", List.of("amina", "nour"),
            INTERNAL, PROVIDER, ALSACE, true, MARCH_1, FEB_28, "admin", STARTED_AT);
    private static final EngagementEnded ENDED = new EngagementEnded(ID, "Fin de contrat", "admin", ENDED_AT);

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
    }

    @Test
    void shouldRecordEngagementStarted_withTheTermsAsGiven_whenStarted() {
        fixture.givenNoPriorActivity()
                .when(start(List.of("amina", "nour"), INTERNAL, PROVIDER, MARCH_1, FEB_28))
                .expectSuccessfulHandlerExecution()
                .expectEvents(STARTED)
                .expectState(engagement -> assertThat(engagement.status()).isEqualTo(EngagementStatus.ACTIVE));
    }

    @ParameterizedTest(name = "internal {0} €/h, provider {1} €/h")
    @CsvSource({"0, 18.00", "-45.00, 18.00", "45.00, 0", "45.00, -0.01"})
    void shouldRefuseStart_whenARateIsNotAboveZero(BigDecimal internal, BigDecimal provider) {
        fixture.givenNoPriorActivity()
                .when(start(List.of("amina"), internal, provider, MARCH_1, FEB_28))
                .expectException(EngagementTermsInvalid.class)
                .expectExceptionMessage(Matchers.containsString("HourlyRate must be above 0"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseStart_whenThePlannedEndIsTheStartDay() {
        fixture.givenNoPriorActivity()
                .when(start(List.of("amina"), INTERNAL, PROVIDER, MARCH_1, MARCH_1))
                .expectException(EngagementTermsInvalid.class)
                .expectExceptionMessage(Matchers.containsString("plannedEndOn (2026-03-01) must be after startsOn"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseStart_whenThePlannedEndIsBeforeTheStart() {
        fixture.givenNoPriorActivity()
                .when(start(List.of("amina"), INTERNAL, PROVIDER, FEB_28, MARCH_1))
                .expectException(EngagementTermsInvalid.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseStart_whenThereIsNoAgent() {
        fixture.givenNoPriorActivity()
                .when(start(List.of(), INTERNAL, PROVIDER, MARCH_1, FEB_28))
                .expectException(EngagementTermsInvalid.class)
                .expectExceptionMessage(Matchers.containsString("at least one agent"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseStart_whenAnAgentIsNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(start(List.of("amina", "amina"), INTERNAL, PROVIDER, MARCH_1, FEB_28))
                .expectException(EngagementTermsInvalid.class)
                .expectNoEvents();
    }

    @Test
    void shouldRecordEngagementEnded_whenActive() {
        fixture.given(STARTED)
                .when(new EndEngagement(ID, "Fin de contrat", "admin", ENDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ENDED)
                .expectState(engagement -> assertThat(engagement.status()).isEqualTo(EngagementStatus.ENDED));
    }

    @Test
    void shouldRefuseEnd_withStateAndAllowedActions_whenAlreadyEnded() {
        fixture.given(STARTED, ENDED)
                .when(new EndEngagement(ID, "Encore", "admin", ENDED_AT.plusSeconds(60)))
                .expectException(notAllowed(EngagementStatus.ENDED, Set.of()))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseEnd_whenTheEngagementWasNeverStarted() {
        fixture.givenNoPriorActivity()
                .when(new EndEngagement(ID, "Fin", "admin", ENDED_AT))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    /** The event store reads streams by id alone: Axon refuses to rebuild from a foreign stream (REST: 404). */
    @Test
    void shouldRefuseEnd_whenTheIdIsAnotherAggregatesStream() {
        fixture.given(new ProcessRetired(ID, "Remplacée", "admin", STARTED_AT))
                .when(new EndEngagement(ID, "Fin", "admin", ENDED_AT))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    private static StartEngagement start(List<String> agents, BigDecimal internal, BigDecimal provider,
                                         LocalDate startsOn, LocalDate plannedEndOn) {
        return new StartEngagement(ID, "backoffice-pro", agents, internal, provider, ALSACE, true, startsOn,
                plannedEndOn, "admin", STARTED_AT);
    }

    private static Matcher<EngagementActionNotAllowed> notAllowed(EngagementStatus state,
                                                                 Set<EngagementAction> allowed) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EngagementActionNotAllowed refusal) {
                return refusal.currentState() == state && refusal.allowedActions().equals(allowed)
                        && refusal.getMessage().contains("it is " + state);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("EngagementActionNotAllowed in state " + state + " allowing " + allowed);
            }
        };
    }
}
