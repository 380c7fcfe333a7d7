package io.relais.calendar;

import static io.relais.calendar.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private final BusinessCalendar france = BusinessCalendar.franceDefault();

    @Nested
    class WorkingTime {

        @ParameterizedTest(name = "{0} working time: {1}")
        @CsvSource({
                "2026-01-12T09:00, true",   // opening instant included
                "2026-01-12T17:59, true",
                "2026-01-12T18:00, false",  // closing instant excluded
                "2026-01-12T08:59, false",
                "2026-01-10T10:00, false",  // Saturday
                "2026-05-08T10:00, false",  // 8 May
                "2026-04-06T10:00, false",  // Easter Monday
                "2026-05-14T10:00, false",  // Ascension
        })
        void shouldTellWorkingTime_whenDefaultFrance(String local, boolean expected) {
            assertThat(france.isWorkingTime(at(local))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "2026-01-12T10:00, 2026-01-12T10:00",  // inside: itself
                "2026-01-12T07:00, 2026-01-12T09:00",
                "2026-01-12T18:00, 2026-01-13T09:00",
                "2026-01-09T19:00, 2026-01-12T09:00",  // Friday evening → Monday
                "2026-05-07T18:30, 2026-05-11T09:00",  // holiday weekend
                "2025-12-31T18:00, 2026-01-02T09:00",  // over 1 January
        })
        void shouldFindTheNextWorkingInstant_whenOutsideWorkingHours(String local, String expected) {
            assertThat(france.nextWorkingInstant(at(local))).isEqualTo(at(expected));
        }

        @Test
        void shouldHonourALunchBreak_whenADayHasSeveralRanges() {
            BusinessCalendar lunch = BusinessCalendar.builder().workingHours("MON-FRI 09:00-12:30,13:30-18:00").build();

            assertThat(lunch.isWorkingTime(at("2026-01-12T12:45"))).isFalse();
            assertThat(lunch.nextWorkingInstant(at("2026-01-12T12:45"))).isEqualTo(at("2026-01-12T13:30"));
            assertThat(lunch.plusBusinessTime(at("2026-01-12T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-01-12T14:00"));
            assertThat(lunch.plusBusinessTime(at("2026-01-12T09:00"), Duration.ofMinutes(210)))
                    .as("used up exactly at the lunch break: ends there").isEqualTo(at("2026-01-12T12:30"));
            assertThat(lunch.businessTimeBetween(at("2026-01-12T00:00"), at("2026-01-13T00:00"))).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void shouldSkipClosedDays_whenExtraDaysAreClosed() {
            BusinessCalendar bridge = BusinessCalendar.builder().closedDays(LocalDate.parse("2026-05-15")).build();

            assertThat(bridge.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
            assertThat(bridge.plusBusinessDays(at("2026-05-13T10:00"), 1)).isEqualTo(at("2026-05-18T18:00"));
            assertThat(france.plusBusinessDays(at("2026-05-13T10:00"), 1)).isEqualTo(at("2026-05-15T18:00"));
        }
    }

    @Nested
    class BusinessTime {

        @ParameterizedTest(name = "{0} + {1} → {2}")
        @CsvSource({
                "2026-01-09T17:00, PT24H, 2026-01-14T14:00",  // Tickets L1: 1 h Fri + 9 h Mon + 9 h Tue + 5 h Wed
                "2026-01-12T09:00, PT9H,  2026-01-12T18:00",  // exactly a day: ends at closing, not next opening
                "2026-01-12T07:00, PT1H,  2026-01-12T10:00",  // starts counting at opening
                "2026-01-10T12:00, PT1H,  2026-01-12T10:00",  // Saturday
                "2025-12-31T17:00, PT2H,  2026-01-02T10:00",  // year boundary, 1 January off
                "2026-05-07T17:30, PT1H,  2026-05-11T09:30",  // 8 May + weekend
                "2026-01-12T10:00, PT0S,  2026-01-12T10:00",
                "2026-01-10T10:00, PT0S,  2026-01-10T10:00",  // zero: unchanged, even outside hours
        })
        void shouldAddWorkingTimeOnly(String start, Duration d, String expected) {
            assertThat(france.plusBusinessTime(at(start), d)).isEqualTo(at(expected));
            assertThat(france.businessTimeBetween(at(start), at(expected))).isEqualTo(d);
        }

        @Test
        void shouldMeasureWorkingTimeOnly_andBeAntisymmetric() {
            Instant fri = at("2026-01-09T17:00");
            Instant wed = at("2026-01-14T14:00");

            assertThat(france.businessTimeBetween(fri, wed)).isEqualTo(Duration.ofHours(24));
            assertThat(france.businessTimeBetween(wed, fri)).isEqualTo(Duration.ofHours(-24));
            assertThat(france.businessTimeBetween(at("2026-05-07T18:00"), at("2026-05-11T09:00"))).isZero();
        }

        @Test
        void shouldRefuseANegativeDuration() {
            assertThatThrownBy(() -> france.plusBusinessTime(at("2026-01-12T10:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration must be >= 0");
        }
    }

    @Nested
    class BusinessDays {

        @ParameterizedTest(name = "{0} J+{1} → {2}")
        @CsvSource({
                "2026-01-12T10:00, 2, 2026-01-14T18:00",  // Monday → end of Wednesday
                "2026-01-12T07:00, 2, 2026-01-14T18:00",  // before opening: Monday still the request day
                "2026-01-12T17:59, 2, 2026-01-14T18:00",
                "2026-01-12T18:00, 2, 2026-01-15T18:00",  // at closing: received Tuesday
                "2026-01-16T19:00, 2, 2026-01-21T18:00",  // Friday evening: received Monday
                "2026-01-17T11:00, 2, 2026-01-21T18:00",  // Saturday: received Monday
                "2026-05-07T10:00, 2, 2026-05-12T18:00",  // Factures J+2 on the eve of 8 May: J+1 Mon 11, J+2 Tue 12
                "2026-05-13T10:00, 1, 2026-05-15T18:00",  // Ascension Thursday skipped
                "2025-12-31T10:00, 1, 2026-01-02T18:00",  // year boundary
                "2026-01-12T10:00, 0, 2026-01-12T18:00",  // J+0: end of the request day
                "2026-01-17T11:00, 0, 2026-01-19T18:00",
        })
        void shouldEndOnTheNthWorkingDayAfterTheRequestDay(String requested, int n, String expected) {
            assertThat(france.plusBusinessDays(at(requested), n)).isEqualTo(at(expected));
        }

        @Test
        void shouldSkipGoodFridayAndSaintStephen_whenAlsaceMoselle() {
            BusinessCalendar alsace = BusinessCalendar.alsaceMoselle();

            assertThat(alsace.plusBusinessDays(at("2026-04-02T10:00"), 1)).as("Good Friday, weekend, Easter Monday")
                    .isEqualTo(at("2026-04-07T18:00"));
            assertThat(france.plusBusinessDays(at("2026-04-02T10:00"), 1)).isEqualTo(at("2026-04-03T18:00"));
            assertThat(alsace.plusBusinessDays(at("2025-12-24T10:00"), 1)).isEqualTo(at("2025-12-29T18:00"));
            assertThat(france.plusBusinessDays(at("2025-12-24T10:00"), 1)).isEqualTo(at("2025-12-26T18:00"));
        }

        @Test
        void shouldRefuseEndOfBusinessDay_whenNotAWorkingDay() {
            assertThat(france.endOfBusinessDay(LocalDate.parse("2026-05-07"))).isEqualTo(at("2026-05-07T18:00"));
            assertThatThrownBy(() -> france.endOfBusinessDay(LocalDate.parse("2026-05-08")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("2026-05-08 is not a working day");
            assertThatThrownBy(() -> france.plusBusinessDays(at("2026-05-07T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
        }
    }

    /** Europe/Paris changes on Sundays at 02:00/03:00: Sunday-night hours exercise the gap and the overlap. */
    @Nested
    class DaylightSaving {

        private final BusinessCalendar sundayNights =
                BusinessCalendar.builder().workingHours("SUN 01:00-04:00").holidays(HolidayRules.NONE).build();

        @Test
        void shouldLoseAnHour_whenARangeSpansTheSpringGap() {
            LocalDate spring = LocalDate.parse("2026-03-29");

            assertThat(sundayNights.businessTimeBetween(at("2026-03-28T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
            assertThat(sundayNights.endOfBusinessDay(spring)).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
            assertThat(sundayNights.plusBusinessTime(at("2026-03-29T01:00"), Duration.ofMinutes(90)))
                    .as("03:30 CEST").isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(sundayNights.isWorkingTime(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
            assertThat(sundayNights.businessTimeBetween(at("2026-03-21T00:00"), at("2026-03-23T00:00"))).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void shouldGainAnHour_whenARangeSpansTheAutumnOverlap() {
            assertThat(sundayNights.businessTimeBetween(at("2026-10-24T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(4));
            assertThat(sundayNights.plusBusinessTime(at("2026-10-25T01:00"), Duration.ofHours(3)))
                    .as("03:00 CET, after 02:00-03:00 twice").isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
            assertThat(sundayNights.endOfBusinessDay(LocalDate.parse("2026-10-25"))).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
        }

        @Test
        void shouldStartWhenTheClocksJump_whenAStartFallsInTheGap() {
            BusinessCalendar cal = BusinessCalendar.builder().workingHours("SUN 02:30-05:00").holidays(HolidayRules.NONE).build();

            assertThat(cal.nextWorkingInstant(at("2026-03-29T00:00"))).as("03:00 CEST").isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
            assertThat(cal.businessTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
            // Autumn: the start takes the first 02:30 (CEST), the end the only 05:00 (CET).
            assertThat(cal.nextWorkingInstant(at("2026-10-25T00:00"))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
            assertThat(cal.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofMinutes(210));
        }

        @Test
        void shouldHaveNoWorkingTime_whenARangeLiesWhollyInTheGap() {
            BusinessCalendar cal = BusinessCalendar.builder().workingHours("SUN 02:00-02:30").holidays(HolidayRules.NONE).build();

            assertThat(cal.isWorkingDay(LocalDate.parse("2026-03-29"))).isFalse();
            assertThat(cal.isWorkingDay(LocalDate.parse("2026-03-22"))).isTrue();
            assertThat(cal.nextWorkingInstant(at("2026-03-28T12:00"))).isEqualTo(at("2026-04-05T02:00"));
        }

        @Test
        void shouldKeepOnePeriod_whenTwoRangesMeetInsideTheOverlap() {
            BusinessCalendar cal = BusinessCalendar.builder()
                    .workingHours("SUN 01:00-02:30,02:45-04:00").holidays(HolidayRules.NONE).build();

            // 02:30 (last, CET) is after 02:45 (first, CEST): the ranges overlap in real time and merge.
            assertThat(cal.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(4));
            assertThat(cal.businessTimeBetween(at("2026-10-18T00:00"), at("2026-10-19T00:00"))).isEqualTo(Duration.ofMinutes(165));
        }

        @Test
        void shouldCountNineHoursOnTheChangeSunday_whenDaytimeHoursEveryDay() {
            BusinessCalendar everyDay = BusinessCalendar.builder().workingHours("MON-SUN 09:00-18:00").holidays(HolidayRules.NONE).build();
            Instant sat = at("2026-03-28T09:00");
            Instant mon = at("2026-03-30T09:00");

            assertThat(Duration.between(sat, mon)).isEqualTo(Duration.ofHours(47));
            assertThat(everyDay.businessTimeBetween(sat, mon)).isEqualTo(Duration.ofHours(18));
            assertThat(everyDay.plusBusinessTime(sat, Duration.ofHours(18))).isEqualTo(at("2026-03-29T18:00"));
        }

        @Test
        void shouldEndAtTheNextMidnight_whenARangeEndsAt24AndTheDayStartsInAGap() {
            // Brazil sprang forward at midnight on 2018-11-04: that Sunday had 23 hours.
            ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
            BusinessCalendar allDay = BusinessCalendar.builder().zone(saoPaulo)
                    .workingHours(DayOfWeek.MONDAY).workingHours(DayOfWeek.TUESDAY).workingHours(DayOfWeek.WEDNESDAY)
                    .workingHours(DayOfWeek.THURSDAY).workingHours(DayOfWeek.FRIDAY)
                    .workingHours(DayOfWeek.SUNDAY, new TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                    .holidays(HolidayRules.NONE).build();
            LocalDate changeDay = LocalDate.parse("2018-11-04");

            assertThat(allDay.spec().workingHours()).containsExactly("SUN 00:00-24:00");
            assertThat(allDay.nextWorkingInstant(Paris.in(saoPaulo, "2018-11-03T12:00"))).isEqualTo(Paris.in(saoPaulo, "2018-11-04T01:00"));
            assertThat(allDay.businessTimeBetween(Paris.in(saoPaulo, "2018-11-03T12:00"), Paris.in(saoPaulo, "2018-11-05T12:00")))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(allDay.endOfBusinessDay(changeDay)).isEqualTo(Paris.in(saoPaulo, "2018-11-05T00:00"));
        }
    }

    @Nested
    class Construction {

        @Test
        void shouldDefaultToWeekdaysNineToSixInParis_whenFranceDefault() {
            assertThat(france.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(france.holidays()).isEqualTo(HolidayRules.FR);
            assertThat(france.weeklyHours().get(DayOfWeek.MONDAY)).containsExactly(TimeRange.of("09:00-18:00"));
            assertThat(france.weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
            assertThat(france.closedDays()).isEmpty();
            assertThat(france).isEqualTo(BusinessCalendar.builder().build()).isNotEqualTo(BusinessCalendar.alsaceMoselle());
        }

        @Test
        void shouldMergeTouchingRanges_andRefuseOverlappingOnes() {
            BusinessCalendar touching = BusinessCalendar.builder().workingHours("MON-FRI 09:00-12:00,12:00-18:00").build();

            assertThat(touching).isEqualTo(france);
            assertThatThrownBy(() -> BusinessCalendar.builder().workingHours("MON 09:00-12:00,11:00-13:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("MON: working ranges 09:00-12:00 and 11:00-13:00 overlap");
        }

        @Test
        void shouldRefuseACalendarWithoutWorkingTime() {
            assertThatThrownBy(() -> BusinessCalendar.builder()
                    .workingHours(DayOfWeek.MONDAY).workingHours(DayOfWeek.TUESDAY).workingHours(DayOfWeek.WEDNESDAY)
                    .workingHours(DayOfWeek.THURSDAY).workingHours(DayOfWeek.FRIDAY).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working hours");
        }

        @Test
        void shouldRebuildAnEqualCalendar_whenToBuilder() {
            BusinessCalendar custom = BusinessCalendar.builder().zone(ZoneId.of("America/New_York"))
                    .workingHours("MON-THU 08:00-16:00", "FRI 08:00-12:00").holidays(HolidayRules.NONE)
                    .closedDays(LocalDate.parse("2026-07-03")).build();

            assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom);
            assertThat(custom.toBuilder().closedDays(LocalDate.parse("2026-12-24")).build()).isNotEqualTo(custom);
        }
    }
}
