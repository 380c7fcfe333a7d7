package io.relais.contract.sla;

import io.relais.contract.task.TaskPriority;
import java.time.Instant;

/**
 * An SLA alert raised by kpi-streams on {@code relais.sla-alerts.v1} (key = task id), BRIEF §3: a task's SLA clock
 * reached the at-risk threshold, or went over its budget. Each kind is raised at most once per task: the clock is
 * cumulative over the whole task (rework rounds included) and never goes back, so a task that was at risk or
 * breached stays so. When both thresholds are found passed at once (a task completed late, or alerts due while
 * kpi-streams was down), {@link Kind#AT_RISK} comes first, then {@link Kind#BREACHED}, both with the same
 * {@code detectedAt}.
 *
 * <p>Durations are whole seconds of SLA time, in the policy's measure: working time of the task's calendar for
 * {@code BUSINESS_HOURS} and {@code BUSINESS_DAYS}, wall time for the others.
 *
 * @param taskId               the task, also the record key
 * @param kind                 which threshold was passed
 * @param type                 the task type, as requested
 * @param priority             the task's priority when the alert was raised (after any reprioritisation)
 * @param processId            the SOP the task follows, null for ad-hoc work
 * @param assignedOrganisation the provider organisation the task was last assigned to, null while unassigned
 * @param slaPolicy            the policy in its text form, e.g. {@code BUSINESS_HOURS(24)}
 * @param requestedAt          when the task was requested (its clock started)
 * @param dueAt                when the budget runs (or ran) out, as the pauses so far have moved it: the requested
 *                             due instant if the clock never paused; for an alert raised while the clock is paused
 *                             below budget, as if it ran again from {@code detectedAt}
 * @param crossedAt            when the threshold was passed: for {@link Kind#AT_RISK} the instant elapsed time
 *                             reached the at-risk share of the budget; for {@link Kind#BREACHED} the instant from
 *                             which it exceeds the budget (for business policies, when working time resumes after
 *                             the budget is used up)
 * @param detectedAt           when kpi-streams raised the alert: its timer's time, or the time of the event that
 *                             revealed it (a completion after the due instant); also the record timestamp
 * @param elapsedSeconds       elapsed SLA time at {@code detectedAt}
 * @param budgetSeconds        the task's SLA budget
 */
public record SlaAlert(String taskId, Kind kind, String type, TaskPriority priority, String processId,
                       String assignedOrganisation, String slaPolicy, Instant requestedAt, Instant dueAt,
                       Instant crossedAt, Instant detectedAt, long elapsedSeconds, long budgetSeconds) {

    public enum Kind {
        /** Elapsed SLA time reached the at-risk share of the budget (80 % unless configured otherwise). */
        AT_RISK,
        /** Elapsed SLA time exceeds the budget. */
        BREACHED
    }
}
