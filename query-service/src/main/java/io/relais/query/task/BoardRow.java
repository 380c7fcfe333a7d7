package io.relais.query.task;

import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the "Back-office Ops" board (seed 004's Notion table: task/process, type, priority, SLA, recurrence,
 * owner, SOP, quality checklist, status, KPI), as {@code GET /api/board} serves it.
 */
public record BoardRow(UUID taskId, String title, String type, TaskPriority priority, TaskStatus status,
                       Sla sla, Recurrence recurrence, Owner owner, Sop sop, Checklist checklist, Figures kpi,
                       Instant requestedAt, Instant lastEventAt, long version) {

    /**
     * @param dueAt            when the budget runs out: as the latest alert computed it (pauses included), else
     *                         as requested (as if the clock never paused)
     * @param remainingSeconds until {@code dueAt} at the time of the answer, negative once overdue; null when the
     *                         task is closed or has no SLA
     */
    public record Sla(String policy, Instant dueAt, Long remainingSeconds, BoardSlaState state) {
    }

    /** Whether the task was opened by a recurring procedure's occurrence, and which one. */
    public record Recurrence(boolean recurring, Instant occurrenceAt) {
    }

    /** Who holds the task: the assigned agent and their provider, and who asked for it. */
    public record Owner(String agent, String organisation, String requestedBy) {
    }

    /** The SOP version the task follows, with the path of that version's page; null for ad-hoc work. */
    public record Sop(String processId, int version, String title, String link) {
    }

    /**
     * @param expected the SOP version's quality checks (what the checklist must cover)
     * @param results  the last completion's checklist
     */
    public record Checklist(List<String> expected, List<ChecklistResult> results, int passed, int total) {
    }

    /**
     * The task's own figures and the KPIs its SOP says to follow.
     */
    public record Figures(int timeSpentMinutes, int reworkCount, int incidentCount, Integer rating, boolean escalated,
                          List<String> sopKpis) {
    }
}
