package io.relais.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter {@code relais.projection.events} of one projection, by what became of each event read: applied,
 * dropped as a re-delivery, of an unknown type (sequence recorded, nothing changed), or skipped (recorded in
 * {@code projection_event_skipped}).
 */
public final class ProjectionOutcomes {

    private final Counter applied;
    private final Counter duplicates;
    private final Counter unknown;
    private final Counter skipped;

    public ProjectionOutcomes(MeterRegistry meters, String projection) {
        this.applied = counter(meters, projection, "applied");
        this.duplicates = counter(meters, projection, "duplicate");
        this.unknown = counter(meters, projection, "unknown-type");
        this.skipped = counter(meters, projection, "skipped");
    }

    public void applied() {
        applied.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void unknownType() {
        unknown.increment();
    }

    public void skipped() {
        skipped.increment();
    }

    private static Counter counter(MeterRegistry meters, String projection, String outcome) {
        return Counter.builder("relais.projection.events")
                .description("Events read by a projection, by what became of them")
                .tag("projection", projection)
                .tag("outcome", outcome)
                .register(meters);
    }
}
