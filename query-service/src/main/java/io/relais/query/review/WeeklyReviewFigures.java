package io.relais.query.review;

import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.sla.SlaAlert;
import io.relais.query.access.AccessEventKind;
import io.relais.query.access.HistoryEntry;
import io.relais.query.review.WeeklyReview.AccessChanges;
import io.relais.query.review.WeeklyReview.Count;
import io.relais.query.review.WeeklyReview.Escalation;
import io.relais.query.review.WeeklyReview.Incidents;
import io.relais.query.review.WeeklyReview.KpiChange;
import io.relais.query.review.WeeklyReview.OpenEscalations;
import io.relais.query.review.WeeklyReview.Reworks;
import io.relais.query.review.WeeklyReview.Savings;
import io.relais.query.review.WeeklyReview.Sla;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Puts a week's figures together from what the projections hold; no I/O, so that it is tested on its own. */
final class WeeklyReviewFigures {

    private WeeklyReviewFigures() {
    }

    /** What the readers found for one week ({@code [from, to)}) and, for the KPIs, the week before. */
    record Inputs(List<KpiValue> kpis, List<KpiValue> previousKpis, List<SlaAlert> alerts,
                  List<Count> incidentsBySeverity, List<Count> incidentsByType, List<Count> reworksByType,
                  long reworkedTasks, long openTasksAtEnd, List<Escalation> openEscalations,
                  List<HistoryEntry> accessChanges) {
    }

    /** The ISO week's start (UTC): a Monday. */
    static Instant start(LocalDate weekStart) {
        return weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The week's end, exclusive: the next Monday 00:00 UTC. */
    static Instant end(LocalDate weekStart) {
        return start(weekStart.plusWeeks(1));
    }

    /** The Monday of the last week that has ended at {@code now} (UTC weeks). */
    static LocalDate lastCompleteWeek(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return today.minusDays(today.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()).minusWeeks(1);
    }

    static WeeklyReview assemble(LocalDate weekStart, Instant generatedAt, Inputs inputs) {
        Map<String, Double> current = byKpi(inputs.kpis());
        Map<String, Double> previous = byKpi(inputs.previousKpis());
        List<KpiChange> kpis = Kpis.WINDOWED.stream()
                .map(kpi -> KpiChange.of(kpi, current.get(kpi), previous.get(kpi)))
                .toList();

        long breached = inputs.alerts().stream().filter(alert -> alert.kind() == SlaAlert.Kind.BREACHED).count();
        long atRisk = inputs.alerts().stream().filter(alert -> alert.kind() == SlaAlert.Kind.AT_RISK).count();
        List<Count> breachedByType = counts(inputs.alerts().stream()
                .filter(alert -> alert.kind() == SlaAlert.Kind.BREACHED)
                .map(alert -> alert.type() == null ? "?" : alert.type()).toList());

        long incidents = inputs.incidentsBySeverity().stream().mapToLong(Count::count).sum();
        long reworks = inputs.reworksByType().stream().mapToLong(Count::count).sum();

        Map<AccessEventKind, Long> access = inputs.accessChanges().stream()
                .collect(Collectors.groupingBy(HistoryEntry::kind, Collectors.counting()));
        Function<AccessEventKind, Long> accessCount = kind -> access.getOrDefault(kind, 0L);

        return new WeeklyReview(weekStart, weekStart.plusDays(6), start(weekStart), end(weekStart), generatedAt, kpis,
                new Sla(breached, atRisk, breachedByType),
                new Incidents(incidents, inputs.incidentsBySeverity(), inputs.incidentsByType()),
                new Reworks(reworks, inputs.reworkedTasks(), inputs.reworksByType()),
                inputs.openTasksAtEnd(),
                new OpenEscalations(inputs.openEscalations().size(), inputs.openEscalations()),
                new AccessChanges(accessCount.apply(AccessEventKind.GRANTED),
                        accessCount.apply(AccessEventKind.REVOKED), accessCount.apply(AccessEventKind.EXPIRED),
                        accessCount.apply(AccessEventKind.REVIEWED)),
                new Savings(current.get(Kpis.TIME_SAVED), previous.get(Kpis.TIME_SAVED), current.get(Kpis.SAVINGS),
                        previous.get(Kpis.SAVINGS), current.get(Kpis.PROVIDER_COST)));
    }

    private static Map<String, Double> byKpi(List<KpiValue> values) {
        Map<String, Double> byKpi = new HashMap<>();
        values.forEach(value -> byKpi.put(value.kpi(), value.value()));
        return byKpi;
    }

    /** Most first, then by name. */
    private static List<Count> counts(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting())).entrySet().stream()
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name))
                .toList();
    }
}
