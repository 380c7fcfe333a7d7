package io.relais.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The weekly working hours: normalisation (sorted, touching ranges merged, overlaps refused) and the text form
 * {@code "MON-FRI 09:00-12:30,13:30-18:00"}, {@code "SAT 09:00-12:00"}, {@code "MON,WED 10:00-16:00"}.
 */
final class WeeklyHours {

    private WeeklyHours() {
    }

    /** An unmodifiable, normalised copy: every day present (empty list = day off). */
    static Map<DayOfWeek, List<TimeRange>> normalise(Map<DayOfWeek, List<TimeRange>> hours) {
        Map<DayOfWeek, List<TimeRange>> out = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            out.put(day, normaliseDay(day, hours.getOrDefault(day, List.of())));
        }
        if (out.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no working hours: a business calendar needs at least one working range a week");
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<TimeRange> normaliseDay(DayOfWeek day, List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.forEach(r -> Objects.requireNonNull(r, "working range"));
        Collections.sort(sorted);
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.startMinute() < last.endMinute()) {
                throw new IllegalArgumentException(abbreviation(day) + ": working ranges " + last + " and " + r + " overlap");
            }
            if (last != null && r.startMinute() == last.endMinute()) {
                // 09:00-12:00 and 12:00-18:00 are one period: merging keeps the text form canonical.
                merged.set(merged.size() - 1, new TimeRange(last.start(), r.end()));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }

    static Map<DayOfWeek, List<TimeRange>> parse(List<String> lines) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (String line : lines) {
            String[] parts = Objects.requireNonNull(line, "working hours line").trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("working hours '" + line + "': expected e.g. 'MON-FRI 09:00-18:00'");
            }
            List<TimeRange> ranges = Arrays.stream(parts[1].split(",", -1)).map(TimeRange::of).toList();
            for (DayOfWeek day : parseDays(parts[0])) {
                if (hours.put(day, ranges) != null) {
                    throw new IllegalArgumentException("working hours: " + abbreviation(day) + " appears in two entries");
                }
            }
        }
        return normalise(hours);
    }

    /** "MON-FRI", "SAT", "MON,WED,FRI", "MON-WED,FRI". */
    static List<DayOfWeek> parseDays(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] bounds = item.split("-", -1);
            if (bounds.length > 2) {
                throw new IllegalArgumentException("days '" + text + "': expected e.g. MON-FRI or MON,WED");
            }
            DayOfWeek from = day(bounds[0]);
            DayOfWeek to = bounds.length == 2 ? day(bounds[1]) : from;
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("days '" + item + "': a day range runs forward from MON to SUN");
            }
            for (int d = from.getValue(); d <= to.getValue(); d++) {
                days.add(DayOfWeek.of(d));
            }
        }
        return days;
    }

    static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (abbreviation(day).equals(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + abbreviation + "', expected MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /** Canonical day list: runs of two or more consecutive days as ranges, e.g. {@code MON-WED,FRI}. */
    static String formatDays(Set<DayOfWeek> days) {
        List<String> items = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!days.contains(all[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < all.length && days.contains(all[j + 1])) {
                j++;
            }
            items.add(i == j ? abbreviation(all[i]) : abbreviation(all[i]) + "-" + abbreviation(all[j]));
            i = j + 1;
        }
        return String.join(",", items);
    }

    static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /** Canonical text: runs of consecutive days with the same ranges, MON first, days off omitted. */
    static List<String> format(Map<DayOfWeek, List<TimeRange>> hours) {
        List<String> lines = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<TimeRange> ranges = hours.get(days[i]);
            int j = i;
            while (j + 1 < days.length && hours.get(days[j + 1]).equals(ranges)) {
                j++;
            }
            if (!ranges.isEmpty()) {
                String dayText = i == j ? abbreviation(days[i]) : abbreviation(days[i]) + "-" + abbreviation(days[j]);
                lines.add(dayText + " " + String.join(",", ranges.stream().map(TimeRange::text).toList()));
            }
            i = j + 1;
        }
        return List.copyOf(lines);
    }
}
