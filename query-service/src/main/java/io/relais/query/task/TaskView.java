package io.relais.query.task;

import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the projection holds it and the API serves it (listing items; the detail adds the timeline).
 *
 * @param statusBeforeHold      while ON_HOLD, the status the task goes back to when resumed; else null
 * @param processId             the SOP the task follows, null for ad-hoc work
 * @param calendar              the business calendar {@code dueAt} was computed with
 * @param dueAt                 when the SLA budget runs out if the clock never pauses (decided at request time)
 * @param requestedBy           the authenticated requester (the event's actor); null for events published
 *                              before actors were recorded
 * @param requesterOrganisation the requester's organisation
 * @param assignedAgent         the agent of the last assignment
 * @param assignedOrganisation  that agent's provider organisation, whose agents may see the task
 * @param completedAt           of the last completion
 * @param timeSpentMinutes      the sum over all completions (a rework round adds its own time)
 * @param checklist             the quality checklist of the last completion
 * @param reworkCount           how many times the result was sent back (each counts as an error)
 * @param escalated             whether the task was ever escalated
 * @param rating                internal satisfaction 0-10, null until rated
 * @param resources             the resources the SOP version requires the assigned agent to hold grants for
 * @param lastEventAt           when the last event applied to the task happened
 * @param version               aggregate sequence number of the last event applied to the task
 */
public record TaskView(UUID taskId, String title, String description, String type, TaskPriority priority,
                       TaskStatus status, TaskStatus statusBeforeHold, String processId, int processVersion,
                       Confidentiality confidentiality, String slaPolicy, CalendarSpec calendar, Instant dueAt,
                       String requestedBy, String requesterOrganisation, Instant requestedAt,
                       String assignedAgent, String assignedOrganisation, String engagementId, Instant assignedAt,
                       Instant startedAt, Instant completedAt, int timeSpentMinutes, List<ChecklistResult> checklist,
                       Instant approvedAt, int reworkCount, boolean escalated, int escalationCount,
                       Instant cancelledAt, Integer rating, int incidentCount, List<String> resources, Instant lastEventAt,
                       long version) {
}
