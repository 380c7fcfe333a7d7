package io.relais.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One working range of a day in local wall-clock time, {@code [start, end)}, to the minute.
 * An {@code end} of {@code 00:00} stands for 24:00, the end of the day (written {@code "24:00"}),
 * so that round-the-clock calendars can be expressed; ranges never cross midnight.
 */
public record TimeRange(LocalTime start, LocalTime end) implements Comparable<TimeRange> {

    private static final long DAY_MINUTES = 24 * 60;

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("working range " + start + "-" + end + ": times are to the minute");
        }
        if (minutes(end, true) <= minutes(start, false)) {
            throw new IllegalArgumentException("working range " + text(start, end) + ": end must be after start");
        }
    }

    public static TimeRange of(String hhmmDashHhmm) {
        String[] parts = hhmmDashHhmm.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("working range '" + hhmmDashHhmm + "': expected HH:MM-HH:MM");
        }
        return new TimeRange(parseTime(parts[0], false), parseTime(parts[1], true));
    }

    /** Whether the range runs to the end of the day (written 24:00). */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    public Duration length() {
        return Duration.ofMinutes(endMinute() - startMinute());
    }

    long startMinute() {
        return minutes(start, false);
    }

    long endMinute() {
        return minutes(end, true);
    }

    public String text() {
        return text(start, end);
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public int compareTo(TimeRange other) {
        int byStart = Long.compare(startMinute(), other.startMinute());
        return byStart != 0 ? byStart : Long.compare(endMinute(), other.endMinute());
    }

    static LocalTime parseTime(String text, boolean end) {
        String t = text.trim();
        if (!t.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("time '" + text + "': expected HH:MM");
        }
        if (end && t.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + text + "': not a valid HH:MM time");
        }
    }

    private static long minutes(LocalTime time, boolean end) {
        long m = time.getHour() * 60L + time.getMinute();
        return end && m == 0 ? DAY_MINUTES : m;
    }

    private static String text(LocalTime start, LocalTime end) {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
