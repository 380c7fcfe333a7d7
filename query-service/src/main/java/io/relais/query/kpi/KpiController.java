package io.relais.query.kpi;

import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/kpis")
class KpiController {

    static final int MAX_LIMIT = 5000;
    /** The default span of a series: 30 windows of its kind's advance, ending at the current one. */
    static final int DEFAULT_SERIES_WINDOWS = 30;

    private final KpiRepository kpis;
    private final Clock clock;

    /** The clock is the application's {@link Clock} bean if there is one, else the system clock (UTC). */
    KpiController(KpiRepository kpis, ObjectProvider<Clock> clock) {
        this.kpis = kpis;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The latest value of each KPI window, most recent windows first, optionally filtered (exact match; {@code from}
     * and {@code to} bound the window start). {@code current=true} keeps only the windows current at {@code asOf}
     * (default now): today, the trailing 24 h ending at the next full hour, the trailing 7 days ending at the next
     * UTC midnight, and the NOW figures.
     */
    @GetMapping
    List<KpiValue> list(@RequestParam Optional<String> kpi,
                        @RequestParam Optional<String> dimension,
                        @RequestParam Optional<String> group,
                        @RequestParam Optional<WindowKind> windowKind,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
                        @RequestParam(defaultValue = "false") boolean current,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> asOf,
                        @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
        Optional<Instant> currentAsOf = current ? Optional.of(asOf.orElseGet(clock::instant)) : Optional.empty();
        return kpis.find(new KpiFilter(nonBlank(kpi), nonBlank(dimension), nonBlank(group), windowKind, from, to,
                currentAsOf), limit);
    }

    /**
     * One KPI of one group over time, oldest window first: by default the daily series of the last 30 days up to
     * today; {@code windowKind=TRAILING_24H} gives the hourly values of the trailing 24 h, and so on.
     */
    @GetMapping("/series")
    List<KpiValue> series(@RequestParam String kpi,
                          @RequestParam String dimension,
                          @RequestParam String group,
                          @RequestParam(defaultValue = "DAY") WindowKind windowKind,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
                          @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
        if (windowKind == WindowKind.NOW) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A series needs windows: windowKind is DAY, TRAILING_24H or TRAILING_7D");
        }
        Instant end = to.orElseGet(() -> KpiWindows.currentStart(windowKind, clock.instant())
                .plus(windowKind.advance()));
        Instant start = from.orElseGet(() -> end.minus(windowKind.advance().multipliedBy(DEFAULT_SERIES_WINDOWS)));
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return kpis.series(kpi, dimension, group, windowKind, start, end, limit);
    }

    /**
     * The phase health view: the three phases' scores now and a week ago, and the figures they come from, for one
     * group (default the whole company).
     */
    @GetMapping("/health")
    PhaseHealth health(@RequestParam(defaultValue = Kpis.OVERALL) String dimension,
                       @RequestParam(defaultValue = Kpis.ALL) String group,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> asOf) {
        Instant at = asOf.orElseGet(clock::instant);
        Instant start = KpiWindows.currentStart(WindowKind.TRAILING_7D, at);
        Map<String, Double> current = window(dimension, group, start);
        Map<String, Double> previous = window(dimension, group, start.minus(WindowKind.TRAILING_7D.advance()
                .multipliedBy(7)));
        List<PhaseHealth.Phase> phases = PHASES.entrySet().stream().map(phase -> {
            Double score = current.get(phase.getValue());
            Double before = previous.get(phase.getValue());
            return new PhaseHealth.Phase(phase.getKey(), phase.getValue(), score, before,
                    score == null || before == null ? null : score - before);
        }).toList();
        return new PhaseHealth(dimension, group, at, start, phases, current);
    }

    /** seed 000's phases, in the order of a company's life. */
    private static final Map<String, String> PHASES = orderedPhases();

    private static Map<String, String> orderedPhases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("GROWTH", Kpis.HEALTH_GROWTH);
        phases.put("TRANSFORMATION", Kpis.HEALTH_TRANSFORMATION);
        phases.put("SALE", Kpis.HEALTH_SALE);
        return phases;
    }

    private Map<String, Double> window(String dimension, String group, Instant start) {
        Map<String, Double> values = new TreeMap<>();
        kpis.find(new KpiFilter(Optional.empty(), Optional.of(dimension), Optional.of(group),
                        Optional.of(WindowKind.TRAILING_7D), Optional.of(start), Optional.of(start.plusMillis(1)),
                        Optional.empty()), MAX_LIMIT)
                .forEach(value -> values.put(value.kpi(), value.value()));
        return values;
    }

    private static Optional<String> nonBlank(Optional<String> filter) {
        return filter.filter(value -> !value.isBlank());
    }
}
