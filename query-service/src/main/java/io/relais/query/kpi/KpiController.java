package io.relais.query.kpi;

import io.relais.contract.kpi.KpiValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/kpis")
class KpiController {

    static final int MAX_LIMIT = 5000;

    private final KpiRepository kpis;

    KpiController(KpiRepository kpis) {
        this.kpis = kpis;
    }

    /** The latest value of each KPI window, most recent windows first, optionally filtered (exact match). */
    @GetMapping
    List<KpiValue> list(@RequestParam Optional<String> kpi,
                        @RequestParam Optional<String> dimension,
                        @RequestParam Optional<String> group,
                        @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
        return kpis.find(nonBlank(kpi), nonBlank(dimension), nonBlank(group), limit);
    }

    private static Optional<String> nonBlank(Optional<String> filter) {
        return filter.filter(value -> !value.isBlank());
    }
}
