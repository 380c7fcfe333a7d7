package io.relais.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A business calendar: time zone, weekly working hours, public-holiday rules and extra closed days (BRIEF §3).
 * Immutable; every operation is pure (Instants in and out, the caller supplies "now").
 *
 * <p><b>Working periods.</b> On a working day each {@link TimeRange} becomes a half-open interval of instants
 * {@code [start, end)}. Local times are resolved with the zone's rules: a start or end that falls in a DST gap
 * is the instant the clocks jump (the first instant the wall clock shows a time at or past it); in a DST
 * overlap a start takes its first occurrence and an end its last. A range spanning a change therefore
 * lasts one hour less or more, and a range lying wholly inside a gap is empty.
 *
 * <p>A <b>working day</b> is a date that is neither a public holiday nor a closed day and has at least one
 * non-empty working period.
 */
public final class BusinessCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final List<String> WEEKDAYS_9_TO_18 = List.of("MON-FRI 09:00-18:00");

    /** How many consecutive days without working time we scan before calling a calendar degenerate. */
    private static final int MAX_IDLE_DAYS = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> weeklyHours;
    private final HolidayRules holidays;
    private final SortedSet<LocalDate> closedDays;

    private BusinessCalendar(Builder b) {
        this.zone = Objects.requireNonNull(b.zone, "zone");
        this.weeklyHours = WeeklyHours.normalise(b.weeklyHours);
        this.holidays = Objects.requireNonNull(b.holidays, "holidays");
        this.closedDays = Collections.unmodifiableSortedSet(new TreeSet<>(b.closedDays));
    }

    /** Mon–Fri 09:00–18:00 Europe/Paris, French public holidays. */
    public static BusinessCalendar franceDefault() {
        return builder().build();
    }

    /** As {@link #franceDefault()} with Good Friday and 26 December off. */
    public static BusinessCalendar alsaceMoselle() {
        return builder().holidays(HolidayRules.FR_ALSACE_MOSELLE).build();
    }

    /** A builder starting from {@link #franceDefault()}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().zone(zone).holidays(holidays);
        b.weeklyHours.putAll(weeklyHours);
        b.closedDays.addAll(closedDays);
        return b;
    }

    /** The text description events carry; {@code spec().toCalendar()} equals this calendar. */
    public CalendarSpec spec() {
        return CalendarSpec.from(this);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every day of the week, in order; an empty list is a day off. */
    public Map<DayOfWeek, List<TimeRange>> weeklyHours() {
        return weeklyHours;
    }

    public HolidayRules holidays() {
        return holidays;
    }

    public SortedSet<LocalDate> closedDays() {
        return closedDays;
    }

    // ---------------------------------------------------------------------------------------- queries

    public boolean isWorkingDay(LocalDate date) {
        return !workingPeriods(date).isEmpty();
    }

    public boolean isWorkingTime(Instant instant) {
        return workingPeriods(localDate(instant)).stream().anyMatch(p -> p.contains(instant));
    }

    /** {@code instant} itself when it is working time, else the start of the next working period. */
    public Instant nextWorkingInstant(Instant instant) {
        LocalDate day = localDate(instant);
        for (int idle = 0; idle <= MAX_IDLE_DAYS; idle++, day = day.plusDays(1)) {
            for (Period p : workingPeriods(day)) {
                if (p.end.isAfter(instant)) {
                    return max(p.start, instant);
                }
            }
        }
        throw degenerate(instant);
    }

    /**
     * Adds working time only: the earliest instant {@code r} with {@code businessTimeBetween(start, r) == duration}.
     * So a budget used up exactly at the end of a working period ends there (Mon 09:00 + 9 h = Mon 18:00,
     * not Tue 09:00); a zero duration returns {@code start} unchanged.
     */
    public Instant plusBusinessTime(Instant start, Duration duration) {
        requireNonNegative(duration);
        if (duration.isZero()) {
            return start;
        }
        Duration remaining = duration;
        LocalDate day = localDate(start);
        for (int idle = 0; idle <= MAX_IDLE_DAYS; day = day.plusDays(1)) {
            List<Period> periods = workingPeriods(day);
            idle = periods.isEmpty() ? idle + 1 : 0;
            for (Period p : periods) {
                if (!p.end.isAfter(start)) {
                    continue;
                }
                Instant from = max(p.start, start);
                Duration available = Duration.between(from, p.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw degenerate(start);
    }

    /** Working time within {@code [from, to)}; negative when {@code to} is before {@code from}, like {@link Duration#between}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Period p : workingPeriods(day)) {
                Instant a = max(p.start, from);
                Instant b = min(p.end, to);
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The end of the last working period of {@code date}; refuses a day that is not a working day. */
    public Instant endOfBusinessDay(LocalDate date) {
        List<Period> periods = workingPeriods(date);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException(date + " is not a working day");
        }
        return periods.get(periods.size() - 1).end;
    }

    /**
     * "J+n": the end of the n-th working day after the request day. The request day is the local date of
     * {@code requestedAt} when that is a working day and the request comes before its end of business
     * (a request at 07:00 counts for that day); a request after the end of business or on a non-working day
     * counts as received at the next working instant, so its request day is the next working day.
     * Thus Mon 10:00 J+2 → Wed end of day; Fri 19:00 or Sat J+2 → Wed end of day (request day Monday);
     * {@code n == 0} is the end of the request day itself.
     */
    public Instant plusBusinessDays(Instant requestedAt, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("business days must be >= 0, was " + n);
        }
        LocalDate day = localDate(requestedAt);
        if (!isWorkingDay(day) || !requestedAt.isBefore(endOfBusinessDay(day))) {
            day = localDate(nextWorkingInstant(requestedAt));
        }
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return endOfBusinessDay(day);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        for (int idle = 0; idle <= MAX_IDLE_DAYS; idle++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_IDLE_DAYS + " days after " + date);
    }

    // ---------------------------------------------------------------------------------------- periods

    /** A working period {@code [start, end)}. */
    record Period(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** The day's working periods in order; empty on a holiday, a closed day or a day off. */
    List<Period> workingPeriods(LocalDate date) {
        List<TimeRange> ranges = weeklyHours.get(date.getDayOfWeek());
        if (ranges.isEmpty() || holidays.isHoliday(date) || closedDays.contains(date)) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            Instant start = earliest(date.atTime(r.start()), zone);
            Instant end = r.endsAtMidnight()
                    ? earliest(date.plusDays(1).atStartOfDay(), zone)
                    : latest(date.atTime(r.end()), zone);
            if (!start.isBefore(end)) {
                continue; // the whole range lies in a DST gap
            }
            Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && !start.isAfter(last.end)) {
                // Only possible when both boundaries sit in one DST overlap: keep one continuous period.
                periods.set(periods.size() - 1, new Period(last.start, max(last.end, end)));
            } else {
                periods.add(new Period(start, end));
            }
        }
        return periods;
    }

    /** The first instant at which the wall clock shows {@code local} or later. */
    static Instant earliest(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) {
            return t.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    /** The last instant at which the wall clock shows {@code local} (the jump instant when it never does). */
    static Instant latest(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) {
            return t.getInstant();
        }
        return local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireNonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, was " + d);
        }
    }

    private IllegalStateException degenerate(Instant from) {
        return new IllegalStateException("no working time within " + MAX_IDLE_DAYS + " days after " + from + " in " + spec());
    }

    // ---------------------------------------------------------------------------------------- value

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && zone.equals(c.zone) && weeklyHours.equals(c.weeklyHours)
                && holidays == c.holidays && closedDays.equals(c.closedDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weeklyHours, holidays, closedDays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar" + spec();
    }

    /** Starts from the France default: Europe/Paris, Mon–Fri 09:00–18:00, FR holidays, no closed day. */
    public static final class Builder {
        private ZoneId zone = PARIS;
        private final Map<DayOfWeek, List<TimeRange>> weeklyHours = new EnumMap<>(DayOfWeek.class);
        private HolidayRules holidays = HolidayRules.FR;
        private final SortedSet<LocalDate> closedDays = new TreeSet<>();

        private Builder() {
            weeklyHours.putAll(WeeklyHours.parse(WEEKDAYS_9_TO_18));
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Replaces the whole week, e.g. {@code "MON-FRI 09:00-12:30,13:30-18:00", "SAT 09:00-12:00"}. */
        public Builder workingHours(String... lines) {
            weeklyHours.clear();
            weeklyHours.putAll(WeeklyHours.parse(Arrays.asList(lines)));
            return this;
        }

        /** Replaces one day's ranges; no range makes it a day off. */
        public Builder workingHours(DayOfWeek day, TimeRange... ranges) {
            weeklyHours.put(Objects.requireNonNull(day, "day"), List.of(ranges));
            return this;
        }

        public Builder holidays(HolidayRules holidays) {
            this.holidays = Objects.requireNonNull(holidays, "holidays");
            return this;
        }

        /** Adds extra closed days (a company closure, a bridge day). */
        public Builder closedDays(LocalDate... days) {
            for (LocalDate d : days) {
                closedDays.add(Objects.requireNonNull(d, "closed day"));
            }
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
