package io.relais.query.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.query.projection.LastAppliedSequences;
import io.relais.query.projection.ProjectionOutcomes;
import io.relais.query.projection.SkippedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies access events to {@code access_grant} and {@code access_history}, each exactly once: the event's sequence is
 * recorded in the same transaction as its effect, and an event at or below the recorded sequence is dropped. The
 * effect on the grant is {@link AccessFold}'s, so that the registry and any replay of the events agree by construction.
 */
@Service
class AccessProjection {

    static final String NAME = "access";
    private static final Logger log = LoggerFactory.getLogger(AccessProjection.class);

    private final LastAppliedSequences sequences;
    private final AccessRepository registry;
    private final SkippedEvents skipped;
    private final ProjectionOutcomes outcomes;

    AccessProjection(LastAppliedSequences sequences, AccessRepository registry, SkippedEvents skipped,
                     MeterRegistry meters) {
        this.sequences = sequences;
        this.registry = registry;
        this.skipped = skipped;
        this.outcomes = new ProjectionOutcomes(meters, NAME);
    }

    @Transactional
    void apply(AccessEvent event) {
        // First, and in this transaction: the row lock taken here serialises the events of one grant.
        if (!sequences.advance(NAME, event.aggregateId(), event.sequence())) {
            log.debug("Dropped re-delivered event {}#{}", event.aggregateId(), event.sequence());
            outcomes.duplicate();
            return;
        }
        if (event instanceof AccessEvent.Unknown other) {
            log.warn("Skipped event {}#{} of unknown type {}; its sequence is recorded", other.aggregateId(),
                    other.sequence(), other.cloudEventType());
            outcomes.unknownType();
        } else if (event instanceof AccessEvent.Known known) {
            apply(known);
        }
    }

    /**
     * An event the fold does not apply is skipped and recorded rather than retried: a revocation, expiry or review of
     * a grant never seen granted (its grant was read first or never will be: same key, one partition, a topic that
     * keeps everything), a second grant under one id, or a second end (the first end is final, and when the access
     * ended must not move).
     */
    private void apply(AccessEvent.Known event) {
        AccessFold fold = new AccessFold();
        registry.lock(event.aggregateId()).ifPresent(fold::seed);
        GrantView before = fold.grant(event.aggregateId());
        if (!fold.apply(event.step())) {
            String reason = before == null ? "grant never granted"
                    : before.status() != GrantStatus.ACTIVE ? "grant already ended" : "grant already granted";
            log.warn("Skipped event {}#{} ({}): {}; recorded in projection_event_skipped", event.aggregateId(),
                    event.sequence(), event.recorded().cloudEventType(), reason);
            skipped.record(NAME, event.aggregateId(), event.sequence(), event.recorded(), reason);
            outcomes.skipped();
            return;
        }
        GrantView after = fold.grant(event.aggregateId());
        registry.save(after, event.sequence());
        registry.append(event, after);
        outcomes.applied();
    }
}
