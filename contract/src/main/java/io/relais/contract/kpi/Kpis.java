package io.relais.contract.kpi;

/** Names of the KPIs and dimensions published on {@code relais.kpis.v1}. */
public final class Kpis {

    /** Tasks requested per day (UTC day window). */
    public static final String TASKS_REQUESTED = "tasks-requested";

    public static final String BY_TASK_TYPE = "task-type";

    private Kpis() {
    }
}
