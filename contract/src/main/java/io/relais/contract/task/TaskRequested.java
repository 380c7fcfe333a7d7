package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import io.relais.contract.sla.CalendarSpec;
import java.time.Instant;
import java.util.List;

/**
 * An internal employee asked the back office for a piece of work. The deadline is decided here, once, with
 * the policy and calendar recorded alongside, so that every reader computes the same SLA figures.
 *
 * @param taskId          the task's id, also the Kafka key and the CloudEvents subject
 * @param type            the kind of work (invoicing, payment reminder, CRM update, ...), upper case
 * @param processId       the SOP the task follows, null for ad-hoc work
 * @param processVersion  the SOP version the task was opened under (0 when ad hoc)
 * @param requester       the authenticated requester
 * @param slaPolicy       the SLA policy in its text form, e.g. {@code BUSINESS_HOURS(24)}
 * @param calendar        the business calendar {@code dueAt} was computed with
 * @param dueAt           when the SLA budget runs out if the clock never pauses
 * @param requestedAt     when the command side accepted the request
 * @param resources       the resources the SOP version requires an agent to hold grants for (empty when ad hoc)
 */
public record TaskRequested(String taskId, @Personal String title, @Personal String description, String type,
                            TaskPriority priority, String processId, int processVersion, String requester, Confidentiality confidentiality,
                            String slaPolicy, CalendarSpec calendar, Instant dueAt, Instant requestedAt,
                            List<String> resources) {

    public TaskRequested {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** A request whose SOP, if any, requires no resources. */
    public TaskRequested(String taskId, String title, String description, String type, TaskPriority priority,
                         String processId, int processVersion, String requester, Confidentiality confidentiality,
                         String slaPolicy, CalendarSpec calendar, Instant dueAt, Instant requestedAt) {
        this(taskId, title, description, type, priority, processId, processVersion, requester, confidentiality,
                slaPolicy, calendar, dueAt, requestedAt, List.of());
    }
}
