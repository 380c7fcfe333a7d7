package io.relais.kpi.rolling;

import io.relais.contract.kpi.Kpis;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task event contributes to the windowed KPIs, with the task's facts (type, SOP, provider, priority)
 * joined in from the per-task store. Its record timestamp is the event's (CloudEvent {@code time}), so it lands in
 * the windows of the event. Fields that do not apply to its {@link Kind} are zero or null.
 *
 * @param provider          the provider organisation the task was last assigned to, null while unassigned
 * @param timeSpentMinutes  COMPLETED: the agent's time on this round of work
 * @param providerRateCents COMPLETED: the engagement's provider hourly rate in euro cents, null if unknown
 * @param internalRateCents COMPLETED: the engagement's internal hourly rate in euro cents, null if unknown
 * @param checklistPassed   COMPLETED: every quality-checklist item passed (an empty checklist passes)
 * @param slaElapsedSeconds APPROVED: SLA-elapsed time at approval, whole seconds of the policy's measure; null
 *                          when the task has no readable SLA policy
 * @param slaOnTime         APPROVED: elapsed at approval within the budget (null without SLA)
 * @param wallSeconds       APPROVED: requested → approved, whole seconds
 * @param taskCostCentMinutes APPROVED: Σ over the task's completions of minutes × provider rate in cents; null when
 *                          a completion's rate was unknown
 */
public record KpiFact(Kind kind, String type, String processId, String provider, TaskPriority priority,
                      int timeSpentMinutes, Long providerRateCents, Long internalRateCents, boolean checklistPassed,
                      Long slaElapsedSeconds, Boolean slaOnTime, long wallSeconds, Long taskCostCentMinutes,
                      IncidentSeverity severity, IncidentKind incidentKind, int rating) {

    public enum Kind { REQUESTED, COMPLETED, APPROVED, REWORK_REQUESTED, INCIDENT, RATED }

    static KpiFact of(Kind kind, TaskFacts task) {
        return new KpiFact(kind, task.type(), task.processId(), task.provider(), task.priority(), 0, null, null,
                false, null, null, 0, null, null, null, 0);
    }

    /** The groups this fact counts in, as {@code dimension=group}: overall, task type, provider if any, SOP. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>(4);
        groups.add(groupKey(Kpis.OVERALL, Kpis.ALL));
        groups.add(groupKey(Kpis.BY_TASK_TYPE, type == null ? "UNKNOWN" : type));
        if (provider != null) {
            groups.add(groupKey(Kpis.BY_PROVIDER, provider));
        }
        groups.add(groupKey(Kpis.BY_PROCESS, processId == null ? Kpis.AD_HOC : processId));
        return groups;
    }

    public static String groupKey(String dimension, String group) {
        return dimension + "=" + group;
    }
}
