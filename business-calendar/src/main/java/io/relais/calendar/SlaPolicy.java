package io.relais.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLA policy (BRIEF §3) and its stable text form, which events record:
 * {@code BUSINESS_HOURS(24)}, {@code BUSINESS_DAYS(2)}, {@code CALENDAR_HOURS(48)}, {@code WEEKLY(MON 09:00)}.
 * {@code parse(p.text()).equals(p)} and {@code toString()} is {@code text()}.
 *
 * <p>Elapsed time is measured in the policy's {@link #measure()}: working time for the business policies, wall
 * time for the others. The budget of one request is the elapsed time from the request to its due instant
 * ({@link #budget(Instant, BusinessCalendar)}): a fixed 24 h for {@code BUSINESS_HOURS(24)}, but for
 * {@code BUSINESS_DAYS(2)} it depends on the hour of the request (Mon 10:00 → 26 h, Mon 07:00 → 27 h).
 */
public sealed interface SlaPolicy {

    int MAX_AMOUNT = 10_000;

    /** How elapsed SLA time is counted. */
    enum Measure {
        /** Only the calendar's working time counts. */
        BUSINESS_TIME,
        /** Every second counts. */
        WALL_TIME;

        public Duration between(Instant from, Instant to, BusinessCalendar calendar) {
            return this == BUSINESS_TIME ? calendar.businessTimeBetween(from, to) : Duration.between(from, to);
        }

        /** The earliest instant at which {@code amount} has elapsed since {@code from}. */
        public Instant plus(Instant from, Duration amount, BusinessCalendar calendar) {
            return this == BUSINESS_TIME ? calendar.plusBusinessTime(from, amount) : from.plus(amount);
        }
    }

    /** When the work is due, if the clock never pauses. */
    Instant dueAt(Instant requestedAt, BusinessCalendar calendar);

    Measure measure();

    /** The stable text form. */
    String text();

    default Duration elapsed(Instant from, Instant to, BusinessCalendar calendar) {
        return measure().between(from, to, calendar);
    }

    /** The SLA budget of a request made at {@code requestedAt}, in the policy's measure. */
    default Duration budget(Instant requestedAt, BusinessCalendar calendar) {
        return elapsed(requestedAt, dueAt(requestedAt, calendar), calendar);
    }

    /** "24h ouvrées": n hours of working time. */
    record BusinessHours(int hours) implements SlaPolicy {
        public BusinessHours {
            requireAmount("BUSINESS_HOURS", hours);
        }

        @Override
        public Instant dueAt(Instant requestedAt, BusinessCalendar calendar) {
            return calendar.plusBusinessTime(requestedAt, Duration.ofHours(hours));
        }

        @Override
        public Measure measure() {
            return Measure.BUSINESS_TIME;
        }

        @Override
        public String text() {
            return "BUSINESS_HOURS(" + hours + ")";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** "J+n": the end of the n-th working day after the request day ({@link BusinessCalendar#plusBusinessDays}). */
    record BusinessDays(int days) implements SlaPolicy {
        public BusinessDays {
            requireAmount("BUSINESS_DAYS", days);
        }

        @Override
        public Instant dueAt(Instant requestedAt, BusinessCalendar calendar) {
            return calendar.plusBusinessDays(requestedAt, days);
        }

        @Override
        public Measure measure() {
            return Measure.BUSINESS_TIME;
        }

        @Override
        public String text() {
            return "BUSINESS_DAYS(" + days + ")";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** "sous 48h": n hours of wall time, holidays and nights included. */
    record CalendarHours(int hours) implements SlaPolicy {
        public CalendarHours {
            requireAmount("CALENDAR_HOURS", hours);
        }

        @Override
        public Instant dueAt(Instant requestedAt, BusinessCalendar calendar) {
            return requestedAt.plus(Duration.ofHours(hours));
        }

        @Override
        public Measure measure() {
            return Measure.WALL_TIME;
        }

        @Override
        public String text() {
            return "CALENDAR_HOURS(" + hours + ")";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * Recurring work, weekly on the given days at a local time ("chaque lundi 09:00"): {@code WEEKLY(MON 09:00)},
     * {@code WEEKLY(MON,THU 14:30)}, {@code WEEKLY(MON-FRI 08:00)}. A task under a schedule is
     * due at the next occurrence strictly after its request, measured in wall time: the task a schedule opens at
     * Monday 09:00 is due the following Monday 09:00. Occurrences ignore holidays (it is the opener's business
     * to skip or shift one); a time falling in a DST gap occurs when the clocks jump, one in an overlap once,
     * at its first occurrence.
     */
    record Schedule(Set<DayOfWeek> days, LocalTime at) implements SlaPolicy {
        public Schedule {
            Objects.requireNonNull(days, "days");
            Objects.requireNonNull(at, "at");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("WEEKLY: at least one day is required");
            }
            if (at.getSecond() != 0 || at.getNano() != 0) {
                throw new IllegalArgumentException("WEEKLY: the time is to the minute, was " + at);
            }
            days = Set.copyOf(EnumSet.copyOf(days));
        }

        public static Schedule weekly(DayOfWeek day, LocalTime at) {
            return new Schedule(Set.of(day), at);
        }

        /** The first occurrence strictly after {@code after}. */
        public Instant nextOccurrenceAfter(Instant after, ZoneId zone) {
            LocalDate date = LocalDate.ofInstant(after, zone);
            for (int i = 0; i <= 8; i++, date = date.plusDays(1)) {
                if (days.contains(date.getDayOfWeek())) {
                    Instant occurrence = BusinessCalendar.earliest(date.atTime(at), zone);
                    if (occurrence.isAfter(after)) {
                        return occurrence;
                    }
                }
            }
            throw new IllegalStateException("unreachable: a weekly schedule occurs within 8 days");
        }

        @Override
        public Instant dueAt(Instant requestedAt, BusinessCalendar calendar) {
            return nextOccurrenceAfter(requestedAt, calendar.zone());
        }

        @Override
        public Measure measure() {
            return Measure.WALL_TIME;
        }

        @Override
        public String text() {
            return "WEEKLY(" + WeeklyHours.formatDays(days) + " " + at + ")";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** Parses the text form; refuses anything else with an {@link IllegalArgumentException} naming the problem. */
    static SlaPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("SLA policy is missing");
        }
        String t = text.trim();
        try {
            Matcher m = Pattern.compile("(BUSINESS_HOURS|BUSINESS_DAYS|CALENDAR_HOURS)\\((\\d+)\\)").matcher(t);
            if (m.matches()) {
                String digits = m.group(2);
                if (digits.length() > 6) {
                    throw new IllegalArgumentException("n must be 1.." + MAX_AMOUNT + ", was " + digits);
                }
                int n = Integer.parseInt(digits);
                return switch (m.group(1)) {
                    case "BUSINESS_HOURS" -> new BusinessHours(n);
                    case "BUSINESS_DAYS" -> new BusinessDays(n);
                    default -> new CalendarHours(n);
                };
            }
            Matcher w = Pattern.compile("WEEKLY\\((\\S+) (\\S+)\\)").matcher(t);
            if (w.matches()) {
                List<DayOfWeek> days = WeeklyHours.parseDays(w.group(1));
                return new Schedule(EnumSet.copyOf(days), TimeRange.parseTime(w.group(2), false));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLA policy '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("SLA policy '" + text + "': expected BUSINESS_HOURS(n), BUSINESS_DAYS(n), "
                + "CALENDAR_HOURS(n) or WEEKLY(DAYS HH:MM), e.g. WEEKLY(MON 09:00)");
    }

    private static void requireAmount(String kind, int n) {
        if (n < 1 || n > MAX_AMOUNT) {
            throw new IllegalArgumentException(kind + ": n must be 1.." + MAX_AMOUNT + ", was " + n);
        }
    }
}
