package io.relais.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Calendar arithmetic laws, over several calendars, twenty years of instants and budgets of up to 1500 h. */
class BusinessCalendarPropertiesTest {

    private static final List<BusinessCalendar> CALENDARS = List.of(
            BusinessCalendar.franceDefault(),
            BusinessCalendar.alsaceMoselle(),
            BusinessCalendar.builder().workingHours("MON-FRI 09:00-12:30,13:30-18:00")
                    .closedDays(LocalDate.parse("2026-05-15"), LocalDate.parse("2030-12-24")).build(),
            // Sunday night hours cross the Paris DST gap and overlap every year.
            BusinessCalendar.builder().workingHours("MON-FRI 09:00-18:00", "SUN 01:00-04:00").holidays(HolidayRules.NONE).build(),
            BusinessCalendar.builder().zone(ZoneId.of("America/New_York")).workingHours("MON-SUN 00:00-24:00")
                    .holidays(HolidayRules.NONE).build());

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    /** Instants in 2020–2040, half of them on a quarter hour so that period boundaries are hit exactly. */
    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        Arbitrary<Long> seconds = Arbitraries.longs().between(from, to);
        return Arbitraries.oneOf(seconds, seconds.map(s -> s - s % 900)).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Long> minutes = Arbitraries.longs().between(1, 1500 * 60);
        return Arbitraries.oneOf(minutes.map(Duration::ofMinutes), minutes.map(m -> Duration.ofHours(m % 1500 + 1)));
    }

    @Property
    void shouldLandOnWorkingTimeOfAWorkingDay_forAnyStartAndDuration(@ForAll("calendars") BusinessCalendar cal,
            @ForAll("instants") Instant start, @ForAll("durations") Duration d) {
        Instant due = cal.plusBusinessTime(start, d);
        Instant justBefore = due.minusNanos(1);
        LocalDate day = LocalDate.ofInstant(justBefore, cal.zone());

        // Working time just before the result: it is inside working time or exactly at the end of a period.
        assertThat(cal.isWorkingTime(justBefore)).isTrue();
        assertThat(cal.holidays().isHoliday(day)).isFalse();
        assertThat(cal.closedDays()).doesNotContain(day);
        assertThat(due).isAfter(start);
    }

    @Property
    void shouldAddUpDurations_whenAddedInTwoSteps(@ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant t,
            @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        assertThat(cal.plusBusinessTime(cal.plusBusinessTime(t, a), b)).isEqualTo(cal.plusBusinessTime(t, a.plus(b)));
    }

    @Property
    void shouldBeStrictlyMonotonic_inTheDuration(@ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant t,
            @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;

        Instant early = cal.plusBusinessTime(t, shorter);
        Instant late = cal.plusBusinessTime(t, longer);
        if (shorter.equals(longer)) {
            assertThat(early).isEqualTo(late);
        } else {
            assertThat(early).isBefore(late);
        }
    }

    @Property
    void shouldMeasureBackTheAddedDuration(@ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant t,
            @ForAll("durations") Duration d) {
        assertThat(cal.businessTimeBetween(t, cal.plusBusinessTime(t, d))).isEqualTo(d);
    }

    @Property
    void shouldSplitBusinessTimeAtAnyMidpoint_andNeverExceedWallTime(@ForAll("calendars") BusinessCalendar cal,
            @ForAll("instants") Instant a, @ForAll("durations") Duration ab, @ForAll("durations") Duration bc) {
        Instant b = a.plus(ab);
        Instant c = b.plus(bc);

        assertThat(cal.businessTimeBetween(a, b).plus(cal.businessTimeBetween(b, c))).isEqualTo(cal.businessTimeBetween(a, c));
        assertThat(cal.businessTimeBetween(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
        assertThat(cal.businessTimeBetween(c, a)).isEqualTo(cal.businessTimeBetween(a, c).negated());
    }

    @Property
    void shouldFindTheNextWorkingInstant_withNoWorkingTimeInBetween(@ForAll("calendars") BusinessCalendar cal,
            @ForAll("instants") Instant t) {
        Instant next = cal.nextWorkingInstant(t);

        assertThat(next).isAfterOrEqualTo(t);
        assertThat(cal.isWorkingTime(next)).isTrue();
        assertThat(cal.businessTimeBetween(t, next)).isZero();
        assertThat(cal.isWorkingTime(t)).isEqualTo(next.equals(t));
    }

    @Property
    void shouldEndBusinessDaysAtTheEndOfAWorkingDay_inIncreasingOrder(@ForAll("calendars") BusinessCalendar cal,
            @ForAll("instants") Instant requested, @ForAll @IntRange(min = 0, max = 60) int n) {
        Instant due = cal.plusBusinessDays(requested, n);
        Instant nextDue = cal.plusBusinessDays(requested, n + 1);
        LocalDate dueDay = LocalDate.ofInstant(due.minusNanos(1), cal.zone());

        assertThat(due).isAfter(requested).isEqualTo(cal.endOfBusinessDay(dueDay));
        assertThat(nextDue).isEqualTo(cal.endOfBusinessDay(cal.nextWorkingDay(dueDay)));
    }

    @Property
    void shouldCrossTheYearWithoutWorkingOnNewYearsDay(@ForAll @IntRange(min = 1900, max = 2300) int year,
            @ForAll("calendars") BusinessCalendar cal) {
        Instant lateOnNewYearsEve = LocalDateTime.of(year, Month.DECEMBER, 31, 17, 0).atZone(cal.zone()).toInstant();
        Instant due = cal.plusBusinessTime(lateOnNewYearsEve, Duration.ofHours(2));
        LocalDate dueDay = LocalDate.ofInstant(due.minusNanos(1), cal.zone());

        assertThat(cal.businessTimeBetween(lateOnNewYearsEve, due)).isEqualTo(Duration.ofHours(2));
        if (cal.holidays() != HolidayRules.NONE) {
            assertThat(dueDay).isNotEqualTo(LocalDate.of(year + 1, 1, 1));
            assertThat(cal.isWorkingDay(LocalDate.of(year + 1, 1, 1))).isFalse();
        }
    }

    @Property
    void shouldPlaceEasterOnASundayBetween22MarchAnd25April(@ForAll @IntRange(min = 1583, max = 9999) int year) {
        LocalDate easter = HolidayRules.easterSunday(year);

        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }

    @Property
    void shouldRoundTripTheSpec_forAnyWeeklyHours(@ForAll("weeklyHours") Map<DayOfWeek, List<TimeRange>> hours,
            @ForAll("calendars") BusinessCalendar base) {
        BusinessCalendar.Builder builder = base.toBuilder();
        hours.forEach((day, ranges) -> builder.workingHours(day, ranges.toArray(TimeRange[]::new)));
        BusinessCalendar cal = builder.build();

        assertThat(cal.spec().toCalendar()).isEqualTo(cal);
        assertThat(CalendarSpec.from(cal.spec().toCalendar())).isEqualTo(cal.spec());
    }

    @Property
    void shouldRoundTripThePolicyText(@ForAll("policies") SlaPolicy policy) {
        assertThat(SlaPolicy.parse(policy.text())).isEqualTo(policy);
        assertThat(SlaPolicy.parse(policy.toString()).text()).isEqualTo(policy.text());
    }

    @Property
    void shouldUseTheWholeBudget_whenTheClockNeverPauses(@ForAll("policies") SlaPolicy policy,
            @ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant requested) {
        Instant due = policy.dueAt(requested, cal);
        SlaClock clock = SlaClock.of(policy, cal, requested);
        List<SlaClock.Transition> history = List.of(SlaClock.Transition.running(requested));

        assertThat(due).isAfter(requested);
        assertThat(clock.elapsed(history, due)).isEqualTo(clock.budget());
        assertThat(clock.breachAt(history)).get().isEqualTo(policy.measure() == SlaPolicy.Measure.BUSINESS_TIME
                ? cal.nextWorkingInstant(due) : due);
    }

    /** Every day: 0 to 3 ranges cut from sorted distinct quarter-hour marks, so they never touch. */
    @Provide
    Arbitrary<Map<DayOfWeek, List<TimeRange>>> weeklyHours() {
        Arbitrary<List<TimeRange>> day = Arbitraries.integers().between(0, 96).set().ofMaxSize(6).map(marks -> {
            List<Integer> sorted = marks.stream().sorted().toList();
            List<TimeRange> ranges = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                ranges.add(new TimeRange(quarter(sorted.get(i)), quarter(sorted.get(i + 1))));
            }
            return ranges;
        });
        return day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                week.put(DayOfWeek.of(i + 1), days.get(i));
            }
            return week;
        }).filter(week -> week.values().stream().anyMatch(r -> !r.isEmpty()));
    }

    private static LocalTime quarter(int mark) {
        return mark == 96 ? LocalTime.MIDNIGHT : LocalTime.of(mark / 4, mark % 4 * 15);
    }

    @Provide
    Arbitrary<SlaPolicy> policies() {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, SlaPolicy.MAX_AMOUNT);
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 400);
        Arbitrary<SlaPolicy> schedules = Combinators.combine(
                        Arbitraries.of(DayOfWeek.class).set().ofMinSize(1),
                        Arbitraries.integers().between(0, 24 * 60 - 1))
                .as((Set<DayOfWeek> days, Integer minute) -> new SlaPolicy.Schedule(days, LocalTime.of(minute / 60, minute % 60)));
        return Arbitraries.oneOf(
                small.map(SlaPolicy.BusinessHours::new),
                small.map(SlaPolicy.BusinessDays::new),
                n.map(SlaPolicy.CalendarHours::new),
                schedules);
    }
}
