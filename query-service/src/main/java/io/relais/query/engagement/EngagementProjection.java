package io.relais.query.engagement;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.query.projection.LastAppliedSequences;
import io.relais.query.projection.ProjectionOutcomes;
import io.relais.query.projection.SkippedEvents;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies engagement events to {@code engagement_projection}, each exactly once: the event's sequence is recorded
 * in the same transaction as its effect, and an event at or below the recorded sequence is dropped.
 */
@Service
class EngagementProjection {

    static final String NAME = "engagement";
    private static final Logger log = LoggerFactory.getLogger(EngagementProjection.class);

    private final LastAppliedSequences sequences;
    private final EngagementRepository engagements;
    private final SkippedEvents skipped;
    private final ProjectionOutcomes outcomes;

    EngagementProjection(LastAppliedSequences sequences, EngagementRepository engagements, SkippedEvents skipped,
                         MeterRegistry meters) {
        this.sequences = sequences;
        this.engagements = engagements;
        this.skipped = skipped;
        this.outcomes = new ProjectionOutcomes(meters, NAME);
    }

    @Transactional
    void apply(EngagementEvent event) {
        // First, and in this transaction: the row lock taken here serialises the events of one engagement.
        if (!sequences.advance(NAME, event.aggregateId(), event.sequence())) {
            log.debug("Dropped re-delivered event {}#{}", event.aggregateId(), event.sequence());
            outcomes.duplicate();
            return;
        }
        if (event instanceof EngagementEvent.Unknown other) {
            log.warn("Skipped event {}#{} of unknown type {}; its sequence is recorded", other.aggregateId(),
                    other.sequence(), other.cloudEventType());
            outcomes.unknownType();
        } else if (event instanceof EngagementEvent.Started started) {
            engagements.insert(started);
            outcomes.applied();
        } else if (event instanceof EngagementEvent.Ended ended) {
            end(ended);
        }
    }

    /**
     * The end of an engagement never seen started is skipped and recorded rather than retried (its start was read
     * first or never will be: same key, same partition, a topic that keeps everything). A second end keeps the
     * first: ENDED is final, and when the provider's access ended must not move.
     */
    private void end(EngagementEvent.Ended ended) {
        Optional<EngagementStatus> status = engagements.lockStatus(ended.engagementId());
        if (status.isEmpty()) {
            skip(ended, "engagement never started");
        } else if (status.get() == EngagementStatus.ENDED) {
            skip(ended, "engagement already ended");
        } else {
            engagements.end(ended);
            outcomes.applied();
        }
    }

    private void skip(EngagementEvent.Known event, String reason) {
        log.warn("Skipped event {}#{} ({}): {}; recorded in projection_event_skipped", event.aggregateId(),
                event.sequence(), event.recorded().cloudEventType(), reason);
        skipped.record(NAME, event.aggregateId(), event.sequence(), event.recorded(), reason);
        outcomes.skipped();
    }
}
