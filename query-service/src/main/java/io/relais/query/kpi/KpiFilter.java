package io.relais.query.kpi;

import io.relais.contract.kpi.WindowKind;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code GET /api/kpis} selects; an empty filter matches everything.
 *
 * @param from        windows starting at or after
 * @param to          windows starting before
 * @param currentAsOf only the windows current at this instant (and the NOW figures)
 */
public record KpiFilter(Optional<String> kpi, Optional<String> dimension, Optional<String> group,
                        Optional<WindowKind> windowKind, Optional<Instant> from, Optional<Instant> to,
                        Optional<Instant> currentAsOf) {
}
