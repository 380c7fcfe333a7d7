package io.relais.kpi.rolling;

import io.relais.contract.task.TaskPriority;
import io.relais.kpi.sla.TaskClock;
import java.time.Instant;

/**
 * What the KPIs need to know about one task, kept per task id in {@value RollingKpisTopology#TASK_FACTS_STORE}
 * and joined into each of its later events. Closed tasks stay: ratings and incidents come after approval.
 *
 * @param clock              the task's SLA clock (the SLA-clock topology's own {@link TaskClock}, so that both
 *                           compute elapsed time the same way), null when its policy or calendar is unreadable
 * @param engagementId       the engagement of the last assignment, null while unassigned
 * @param costCentMinutes    Σ over completions of minutes × provider rate in cents
 * @param costKnown          false once a completion's engagement rates were unknown
 * @param open               requested and neither approved nor cancelled
 */
public record TaskFacts(String type, TaskPriority priority, String processId, String provider, String engagementId,
                        Instant requestedAt, TaskClock clock, long costCentMinutes, boolean costKnown, boolean open) {

    TaskFacts withClock(TaskClock changed) {
        return new TaskFacts(type, priority, processId, provider, engagementId, requestedAt, changed, costCentMinutes,
                costKnown, open);
    }

    TaskFacts assigned(String organisation, String engagement) {
        return new TaskFacts(type, priority, processId, organisation, engagement, requestedAt,
                clock == null ? null : clock.assignedTo(organisation), costCentMinutes, costKnown, open);
    }

    TaskFacts reprioritized(TaskPriority to) {
        return new TaskFacts(type, to == null ? priority : to, processId, provider, engagementId, requestedAt,
                clock == null ? null : clock.reprioritized(to), costCentMinutes, costKnown, open);
    }

    TaskFacts costing(Long centMinutes) {
        return new TaskFacts(type, priority, processId, provider, engagementId, requestedAt, clock,
                costCentMinutes + (centMinutes == null ? 0 : centMinutes), costKnown && centMinutes != null, open);
    }

    TaskFacts closed() {
        return new TaskFacts(type, priority, processId, provider, engagementId, requestedAt, clock, costCentMinutes,
                costKnown, false);
    }
}
