package io.relais.query.process;

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
 * Applies process events to the catalogue ({@code process_projection}, {@code process_version},
 * {@code process_occurrence}), each exactly once: the event's sequence is recorded in the same transaction as its
 * effects, and an event at or below the recorded sequence is dropped.
 */
@Service
class ProcessProjection {

    static final String NAME = "process";
    private static final Logger log = LoggerFactory.getLogger(ProcessProjection.class);

    private final LastAppliedSequences sequences;
    private final ProcessRepository processes;
    private final SkippedEvents skipped;
    private final ProjectionOutcomes outcomes;

    ProcessProjection(LastAppliedSequences sequences, ProcessRepository processes, SkippedEvents skipped,
                      MeterRegistry meters) {
        this.sequences = sequences;
        this.processes = processes;
        this.skipped = skipped;
        this.outcomes = new ProjectionOutcomes(meters, NAME);
    }

    @Transactional
    void apply(ProcessEvent event) {
        // First, and in this transaction: the row lock taken here serialises the events of one procedure.
        if (!sequences.advance(NAME, event.aggregateId(), event.sequence())) {
            log.debug("Dropped re-delivered event {}#{}", event.aggregateId(), event.sequence());
            outcomes.duplicate();
            return;
        }
        if (event instanceof ProcessEvent.Unknown other) {
            log.warn("Skipped event {}#{} of unknown type {}; its sequence is recorded", other.aggregateId(),
                    other.sequence(), other.cloudEventType());
            outcomes.unknownType();
        } else if (event instanceof ProcessEvent.Defined defined) {
            processes.insert(defined);
            outcomes.applied();
        } else if (event instanceof ProcessEvent.Known change) {
            applyChange(change);
        }
    }

    /**
     * A change to a procedure never seen defined is skipped, its sequence recorded and the skip written to
     * {@code projection_event_skipped}, rather than retried: a procedure's events share a key, hence a partition,
     * and the topic keeps everything, so its definition was read first or never will be (it was itself skipped as
     * invalid, or the topic lost it). Retrying would block the partition for good.
     */
    private void applyChange(ProcessEvent.Known change) {
        Optional<Integer> currentVersion = processes.lockCurrentVersion(change.processId());
        if (currentVersion.isEmpty()) {
            skip(change, "process never defined");
            return;
        }
        if (change instanceof ProcessEvent.Revised revised) {
            int version = revised.payload().version();
            if (version <= currentVersion.get()) {
                // A second version N would contradict the one kept; lowering the current one would lie.
                skip(change, "version " + version + " is not above the current version " + currentVersion.get());
                return;
            }
            processes.revise(revised);
        } else if (change instanceof ProcessEvent.Retired retired) {
            processes.retire(retired);
        } else if (change instanceof ProcessEvent.OccurrenceDue occurrence) {
            if (!processes.addOccurrence(occurrence)) {
                skip(change, "occurrence " + occurrence.payload().occurrenceAt() + " already recorded");
                return;
            }
            processes.touch(occurrence);
        } else {
            throw new IllegalStateException("Not a change: " + change);
        }
        outcomes.applied();
    }

    private void skip(ProcessEvent.Known event, String reason) {
        log.warn("Skipped event {}#{} ({}): {}; recorded in projection_event_skipped", event.aggregateId(),
                event.sequence(), event.recorded().cloudEventType(), reason);
        skipped.record(NAME, event.aggregateId(), event.sequence(), event.recorded(), reason);
        outcomes.skipped();
    }
}
