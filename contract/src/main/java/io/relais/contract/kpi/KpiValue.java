package io.relais.contract.kpi;

import java.time.Instant;

/**
 * One figure computed by kpi-streams: the value of a KPI for one group of one dimension over one
 * window. Records on {@code relais.kpis.v1} carry the latest value for their {@link #key()}.
 *
 * @param kpi       the indicator, e.g. {@link Kpis#TASKS_REQUESTED}
 * @param dimension what the figures are grouped by, e.g. {@link Kpis#BY_TASK_TYPE}
 * @param group     the group within the dimension, e.g. {@code INVOICING}
 */
public record KpiValue(String kpi, String dimension, String group, Instant windowStart, Instant windowEnd,
                       double value) {

    /** The Kafka key: one record per KPI, dimension, group and window; later records supersede earlier ones. */
    public String key() {
        return keyOf(kpi, dimension, group, windowStart);
    }

    public static String keyOf(String kpi, String dimension, String group, Instant windowStart) {
        return kpi + "|" + dimension + "=" + group + "|" + windowStart;
    }
}
