package io.relais.command.task;

import io.relais.calendar.SlaPolicy;
import io.relais.command.sla.SlaSettings;
import io.relais.contract.sla.CalendarSpec;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Computes a task's deadline once, when it is requested, with the company's business calendar (product brief
 * §3); the policy and the calendar are recorded in the event with the result.
 */
@Component
class SlaDeadlines {

    private final SlaSettings settings;

    SlaDeadlines(SlaSettings settings) {
        this.settings = settings;
    }

    String defaultPolicy() {
        return settings.defaultPolicy();
    }

    CalendarSpec calendar() {
        return settings.calendar();
    }

    Instant dueAt(String slaPolicy, CalendarSpec calendar, Instant requestedAt) {
        var businessCalendar = new io.relais.calendar.CalendarSpec(calendar.zone(), calendar.workingHours(),
                calendar.holidays(), calendar.closedDays()).toCalendar();
        return SlaPolicy.parse(slaPolicy).dueAt(requestedAt, businessCalendar);
    }
}
