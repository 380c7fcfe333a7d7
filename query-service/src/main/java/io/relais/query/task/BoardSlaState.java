package io.relais.query.task;

/**
 * Where a task stands against its SLA on the board, from its status and the alerts kpi-streams raised for it
 * (the SLA clock's state lives in kpi-streams; the board reads its verdicts, it does not recompute them).
 */
public enum BoardSlaState {
    /** The task has no SLA policy. */
    NONE,
    /** Open, clock running, no alert yet. */
    ON_TRACK,
    /** Open, the at-risk share of the budget used, not yet breached. */
    AT_RISK,
    /** Open and over budget. */
    BREACHED,
    /** Open, clock paused (on hold, or delivered and awaiting approval), no alert yet. */
    PAUSED,
    /** Approved within budget. */
    MET,
    /** Approved after a breach. */
    MISSED,
    /** Cancelled: no verdict. */
    CANCELLED;

    /** The same decision in SQL, over the board's join (aliases {@code t}, {@code breach}, {@code risk}). */
    static final String SQL = """
            CASE WHEN t.sla_policy IS NULL THEN 'NONE'
                 WHEN t.status = 'CANCELLED' THEN 'CANCELLED'
                 WHEN t.status = 'APPROVED' THEN CASE WHEN breach.task_id IS NULL THEN 'MET' ELSE 'MISSED' END
                 WHEN breach.task_id IS NOT NULL THEN 'BREACHED'
                 WHEN risk.task_id IS NOT NULL THEN 'AT_RISK'
                 WHEN t.status IN ('ON_HOLD', 'DONE') THEN 'PAUSED'
                 ELSE 'ON_TRACK' END""";
}
