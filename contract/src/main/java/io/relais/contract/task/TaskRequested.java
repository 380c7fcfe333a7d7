package io.relais.contract.task;

import io.relais.contract.sla.CalendarSpec;
import java.time.Instant;

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
 */
public record TaskRequested(String taskId, String title, String description, String type, TaskPriority priority,
                            String processId, int processVersion, String requester, Confidentiality confidentiality,
                            String slaPolicy, CalendarSpec calendar, Instant dueAt, Instant requestedAt) {
}
