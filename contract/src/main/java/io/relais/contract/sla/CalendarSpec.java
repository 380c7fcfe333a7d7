package io.relais.contract.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The business calendar a deadline was computed with, as events record it, so that anyone replaying them
 * computes the same figures (product brief §3).
 *
 * @param zone         an IANA time zone, e.g. {@code Europe/Paris}
 * @param workingHours weekly working periods, e.g. {@code ["MON-FRI 09:00-18:00"]}
 * @param holidays     the public-holiday rules: {@code FR}, {@code FR-ALSACE-MOSELLE} or {@code NONE}
 * @param closedDays   extra days off (a company closure, a bridge day)
 */
public record CalendarSpec(String zone, List<String> workingHours, String holidays, List<LocalDate> closedDays) {

    public static final CalendarSpec FRANCE_DEFAULT =
            new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR", List.of());

    public CalendarSpec {
        Objects.requireNonNull(zone, "zone");
        workingHours = List.copyOf(workingHours);
        Objects.requireNonNull(holidays, "holidays");
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }
}
