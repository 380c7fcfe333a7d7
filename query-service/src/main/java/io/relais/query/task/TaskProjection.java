package io.relais.query.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.query.projection.LastAppliedSequences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies task events to the {@code task_projection} table, each exactly once: the event's sequence is
 * recorded in the same transaction as its effect, and an event at or below the recorded sequence is dropped.
 */
@Service
class TaskProjection {

    static final String NAME = "task";
    private static final Logger log = LoggerFactory.getLogger(TaskProjection.class);

    private final LastAppliedSequences sequences;
    private final TaskRepository tasks;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter unknown;

    TaskProjection(LastAppliedSequences sequences, TaskRepository tasks, MeterRegistry meters) {
        this.sequences = sequences;
        this.tasks = tasks;
        this.applied = outcomeCounter(meters, "applied");
        this.duplicates = outcomeCounter(meters, "duplicate");
        this.unknown = outcomeCounter(meters, "unknown-type");
    }

    @Transactional
    void apply(TaskEvent event) {
        if (!sequences.advance(NAME, event.aggregateId(), event.sequence())) {
            log.debug("Dropped re-delivered event {}#{}", event.aggregateId(), event.sequence());
            duplicates.increment();
            return;
        }
        if (event instanceof TaskEvent.Requested requested) {
            tasks.insert(requested.task());
            applied.increment();
        } else if (event instanceof TaskEvent.Unknown other) {
            log.warn("Skipped event {}#{} of unknown type {}; its sequence is recorded", other.aggregateId(),
                    other.sequence(), other.cloudEventType());
            unknown.increment();
        }
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("relais.projection.events")
                .description("Events read by a projection, by what became of them")
                .tag("projection", NAME)
                .tag("outcome", outcome)
                .register(meters);
    }
}
