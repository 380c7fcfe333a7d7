package io.relais.command.sla;

import io.relais.contract.sla.CalendarSpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's SLA settings: the calendar deadlines are computed with and the policy of ad-hoc work.
 *
 * @param defaultPolicy the policy of ad-hoc tasks that name none
 * @param zone          the company's time zone; recurring procedures occur in it too
 * @param workingHours  weekly working periods, e.g. {@code MON-FRI 09:00-18:00}
 * @param holidays      {@code FR}, {@code FR-ALSACE-MOSELLE} or {@code NONE}
 */
@ConfigurationProperties("relais.sla")
public record SlaSettings(@DefaultValue("BUSINESS_HOURS(24)") String defaultPolicy,
                          @DefaultValue("Europe/Paris") String zone,
                          @DefaultValue("MON-FRI 09:00-18:00") List<String> workingHours,
                          @DefaultValue("FR") String holidays,
                          @DefaultValue List<LocalDate> closedDays) {

    public CalendarSpec calendar() {
        return new CalendarSpec(zone, workingHours, holidays, closedDays);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
