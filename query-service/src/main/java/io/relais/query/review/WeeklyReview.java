package io.relais.query.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The figures of one weekly review: the ISO week {@code [from, to)} in UTC (Monday 00:00 to the next Monday 00:00), the
 * span of kpi-streams' {@code TRAILING_7D} window that starts on that Monday, so that every KPI here is the one
 * {@code GET /api/kpis} serves for that window. Stored as JSON with the report and served by
 * {@code GET /api/reviews/weekly/{weekStart}}.
 *
 * @param kpis            every windowed KPI of the company as a whole ({@code overall}/{@code all}), this week and the
 *                        week before, in the contract's order; {@code null} where the window has no value
 * @param openTasksAtEnd  tasks requested before the week's end and neither approved nor cancelled by then (the backlog
 *                        as it stood, which the {@code NOW} backlog figure cannot give for a past instant)
 * @param openEscalations escalated tasks still open at the week's end, oldest escalation first
 */
public record WeeklyReview(LocalDate weekStart, LocalDate weekEnd, Instant from, Instant to, Instant generatedAt,
                           List<KpiChange> kpis, Sla sla, Incidents incidents, Reworks reworks, long openTasksAtEnd,
                           OpenEscalations openEscalations, AccessChanges accessChanges, Savings savings) {

    /**
     * One KPI this week against the week before.
     *
     * @param change {@code value − previous} (for ratios, in ratio units: 0.05 is 5 points); null unless both exist
     */
    public record KpiChange(String kpi, Double value, Double previous, Double change) {

        static KpiChange of(String kpi, Double value, Double previous) {
            return new KpiChange(kpi, value, previous, value == null || previous == null ? null : value - previous);
        }
    }

    /** A count under a name (a task type, a severity), in a stable order. */
    public record Count(String name, long count) {
    }

    /** SLA alerts whose threshold was crossed during the week (kpi-streams' {@code crossedAt}). */
    public record Sla(long breached, long atRisk, List<Count> breachedByType) {
    }

    /** {@code IncidentReported} during the week, all and by severity (LOW, MEDIUM, HIGH, CRITICAL). */
    public record Incidents(long reported, List<Count> bySeverity, List<Count> byType) {
    }

    /** {@code TaskReworkRequested} during the week, and how many tasks they concern. */
    public record Reworks(long requested, long tasks, List<Count> byType) {
    }

    public record OpenEscalations(long count, List<Escalation> oldest) {
    }

    /** An escalated task still open at the week's end; ids and types only, never a title or a reason. */
    public record Escalation(UUID taskId, String type, String priority, String status, Instant escalatedAt) {
    }

    /** Access events that took effect during the week ({@code access_history}). */
    public record AccessChanges(long granted, long revoked, long expired, long reviewed) {

        public long total() {
            return granted + revoked + expired + reviewed;
        }
    }

    /** The week's time saved and money figures, as in {@link #kpis} (seed 004: time saved and savings up front). */
    public record Savings(Double timeSavedHours, Double previousTimeSavedHours, Double savingsEur,
                          Double previousSavingsEur, Double providerCostEur) {
    }
}
