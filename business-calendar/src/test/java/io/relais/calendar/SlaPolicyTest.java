package io.relais.calendar;

import static io.relais.calendar.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.calendar.SlaPolicy.BusinessDays;
import io.relais.calendar.SlaPolicy.BusinessHours;
import io.relais.calendar.SlaPolicy.CalendarHours;
import io.relais.calendar.SlaPolicy.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaPolicyTest {

    private final BusinessCalendar france = BusinessCalendar.franceDefault();

    /** The seeds' examples, plus their edges. */
    @ParameterizedTest(name = "{0}: {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "Tickets L1 : 24h ouvrées    | BUSINESS_HOURS(24) | 2026-01-09T17:00 | 2026-01-14T14:00",
            "Tickets L1, Friday evening  | BUSINESS_HOURS(24) | 2026-01-09T20:00 | 2026-01-14T15:00",
            "Factures : J+2, eve of 8 May| BUSINESS_DAYS(2)   | 2026-05-07T10:00 | 2026-05-12T18:00",
            "Factures : J+2, Monday      | BUSINESS_DAYS(2)   | 2026-01-12T10:00 | 2026-01-14T18:00",
            "Mise à jour CRM : sous 48h  | CALENDAR_HOURS(48) | 2026-05-07T10:00 | 2026-05-09T10:00",
            "CRM, across the spring DST  | CALENDAR_HOURS(48) | 2026-03-28T10:00 | 2026-03-30T11:00",
            "Relances : chaque lundi     | WEEKLY(MON 09:00)  | 2026-05-07T10:00 | 2026-05-11T09:00",
            "Relances, from Monday 09:00 | WEEKLY(MON 09:00)  | 2026-05-11T09:00 | 2026-05-18T09:00",
            "Relances, from Monday 08:59 | WEEKLY(MON 09:00)  | 2026-05-11T08:59 | 2026-05-11T09:00",
    })
    void shouldComputeTheDueInstant_forTheSeedsExamples(String example, String policy, String requested, String due) {
        assertThat(SlaPolicy.parse(policy).dueAt(at(requested), france)).isEqualTo(at(due));
    }

    @Test
    void shouldFollowTheLocalTime_whenAScheduleCrossesADstChange() {
        Schedule mondays = Schedule.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0));

        assertThat(mondays.nextOccurrenceAfter(at("2026-03-27T12:00"), BusinessCalendar.PARIS))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));  // 09:00 CEST
        assertThat(mondays.nextOccurrenceAfter(at("2026-10-23T12:00"), BusinessCalendar.PARIS))
                .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));  // 09:00 CET
        assertThat(mondays.budget(at("2026-03-23T09:00"), france)).as("a 167-hour week").isEqualTo(Duration.ofHours(167));
    }

    @Test
    void shouldOccurWhenTheClocksJump_whenAScheduleTimeFallsInTheGap() {
        Schedule sundays = Schedule.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30));

        assertThat(sundays.nextOccurrenceAfter(at("2026-03-28T12:00"), BusinessCalendar.PARIS))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));  // 03:00 CEST
        assertThat(sundays.nextOccurrenceAfter(at("2026-10-24T12:00"), BusinessCalendar.PARIS))
                .as("once, at the first 02:30").isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(sundays.nextOccurrenceAfter(Instant.parse("2026-10-25T00:30:00Z"), BusinessCalendar.PARIS))
                .isEqualTo(at("2026-11-01T02:30"));
    }

    @Test
    void shouldOccurOnEveryListedDay_andIgnoreHolidays() {
        Schedule mondaysAndThursdays = new Schedule(Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), LocalTime.of(14, 30));

        assertThat(mondaysAndThursdays.nextOccurrenceAfter(at("2026-04-06T15:00"), BusinessCalendar.PARIS)).isEqualTo(at("2026-04-09T14:30"));
        assertThat(mondaysAndThursdays.nextOccurrenceAfter(at("2026-04-03T15:00"), BusinessCalendar.PARIS))
                .as("Easter Monday still occurs").isEqualTo(at("2026-04-06T14:30"));
    }

    @Test
    void shouldMeasureInThePolicysUnit() {
        Instant fri = at("2026-01-09T17:00");
        Instant mon = at("2026-01-12T17:00");

        assertThat(new BusinessHours(24).elapsed(fri, mon, france)).isEqualTo(Duration.ofHours(9));
        assertThat(new BusinessDays(2).elapsed(fri, mon, france)).isEqualTo(Duration.ofHours(9));
        assertThat(new CalendarHours(48).elapsed(fri, mon, france)).isEqualTo(Duration.ofHours(72));
        assertThat(Schedule.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)).elapsed(fri, mon, france)).isEqualTo(Duration.ofHours(72));
    }

    @ParameterizedTest(name = "{0} requested {1}: budget {2}")
    @CsvSource({
            "BUSINESS_HOURS(24), 2026-01-09T17:00, PT24H",
            "BUSINESS_DAYS(2),   2026-01-12T10:00, PT26H",  // 8 h Monday + 9 h + 9 h
            "BUSINESS_DAYS(2),   2026-01-12T07:00, PT27H",
            "BUSINESS_DAYS(2),   2026-01-17T11:00, PT27H",  // Saturday: the whole Monday counts
            "CALENDAR_HOURS(48), 2026-03-28T10:00, PT48H",
            "WEEKLY(MON 09:00),  2026-05-11T09:00, PT168H",
    })
    void shouldGiveTheBudgetOfARequest_inThePolicysUnit(String policy, String requested, Duration budget) {
        assertThat(SlaPolicy.parse(policy).budget(at(requested), france)).isEqualTo(budget);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUSINESS_HOURS(24)", "BUSINESS_DAYS(2)", "CALENDAR_HOURS(48)", "WEEKLY(MON 09:00)",
            "BUSINESS_HOURS(1)", "BUSINESS_DAYS(10000)", "WEEKLY(MON,THU 14:30)", "WEEKLY(MON-FRI 08:00)",
            "WEEKLY(MON-WED,FRI,SUN 23:59)"})
    void shouldRoundTripTheTextForm(String text) {
        SlaPolicy policy = SlaPolicy.parse(text);

        assertThat(policy.text()).isEqualTo(text);
        assertThat(policy).hasToString(text);
        assertThat(SlaPolicy.parse(policy.text())).isEqualTo(policy);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            " WEEKLY(THU,MON 14:30) | WEEKLY(MON,THU 14:30)",
            "WEEKLY(MON,TUE,WED 08:00) | WEEKLY(MON-WED 08:00)",
            "BUSINESS_HOURS(024) | BUSINESS_HOURS(24)",
    })
    void shouldCanonicalise_whenTheTextIsLoose(String loose, String canonical) {
        assertThat(SlaPolicy.parse(loose).text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
            "''                           | SLA policy is missing",
            "BUSINESS_HOURS(0)            | n must be 1..10000, was 0",
            "BUSINESS_DAYS(10001)         | n must be 1..10000, was 10001",
            "CALENDAR_HOURS(99999999999)  | n must be 1..10000, was 99999999999",
            "BUSINESS_HOURS(-1)           | expected BUSINESS_HOURS(n), BUSINESS_DAYS(n), CALENDAR_HOURS(n) or WEEKLY(DAYS HH:MM)",
            "business_hours(24)           | expected BUSINESS_HOURS(n)",
            "HOURLY(2)                    | expected BUSINESS_HOURS(n)",
            "BUSINESS_HOURS(24h)          | expected BUSINESS_HOURS(n)",
            "WEEKLY(MOX 09:00)            | unknown day 'MOX'",
            "WEEKLY(MON 9:00)             | time '9:00': expected HH:MM",
            "WEEKLY(MON 25:00)            | time '25:00': not a valid HH:MM time",
            "WEEKLY(MON)                  | expected BUSINESS_HOURS(n)",
    })
    void shouldRefuseBadText_namingTheProblem(String text, String message) {
        assertThatThrownBy(() -> SlaPolicy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseAnOutOfRangeAmount_whenBuiltDirectly() {
        assertThatThrownBy(() -> new BusinessHours(0)).hasMessage("BUSINESS_HOURS: n must be 1..10000, was 0");
        assertThatThrownBy(() -> new CalendarHours(10_001)).hasMessage("CALENDAR_HOURS: n must be 1..10000, was 10001");
        assertThatThrownBy(() -> new Schedule(Set.of(), LocalTime.NOON)).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> SlaPolicy.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
