package io.relais.contract.kpi;

import java.util.List;

/**
 * Names of the KPIs and dimensions published on {@code relais.kpis.v1} (BRIEF §4, seeds 000 and 004). The README's
 * "KPIs" section gives each formula. Durations are in hours, money in euros, rates as ratios in [0, 1].
 */
public final class Kpis {

    /** Tasks requested (count of {@code TaskRequested}). */
    public static final String TASKS_REQUESTED = "tasks-requested";
    /** Throughput: completions ({@code TaskCompleted}, a reworked task counts once per completion). */
    public static final String THROUGHPUT = "throughput";
    /** Tasks approved (closed): the population of the processing-time and cost-per-task figures. */
    public static final String TASKS_APPROVED = "tasks-approved";

    /** Mean SLA-elapsed time requested → approved, hours of the policy's measure (business hours if business). */
    public static final String PROCESSING_SLA_MEAN = "processing-time-sla-mean-hours";
    /** Median (nearest rank) SLA-elapsed time requested → approved. */
    public static final String PROCESSING_SLA_P50 = "processing-time-sla-p50-hours";
    /** 90th percentile (nearest rank) SLA-elapsed time requested → approved. */
    public static final String PROCESSING_SLA_P90 = "processing-time-sla-p90-hours";
    /** Mean wall time requested → approved, hours. */
    public static final String PROCESSING_WALL_MEAN = "processing-time-wall-mean-hours";
    public static final String PROCESSING_WALL_P50 = "processing-time-wall-p50-hours";
    public static final String PROCESSING_WALL_P90 = "processing-time-wall-p90-hours";

    /** Tasks whose SLA closed (approval) within budget ÷ tasks whose SLA closed. */
    public static final String ON_TIME_RATE = "on-time-rate";
    /** The same for tasks of priority CRITICAL at approval. */
    public static final String CRITICAL_ON_TIME_RATE = "critical-on-time-rate";
    /** Rework requests ÷ completions. */
    public static final String ERROR_RATE = "error-rate";
    /** Rework requests (count). */
    public static final String REWORKS = "reworks";

    /** Incidents reported (count, every severity). */
    public static final String INCIDENTS = "incidents";
    /** Incidents of one severity: {@code incidents-low}, {@code incidents-medium}, ... */
    public static final String INCIDENTS_LOW = "incidents-low";
    public static final String INCIDENTS_MEDIUM = "incidents-medium";
    public static final String INCIDENTS_HIGH = "incidents-high";
    public static final String INCIDENTS_CRITICAL = "incidents-critical";

    /** Ratings given (count). */
    public static final String RATINGS = "ratings";
    /** Mean internal satisfaction rating, 0 to 10. */
    public static final String SATISFACTION = "satisfaction-mean";
    /** Internal NPS: % promoters (9-10) − % detractors (0-6), −100 to 100. */
    public static final String INTERNAL_NPS = "internal-nps";

    /** Time saved: Σ time spent by the provider on completions, hours. */
    public static final String TIME_SAVED = "time-saved-hours";
    /** Σ time spent × provider hourly rate on completions, euros. */
    public static final String PROVIDER_COST = "provider-cost-eur";
    /** Σ time spent × (internal − provider hourly rate) on completions, euros (seed 004: 15 h × 27 € = 405 €). */
    public static final String SAVINGS = "savings-eur";
    /** Provider cost of the tasks approved in the window (all their completions) ÷ those tasks, euros. */
    public static final String COST_PER_TASK = "cost-per-task-eur";

    /** Health score 0-100 for a company in growth (reactivity, absorption). */
    public static final String HEALTH_GROWTH = "health-growth";
    /** Health score 0-100 for a company in transformation (reliability, formalisation, secure hand-offs). */
    public static final String HEALTH_TRANSFORMATION = "health-transformation";
    /** Health score 0-100 for a company being sold (reliability, formalisation, secure hand-offs). */
    public static final String HEALTH_SALE = "health-sale";

    /** Open tasks now ({@link WindowKind#NOW}). */
    public static final String BACKLOG = "backlog";
    /** Mean age of the open tasks now (now − requested), hours. */
    public static final String WIP_AGE_MEAN = "wip-age-mean-hours";
    /** Age of the oldest open task now, hours. */
    public static final String WIP_AGE_MAX = "wip-age-max-hours";

    /** All tasks together; its only group is {@link #ALL}. */
    public static final String OVERALL = "overall";
    public static final String ALL = "all";
    public static final String BY_TASK_TYPE = "task-type";
    /** The provider organisation the task was last assigned to (unassigned tasks are not in this dimension). */
    public static final String BY_PROVIDER = "provider";
    /** The SOP (process id) the task follows; ad-hoc tasks are the group {@link #AD_HOC}. */
    public static final String BY_PROCESS = "process";
    public static final String AD_HOC = "ad-hoc";

    public static final List<String> DIMENSIONS = List.of(OVERALL, BY_TASK_TYPE, BY_PROVIDER, BY_PROCESS);

    /** Every windowed KPI, in publication order. */
    public static final List<String> WINDOWED = List.of(TASKS_REQUESTED, THROUGHPUT, TASKS_APPROVED,
            PROCESSING_SLA_MEAN, PROCESSING_SLA_P50, PROCESSING_SLA_P90, PROCESSING_WALL_MEAN, PROCESSING_WALL_P50,
            PROCESSING_WALL_P90, ON_TIME_RATE, CRITICAL_ON_TIME_RATE, ERROR_RATE, REWORKS, INCIDENTS, INCIDENTS_LOW,
            INCIDENTS_MEDIUM, INCIDENTS_HIGH, INCIDENTS_CRITICAL, RATINGS, SATISFACTION, INTERNAL_NPS, TIME_SAVED,
            PROVIDER_COST, SAVINGS, COST_PER_TASK, HEALTH_GROWTH, HEALTH_TRANSFORMATION, HEALTH_SALE);

    /** Every figure as of now. */
    public static final List<String> CURRENT = List.of(BACKLOG, WIP_AGE_MEAN, WIP_AGE_MAX);

    private Kpis() {
    }
}
