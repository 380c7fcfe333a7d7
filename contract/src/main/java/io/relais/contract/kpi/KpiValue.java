package io.relais.contract.kpi;

import java.time.Instant;

/**
 * One figure computed by kpi-streams: the value of a KPI for one group of one dimension over one
 * window. Records on {@code relais.kpis.v1} carry the latest value for their {@link #key()}.
 *
 * @param kpi        the indicator, e.g. {@link Kpis#TASKS_REQUESTED}
 * @param dimension  what the figures are grouped by, e.g. {@link Kpis#BY_TASK_TYPE}
 * @param group      the group within the dimension, e.g. {@code INVOICING}
 * @param windowKind the span of the window; absent (older records) means {@link WindowKind#DAY}
 */
public record KpiValue(String kpi, String dimension, String group, Instant windowStart, Instant windowEnd,
                       double value, WindowKind windowKind) {

    public KpiValue {
        windowKind = windowKind == null ? WindowKind.DAY : windowKind;
    }

    /** A value of the daily series. */
    public KpiValue(String kpi, String dimension, String group, Instant windowStart, Instant windowEnd,
                    double value) {
        this(kpi, dimension, group, windowStart, windowEnd, value, WindowKind.DAY);
    }

    /** The Kafka key: one record per KPI, dimension, group and window; later records supersede earlier ones. */
    public String key() {
        return keyOf(kpi, dimension, group, windowKind, windowStart);
    }

    /** The key of a daily value: {@code kpi|dimension=group|windowStart}. */
    public static String keyOf(String kpi, String dimension, String group, Instant windowStart) {
        return keyOf(kpi, dimension, group, WindowKind.DAY, windowStart);
    }

    /**
     * {@code kpi|dimension=group|windowStart} for {@link WindowKind#DAY} (the format daily values always had),
     * {@code kpi|dimension=group|windowStart|KIND} for the trailing windows, and {@code kpi|dimension=group|NOW}
     * for the figures as of now, which have one current value each.
     */
    public static String keyOf(String kpi, String dimension, String group, WindowKind kind, Instant windowStart) {
        WindowKind windowKind = kind == null ? WindowKind.DAY : kind;
        String prefix = kpi + "|" + dimension + "=" + group + "|";
        return switch (windowKind) {
            case DAY -> prefix + windowStart;
            case NOW -> prefix + WindowKind.NOW.name();
            default -> prefix + windowStart + "|" + windowKind.name();
        };
    }
}
