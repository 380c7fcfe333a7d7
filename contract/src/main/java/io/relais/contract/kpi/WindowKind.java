package io.relais.contract.kpi;

import java.time.Duration;

/**
 * Which span a {@link KpiValue} covers. Windows are in event time (the CloudEvent {@code time} of the events
 * counted), aligned to the epoch, i.e. to UTC hours and days.
 */
public enum WindowKind {
    /** A UTC day, {@code [00:00, 24:00)}: the daily series. */
    DAY(Duration.ofDays(1), Duration.ofDays(1)),
    /**
     * Trailing 24 hours at hourly granularity: a 24 h window advanced by 1 h. The current figure is the window that
     * ends at the next full hour (the current hour and the 23 before it).
     */
    TRAILING_24H(Duration.ofHours(24), Duration.ofHours(1)),
    /**
     * Trailing 7 days at daily granularity: a 7-day window advanced by 1 UTC day. The current figure is the window
     * that ends at the next UTC midnight (today and the 6 days before it).
     */
    TRAILING_7D(Duration.ofDays(7), Duration.ofDays(1)),
    /** A figure as of now (backlog, WIP ageing): {@code windowStart = windowEnd =} the instant it was computed. */
    NOW(Duration.ZERO, Duration.ZERO);

    private final Duration size;
    private final Duration advance;

    WindowKind(Duration size, Duration advance) {
        this.size = size;
        this.advance = advance;
    }

    public Duration size() {
        return size;
    }

    public Duration advance() {
        return advance;
    }
}
