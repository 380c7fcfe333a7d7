package io.relais.query.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The access review: every grant active at {@code asOf} that deserves a look, and why.
 *
 * @param activeGrants how many grants were active at {@code asOf} (reviewed)
 * @param counts       the number of lines per finding
 */
public record ReviewReport(Instant asOf, int activeGrants, Map<ReviewFinding.Finding, Integer> counts,
                           List<ReviewFinding> findings) {
}
