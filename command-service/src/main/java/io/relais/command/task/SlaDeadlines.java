package io.relais.command.task;

import io.relais.calendar.SlaPolicy;
import io.relais.contract.sla.CalendarSpec;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Computes a task's deadline once, when it is requested, with the company's business calendar (product brief
 * §3); the policy and the calendar are recorded in the event with the result.
 */
@Component
class SlaDeadlines {

    private final Settings settings;

    SlaDeadlines(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param defaultPolicy the policy of ad-hoc tasks that name none
     * @param zone          the company's time zone
     * @param workingHours  its weekly working periods, e.g. {@code MON-FRI 09:00-18:00}
     * @param holidays      {@code FR}, {@code FR-ALSACE-MOSELLE} or {@code NONE}
     */
    @ConfigurationProperties("relais.sla")
    record Settings(@DefaultValue("BUSINESS_HOURS(24)") String defaultPolicy,
                    @DefaultValue("Europe/Paris") String zone,
                    @DefaultValue("MON-FRI 09:00-18:00") java.util.List<String> workingHours,
                    @DefaultValue("FR") String holidays,
                    @DefaultValue java.util.List<java.time.LocalDate> closedDays) {
    }

    String defaultPolicy() {
        return settings.defaultPolicy();
    }

    CalendarSpec calendar() {
        return new CalendarSpec(settings.zone(), settings.workingHours(), settings.holidays(), settings.closedDays());
    }

    Instant dueAt(String slaPolicy, CalendarSpec calendar, Instant requestedAt) {
        var businessCalendar = new io.relais.calendar.CalendarSpec(calendar.zone(), calendar.workingHours(),
                calendar.holidays(), calendar.closedDays()).toCalendar();
        return SlaPolicy.parse(slaPolicy).dueAt(requestedAt, businessCalendar);
    }
}
