package io.relais.calendar;

import static io.relais.calendar.Paris.at;
import static io.relais.calendar.SlaClock.Transition.paused;
import static io.relais.calendar.SlaClock.Transition.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.calendar.SlaClock.Status;
import io.relais.calendar.SlaClock.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

    private final BusinessCalendar france = BusinessCalendar.franceDefault();
    private final Instant friday17 = at("2026-01-09T17:00");
    /** "24h ouvrées" requested Friday 17:00: due Wednesday 14:00. */
    private final SlaClock tickets = SlaClock.of(SlaPolicy.parse("BUSINESS_HOURS(24)"), france, friday17);

    @ParameterizedTest(name = "at {0}: {1} elapsed, {2}")
    @CsvSource({
            "2026-01-09T16:00, PT0S,  ON_TRACK",   // before the request: the clock has not started
            "2026-01-12T12:00, PT4H,  ON_TRACK",
            "2026-01-14T09:11, PT19H11M, ON_TRACK",
            "2026-01-14T09:12, PT19H12M, AT_RISK", // 80 % of 24 h = 19 h 12 min
            "2026-01-14T13:59, PT23H59M, AT_RISK",
            "2026-01-14T14:00, PT24H, BREACHED",   // the breach instant itself
            "2026-01-14T14:01, PT24H1M, BREACHED",
    })
    void shouldReadElapsedAndStatus_whenRunningSinceTheRequest(String now, Duration elapsed, Status status) {
        SlaClock.Reading reading = tickets.read(List.of(running(friday17)), at(now));

        assertThat(reading.elapsed()).isEqualTo(elapsed);
        assertThat(reading.status()).isEqualTo(status);
        assertThat(reading.remaining()).isEqualTo(Duration.ofHours(24).minus(elapsed));
    }

    @Test
    void shouldPredictAtRiskAndBreach_whenRunning() {
        List<Transition> history = List.of(running(friday17));

        assertThat(tickets.atRiskAt(history)).contains(at("2026-01-14T09:12"));
        assertThat(tickets.breachAt(history)).contains(at("2026-01-14T14:00"));
    }

    @Test
    void shouldStopCounting_whilePaused() {
        // On hold Monday 10:00 (2 h used), resumed Tuesday 09:00: 22 h left → Thursday 13:00.
        List<Transition> history = List.of(running(friday17), paused(at("2026-01-12T10:00")), running(at("2026-01-13T09:00")));

        assertThat(tickets.elapsed(history, at("2026-01-12T17:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(tickets.elapsed(history, at("2026-01-13T12:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(tickets.breachAt(history)).contains(at("2026-01-15T13:00"));
        assertThat(tickets.read(history, at("2026-01-14T14:00")).status()).as("16 h used").isEqualTo(Status.ON_TRACK);
        assertThat(tickets.read(history, at("2026-01-15T10:00")).status()).as("21 h used").isEqualTo(Status.AT_RISK);
    }

    @Test
    void shouldNeverBreach_whilePausedWithinBudget() {
        List<Transition> history = List.of(running(friday17), paused(at("2026-01-12T10:00")));

        assertThat(tickets.breachAt(history)).isEmpty();
        assertThat(tickets.atRiskAt(history)).isEmpty();
        assertThat(tickets.read(history, at("2027-01-01T00:00")).status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldReportABreachInThePast_whenCompletedLate() {
        List<Transition> history = List.of(running(friday17), paused(at("2026-01-15T10:00")));

        assertThat(tickets.breachAt(history)).contains(at("2026-01-14T14:00"));
        SlaClock.Reading reading = tickets.read(history, at("2026-02-01T00:00"));
        assertThat(reading.elapsed()).isEqualTo(Duration.ofHours(29));
        assertThat(reading.status()).isEqualTo(Status.BREACHED);
        assertThat(reading.remaining()).isEqualTo(Duration.ofHours(-5));
    }

    @Test
    void shouldBreachWhenWorkResumes_whenABusinessDeadlineEndsTheDay() {
        // J+2 requested Monday 10:00: due Wednesday 18:00, budget 26 business hours.
        Instant monday = at("2026-01-12T10:00");
        SlaClock invoices = SlaClock.of(SlaPolicy.parse("BUSINESS_DAYS(2)"), france, monday);

        assertThat(invoices.budget()).isEqualTo(Duration.ofHours(26));
        assertThat(invoices.breachAt(List.of(running(monday)))).contains(at("2026-01-15T09:00"));
        assertThat(invoices.read(List.of(running(monday), paused(at("2026-01-14T19:00"))), at("2026-01-20T00:00")).status())
                .as("done Wednesday 19:00: no working time lost").isEqualTo(Status.AT_RISK);
        assertThat(invoices.read(List.of(running(monday), paused(at("2026-01-15T09:30"))), at("2026-01-20T00:00")).status())
                .isEqualTo(Status.BREACHED);
    }

    @Test
    void shouldCountWallTime_whenCalendarHours() {
        Instant requested = at("2026-05-07T10:00");
        SlaClock crm = SlaClock.of(SlaPolicy.parse("CALENDAR_HOURS(48)"), france, requested);
        List<Transition> history = List.of(running(requested));

        assertThat(crm.elapsed(history, at("2026-05-08T10:00"))).isEqualTo(Duration.ofHours(24));
        assertThat(crm.breachAt(history)).contains(at("2026-05-09T10:00"));
        assertThat(crm.atRiskAt(history)).contains(requested.plus(Duration.ofMinutes(48 * 60 * 8 / 10)));
    }

    @Test
    void shouldIgnoreRepeatedTransitions_andTransitionsAfterNow() {
        List<Transition> history = List.of(running(friday17), running(at("2026-01-12T12:00")),
                paused(at("2026-01-12T13:00")), paused(at("2026-01-12T15:00")), running(at("2026-01-13T09:00")));

        assertThat(tickets.elapsed(history, at("2026-01-12T14:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(tickets.elapsed(history, at("2026-01-13T10:00"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void shouldUseAConfiguredAtRiskRatio() {
        SlaClock half = tickets.withAtRiskRatio(0.5);

        assertThat(half.atRiskThreshold()).isEqualTo(Duration.ofHours(12));
        assertThat(half.atRiskAt(List.of(running(friday17)))).contains(at("2026-01-13T11:00"));
        assertThat(tickets.atRiskThreshold()).isEqualTo(Duration.ofMinutes(19 * 60 + 12));
    }

    @Test
    void shouldRefuseBadInput() {
        assertThatThrownBy(() -> tickets.withAtRiskRatio(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at-risk ratio must be in (0, 1]");
        assertThatThrownBy(() -> tickets.withAtRiskRatio(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets.elapsed(List.of(running(at("2026-01-12T10:00")), paused(friday17)), at("2026-02-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
    }
}
