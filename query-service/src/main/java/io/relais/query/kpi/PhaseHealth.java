package io.relais.query.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/kpis/health}: the health score of each company phase (seed 000: growth, transformation, sale) over
 * the trailing 7 days current at {@code asOf}, beside the same window a week earlier, and every KPI of that window
 * the scores are weighed from (kpi-streams holds the weights; README, "KPIs").
 *
 * @param windowStart the current trailing-7-day window's start; the previous one starts 7 days earlier
 * @param criteria    every KPI of the current window for the group, by name
 */
public record PhaseHealth(String dimension, String group, Instant asOf, Instant windowStart,
                          List<Phase> phases, Map<String, Double> criteria) {

    /**
     * @param score    0-100, null while kpi-streams published none for the window
     * @param previous the week before, null if none
     * @param change   score − previous, null unless both are known
     */
    public record Phase(String phase, String kpi, Double score, Double previous, Double change) {
    }
}
