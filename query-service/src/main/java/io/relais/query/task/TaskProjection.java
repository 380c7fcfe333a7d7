package io.relais.query.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.query.projection.LastAppliedSequences;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies task events to {@code task_projection} and {@code task_timeline}, each exactly once: the event's
 * sequence is recorded in the same transaction as its effects, and an event at or below the recorded sequence
 * is dropped.
 */
@Service
class TaskProjection {

    static final String NAME = "task";
    private static final Logger log = LoggerFactory.getLogger(TaskProjection.class);

    private final LastAppliedSequences sequences;
    private final TaskRepository tasks;
    private final TaskTimeline timeline;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter unknown;
    private final Counter orphans;
    private final ApplicationEventPublisher events;

    TaskProjection(LastAppliedSequences sequences, TaskRepository tasks, TaskTimeline timeline, MeterRegistry meters,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.sequences = sequences;
        this.tasks = tasks;
        this.timeline = timeline;
        this.applied = outcomeCounter(meters, "applied");
        this.duplicates = outcomeCounter(meters, "duplicate");
        this.unknown = outcomeCounter(meters, "unknown-type");
        this.orphans = outcomeCounter(meters, "unknown-task");
    }

    @Transactional
    void apply(TaskEvent event) {
        // First, and in this transaction: the row lock taken here serialises the events of one task.
        if (!sequences.advance(NAME, event.aggregateId(), event.sequence())) {
            log.debug("Dropped re-delivered event {}#{}", event.aggregateId(), event.sequence());
            duplicates.increment();
            return;
        }
        if (event instanceof TaskEvent.Unknown other) {
            log.warn("Skipped event {}#{} of unknown type {}; its sequence is recorded", other.aggregateId(),
                    other.sequence(), other.cloudEventType());
            unknown.increment();
        } else if (event instanceof TaskEvent.Requested requested) {
            TaskRow task = requested.newTask();
            tasks.insert(task);
            timeline.append(requested);
            events.publishEvent(TaskProjected.of(task));
            applied.increment();
        } else if (event instanceof TaskEvent.Change change) {
            apply(change);
        }
    }

    /**
     * A change to a task never seen requested is skipped, its sequence recorded (by {@link #apply(TaskEvent)})
     * and the skip written to {@code task_event_skipped}, rather than retried. Events of one task share a key,
     * hence a partition, and the topic keeps everything: TaskRequested is always read first. If the row is
     * missing anyway, that request was itself skipped as invalid, or the projection was rebuilt from a topic that
     * lost it; it will never arrive after its changes, so retrying would block the partition for good, and a
     * half-known task (no title, type, requester) cannot be projected. The skip stays visible in the table and the
     * metric, and a rebuild from a repaired topic applies the events again.
     */
    private void apply(TaskEvent.Change change) {
        Optional<TaskRow> found = tasks.lock(change.taskId());
        if (found.isEmpty()) {
            log.warn("Skipped event {}#{} ({}): task {} was never requested here; recorded in task_event_skipped",
                    change.aggregateId(), change.sequence(), change.recorded().cloudEventType(), change.taskId());
            tasks.recordSkipped(change, "task never requested");
            orphans.increment();
            return;
        }
        TaskRow task = found.get();
        change.applyTo(task);
        task.lastEventAt = change.recorded().occurredAt();
        task.version = change.sequence();
        tasks.update(task);
        timeline.append(change);
        events.publishEvent(TaskProjected.of(task));
        applied.increment();
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("relais.projection.events")
                .description("Events read by a projection, by what became of them")
                .tag("projection", NAME)
                .tag("outcome", outcome)
                .register(meters);
    }
}
