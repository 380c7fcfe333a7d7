package io.relais.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The text description of a {@link BusinessCalendar} that events carry ("the calendar used"), so that a replay
 * computes the same figures. Same shape as {@code io.relais.contract.sla.CalendarSpec}: map field by field.
 * {@link #from} gives the canonical form (grouped day runs, sorted closed days); {@link #toCalendar} accepts any
 * well-formed spec and refuses a bad one with an {@link IllegalArgumentException} naming the problem.
 *
 * @param zone         an IANA time zone, e.g. {@code Europe/Paris}
 * @param workingHours weekly working ranges, e.g. {@code ["MON-FRI 09:00-12:30,13:30-18:00", "SAT 09:00-12:00"]};
 *                     days are MON..SUN, single, ranges ({@code MON-FRI}) or lists ({@code MON,WED}); {@code 24:00}
 *                     ends a range at midnight; a day in no entry is a day off
 * @param holidays     {@code FR}, {@code FR-ALSACE-MOSELLE} or {@code NONE}
 * @param closedDays   extra days off
 */
public record CalendarSpec(String zone, List<String> workingHours, String holidays, List<LocalDate> closedDays) {

    public static final CalendarSpec FRANCE_DEFAULT = BusinessCalendar.franceDefault().spec();

    public CalendarSpec {
        Objects.requireNonNull(zone, "zone");
        workingHours = List.copyOf(Objects.requireNonNull(workingHours, "workingHours"));
        Objects.requireNonNull(holidays, "holidays");
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }

    public static CalendarSpec from(BusinessCalendar calendar) {
        return new CalendarSpec(calendar.zone().getId(), WeeklyHours.format(calendar.weeklyHours()),
                calendar.holidays().code(), List.copyOf(calendar.closedDays()));
    }

    public BusinessCalendar toCalendar() {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "'");
        }
        BusinessCalendar.Builder b = BusinessCalendar.builder()
                .zone(zoneId)
                .workingHours(workingHours.toArray(String[]::new))
                .holidays(HolidayRules.fromCode(holidays));
        closedDays.forEach(b::closedDays);
        return b.build();
    }
}
