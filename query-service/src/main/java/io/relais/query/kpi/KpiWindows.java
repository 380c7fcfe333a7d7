package io.relais.query.kpi;

import io.relais.contract.kpi.WindowKind;
import java.time.Duration;
import java.time.Instant;

/** Which window of a kind is "current" at an instant, as kpi-streams aligns them (to the epoch, i.e. UTC). */
final class KpiWindows {

    private KpiWindows() {
    }

    /**
     * DAY: today (UTC). TRAILING_24H: the window ending at the next full hour (this hour and the 23 before).
     * TRAILING_7D: the window ending at the next UTC midnight (today and the 6 days before).
     */
    static Instant currentStart(WindowKind kind, Instant asOf) {
        if (kind == WindowKind.NOW) {
            return asOf;
        }
        long advance = kind.advance().toMillis();
        long nextBoundary = Math.floorDiv(asOf.toEpochMilli(), advance) * advance + advance;
        return Instant.ofEpochMilli(nextBoundary).minus(kind.size());
    }

    static Duration size(WindowKind kind) {
        return kind.size();
    }
}
