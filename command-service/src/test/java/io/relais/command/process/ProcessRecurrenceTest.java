package io.relais.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.command.process.ProcessCommands.RetireProcess;
import io.relais.command.process.ProcessCommands.ReviseProcess;
import io.relais.contract.process.ProcessOccurrenceDue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Relances : chaque lundi 09:00": a recurring procedure opens one task per occurrence, on persistent deadlines. */
class ProcessRecurrenceTest {

    private static final String ID = "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 2 March 2026, 10:00 in Paris. */
    private static final Instant DEFINED_AT = Instant.parse("2026-03-02T09:00:00Z");
    /** The next Monday 09:00 in Paris (winter time, UTC+1). */
    private static final Instant NEXT_MONDAY_0900 = Instant.parse("2026-03-09T08:00:00Z");
    private static final Instant MONDAY_AFTER_0900 = Instant.parse("2026-03-16T08:00:00Z");

    private AggregateTestFixture<Process> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Process.class);
    }

    @Test
    void shouldScheduleTheNextMonday0900_whenAWeeklyProcedureIsDefined() {
        fixture.givenNoPriorActivity()
                .when(new DefineProcess(ID, ProcessTest.REMINDERS, "admin", DEFINED_AT, PARIS))
                .expectScheduledDeadlineWithName(NEXT_MONDAY_0900, Occurrences.DEADLINE);
    }

    @Test
    void shouldScheduleNothing_whenThePolicyIsNotASchedule() {
        fixture.givenNoPriorActivity()
                .when(new DefineProcess(ID, ProcessTest.withSlaPolicy(ProcessTest.REMINDERS, "BUSINESS_DAYS(2)"), "admin",
                        DEFINED_AT, PARIS))
                .expectNoScheduledDeadlines();
    }

    @Test
    void shouldOpenTheOccurrenceOnTime_andScheduleTheFollowingOne() {
        fixture.givenCommands(new DefineProcess(ID, ProcessTest.REMINDERS, "admin", DEFINED_AT, PARIS))
                .whenTimeAdvancesTo(NEXT_MONDAY_0900)
                .expectTriggeredDeadlinesWithName(Occurrences.DEADLINE)
                .expectEventsMatching(occurrences(Matchers.contains(
                        occurrence(NEXT_MONDAY_0900, false))))
                .expectScheduledDeadlineWithName(MONDAY_AFTER_0900, Occurrences.DEADLINE);
    }

    /**
     * Each missed occurrence is caught up, one task each. (The test fixture fires deadlines with their scheduled
     * time as message time, so lateness itself is checked below and in ProcessRecurrenceIT with the real scheduler.)
     */
    @Test
    void shouldCatchUpEveryMissedOccurrence_oneTaskEach() {
        fixture.givenCommands(new DefineProcess(ID, ProcessTest.REMINDERS, "admin", DEFINED_AT, PARIS))
                .whenTimeAdvancesTo(Instant.parse("2026-03-18T12:00:00Z"))
                .expectEventsMatching(occurrences(Matchers.contains(
                        occurrence(NEXT_MONDAY_0900, false), occurrence(MONDAY_AFTER_0900, false))));
    }

    @Test
    void shouldCountAnOccurrenceAsLate_onlyWhenFiredMoreThanFiveMinutesAfterItsTime() {
        var due = new Occurrences.Due(NEXT_MONDAY_0900, "Europe/Paris");

        assertThat(Occurrences.isLate(due, NEXT_MONDAY_0900.plusSeconds(299))).isFalse();
        assertThat(Occurrences.isLate(due, NEXT_MONDAY_0900.plusSeconds(301))).isTrue();
    }

    @Test
    void shouldStopOccurring_whenRetired() {
        fixture.givenCommands(new DefineProcess(ID, ProcessTest.REMINDERS, "admin", DEFINED_AT, PARIS))
                .when(new RetireProcess(ID, "Remplacée", "admin", DEFINED_AT.plusSeconds(60)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void shouldFollowTheNewSchedule_whenRevised() {
        fixture.givenCommands(new DefineProcess(ID, ProcessTest.REMINDERS, "admin", DEFINED_AT, PARIS))
                .when(new ReviseProcess(ID, ProcessTest.withSlaPolicy(ProcessTest.REMINDERS, "WEEKLY(THU 14:30)"),
                        "Le jeudi désormais", "admin", DEFINED_AT.plusSeconds(60), PARIS))
                .expectScheduledDeadlineWithName(Instant.parse("2026-03-05T13:30:00Z"), Occurrences.DEADLINE);
    }

    @Test
    void shouldDeriveOneTaskIdPerOccurrence() {
        assertThat(Occurrences.taskId(ID, NEXT_MONDAY_0900)).isEqualTo(Occurrences.taskId(ID, NEXT_MONDAY_0900))
                .isNotEqualTo(Occurrences.taskId(ID, MONDAY_AFTER_0900));
    }

    /** The occurrence, its derived task and whether it was late; firedAt is Axon's message time. */
    private static Matcher<ProcessOccurrenceDue> occurrence(Instant at, boolean late) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProcessOccurrenceDue due) {
                return due.processId().equals(ID) && due.version() == 1 && due.occurrenceAt().equals(at)
                        && due.taskId().equals(Occurrences.taskId(ID, at)) && due.late() == late
                        && !due.firedAt().isBefore(at);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("occurrence at " + at + (late ? " (late)" : " (on time)"));
            }
        };
    }

    private static Matcher<List<EventMessage<?>>> occurrences(Matcher<Iterable<? extends ProcessOccurrenceDue>> payloads) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return payloads.matches(payloadsOf(events));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("occurrence events ").appendDescriptionOf(payloads);
            }

            private List<ProcessOccurrenceDue> payloadsOf(List<EventMessage<?>> events) {
                return events.stream().map(EventMessage::getPayload).filter(ProcessOccurrenceDue.class::isInstance)
                        .map(ProcessOccurrenceDue.class::cast).collect(Collectors.toList());
            }
        };
    }
}
