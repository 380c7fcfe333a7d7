package io.relais.kpi.rolling;

import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPI values of one group over one window, from its {@link KpiStats}. Counts and sums are always published;
 * a ratio, mean or percentile only when its population is not empty (no "0 % on time" for a window without
 * approvals). Hours = seconds ÷ 3600, euros = cent-minutes ÷ 6000.
 */
public final class RollingKpis {

    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double CENT_MINUTES_PER_EURO = 6000.0;

    private final HealthWeights weights;

    public RollingKpis(HealthWeights weights) {
        this.weights = weights;
    }

    HealthWeights weights() {
        return weights;
    }

    public List<KpiValue> values(KpiStats s, String dimension, String group, WindowKind kind, Instant start,
                                 Instant end) {
        List<KpiValue> values = new ArrayList<>(Kpis.WINDOWED.size());
        Out out = (kpi, value) -> values.add(new KpiValue(kpi, dimension, group, start, end, value, kind));
        out.put(Kpis.TASKS_REQUESTED, s.requested);
        out.put(Kpis.THROUGHPUT, s.completions);
        out.put(Kpis.TASKS_APPROVED, s.approved);
        if (s.slaElapsed.length > 0) {
            out.put(Kpis.PROCESSING_SLA_MEAN, (double) s.slaElapsedSum / s.slaElapsed.length / SECONDS_PER_HOUR);
            out.put(Kpis.PROCESSING_SLA_P50, KpiStats.nearestRank(s.slaElapsed, 50) / SECONDS_PER_HOUR);
            out.put(Kpis.PROCESSING_SLA_P90, KpiStats.nearestRank(s.slaElapsed, 90) / SECONDS_PER_HOUR);
        }
        if (s.wall.length > 0) {
            out.put(Kpis.PROCESSING_WALL_MEAN, (double) s.wallSum / s.wall.length / SECONDS_PER_HOUR);
            out.put(Kpis.PROCESSING_WALL_P50, KpiStats.nearestRank(s.wall, 50) / SECONDS_PER_HOUR);
            out.put(Kpis.PROCESSING_WALL_P90, KpiStats.nearestRank(s.wall, 90) / SECONDS_PER_HOUR);
        }
        if (s.slaClosed > 0) {
            out.put(Kpis.ON_TIME_RATE, (double) s.slaOnTime / s.slaClosed);
        }
        if (s.criticalClosed > 0) {
            out.put(Kpis.CRITICAL_ON_TIME_RATE, (double) s.criticalOnTime / s.criticalClosed);
        }
        if (s.completions > 0) {
            out.put(Kpis.ERROR_RATE, (double) s.reworks / s.completions);
        }
        out.put(Kpis.REWORKS, s.reworks);
        out.put(Kpis.INCIDENTS, s.incidents);
        out.put(Kpis.INCIDENTS_LOW, s.incidentsLow);
        out.put(Kpis.INCIDENTS_MEDIUM, s.incidentsMedium);
        out.put(Kpis.INCIDENTS_HIGH, s.incidentsHigh);
        out.put(Kpis.INCIDENTS_CRITICAL, s.incidentsCritical);
        out.put(Kpis.RATINGS, s.ratings);
        if (s.ratings > 0) {
            out.put(Kpis.SATISFACTION, (double) s.ratingSum / s.ratings);
            out.put(Kpis.INTERNAL_NPS, 100.0 * (s.promoters - s.detractors) / s.ratings);
        }
        out.put(Kpis.TIME_SAVED, s.timeSpentMinutes / 60.0);
        out.put(Kpis.PROVIDER_COST, s.providerCostCentMinutes / CENT_MINUTES_PER_EURO);
        out.put(Kpis.SAVINGS, (s.internalCostCentMinutes - s.providerCostCentMinutes) / CENT_MINUTES_PER_EURO);
        if (s.costedApprovals > 0) {
            out.put(Kpis.COST_PER_TASK, s.approvalsCostCentMinutes / CENT_MINUTES_PER_EURO / s.costedApprovals);
        }
        Double[] criteria = criteria(s);
        health(weights.growth(), criteria).ifPresent(score -> out.put(Kpis.HEALTH_GROWTH, score));
        health(weights.transformation(), criteria).ifPresent(score -> out.put(Kpis.HEALTH_TRANSFORMATION, score));
        health(weights.sale(), criteria).ifPresent(score -> out.put(Kpis.HEALTH_SALE, score));
        return values;
    }

    /**
     * The health criteria in [0, 1], null without data: reactivity (on-time rate), absorption (approvals ÷ requests,
     * at most 1), reliability (1 − (reworks + incidents) ÷ completions, at least 0), formalisation (requests under
     * an SOP ÷ requests), secure hand-offs (completions with the whole checklist passed ÷ completions), satisfaction
     * (mean rating ÷ 10).
     */
    static Double[] criteria(KpiStats s) {
        return new Double[] {
                s.slaClosed > 0 ? (double) s.slaOnTime / s.slaClosed : null,
                s.requested > 0 ? Math.min(1.0, (double) s.approved / s.requested) : null,
                s.completions > 0 ? Math.max(0.0, 1.0 - (double) (s.reworks + s.incidents) / s.completions) : null,
                s.requested > 0 ? (double) s.requestedWithSop / s.requested : null,
                s.completions > 0 ? (double) s.completionsChecklistPassed / s.completions : null,
                s.ratings > 0 ? s.ratingSum / (10.0 * s.ratings) : null};
    }

    /** {@code 100 × Σ wᵢ·cᵢ ÷ Σ wᵢ} over the criteria with data and a positive weight; empty if there are none. */
    static java.util.Optional<Double> health(HealthWeights.Phase phase, Double[] criteria) {
        double[] w = phase.asArray();
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            if (criteria[i] != null && w[i] > 0) {
                weighted += w[i] * criteria[i];
                total += w[i];
            }
        }
        return total > 0 ? java.util.Optional.of(100.0 * weighted / total) : java.util.Optional.empty();
    }

    @FunctionalInterface
    private interface Out {
        void put(String kpi, double value);
    }
}
