package io.relais.command.engagement;

import io.relais.contract.sla.CalendarSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The business calendar of an engagement (product brief §3); when the engagement body has none, the default
 * is {@link CalendarSpec#FRANCE_DEFAULT} (Mon–Fri 09:00–18:00, Europe/Paris, French public holidays).
 *
 * @param workingHours weekly periods such as {@code MON-FRI 09:00-18:00} or {@code SAT 09:00-12:00}
 * @param holidays     {@code FR}, {@code FR-ALSACE-MOSELLE} (adds Good Friday and 26 December) or {@code NONE}
 * @param closedDays   optional extra days off (a company closure, a bridge day)
 */
public record CalendarBody(
        @NotBlank @Size(max = 64) @TimeZoneId String zone,
        @NotEmpty @Size(max = 14) List<@NotNull @Pattern(regexp = WORKING_HOURS, message = WORKING_HOURS_MESSAGE)
                String> workingHours,
        @NotBlank @Pattern(regexp = "FR|FR-ALSACE-MOSELLE|NONE", message = "must be FR, FR-ALSACE-MOSELLE or NONE")
        String holidays,
        @Size(max = 366) List<@NotNull LocalDate> closedDays) {

    private static final String DAY = "(MON|TUE|WED|THU|FRI|SAT|SUN)";
    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    static final String WORKING_HOURS = DAY + "(-" + DAY + ")? " + TIME + "-(" + TIME + "|24:00)";
    static final String WORKING_HOURS_MESSAGE = "must read DAY[-DAY] HH:MM-HH:MM, e.g. MON-FRI 09:00-18:00";

    CalendarSpec toSpec() {
        return new CalendarSpec(zone, workingHours, holidays, closedDays == null ? List.of()
                : closedDays.stream().distinct().sorted().toList());
    }
}
