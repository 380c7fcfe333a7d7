package io.relais.kpi.sla;

import static io.relais.kpi.KpiSerdes.readDataOrSkip;
import static java.util.Objects.requireNonNullElse;

import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link TaskClock} per open task and raises its alerts when they fall due.
 *
 * <p>Events move the clock (running in REQUESTED, ASSIGNED and IN_PROGRESS, rework included; paused ON_HOLD and
 * DONE; stopped, i.e. removed, at APPROVED and CANCELLED) and then raise whatever became due at or before the
 * event's own instant: so a task completed late is reported BREACHED on its completion even if no timer fired.
 * A wall-clock punctuator raises the alerts of running clocks as their instants pass. It finds them through the
 * {@value SlaClockTopology#DEADLINES_STORE} index (key = next alert instant in epoch milliseconds, zero-padded,
 * {@code |} task id), so each punctuation reads only what is due, and everything that fell due while the
 * application was down is raised at the first punctuation after the stores are restored.
 *
 * <p>What was raised is stored with the clock, in the same exactly-once transaction as the alert itself: each kind
 * is raised once per task.
 */
final class SlaClockProcessor implements Processor<String, CloudEvent, String, SlaAlert> {

    private static final Logger log = LoggerFactory.getLogger(SlaClockProcessor.class);
    private static final String NO_INSTANT = String.format("%019d", 0L);

    private final Duration punctuationInterval;
    private final double atRiskRatio;
    private ProcessorContext<String, SlaAlert> context;
    private KeyValueStore<String, TaskClock> clocks;
    private KeyValueStore<String, String> deadlines;

    SlaClockProcessor(Duration punctuationInterval, double atRiskRatio) {
        this.punctuationInterval = punctuationInterval;
        this.atRiskRatio = atRiskRatio;
    }

    @Override
    public void init(ProcessorContext<String, SlaAlert> context) {
        this.context = context;
        this.clocks = context.getStateStore(SlaClockTopology.CLOCKS_STORE);
        this.deadlines = context.getStateStore(SlaClockTopology.DEADLINES_STORE);
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::raiseDueAlerts);
    }

    @Override
    public void process(Record<String, CloudEvent> record) {
        CloudEvent event = record.value();
        String taskId = record.key();
        Optional<EventType> type = event == null ? Optional.empty() : EventType.ofCloudEventType(event.getType());
        if (taskId == null || type.isEmpty()) {
            return;
        }
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        switch (type.get()) {
            case TASK_REQUESTED -> readDataOrSkip(event, TaskRequested.class).ifPresent(request ->
                    start(taskId, request));
            case TASK_ASSIGNED -> readDataOrSkip(event, TaskAssigned.class).ifPresent(e ->
                    change(taskId, e.assignedAt(), recordTime, clock -> clock.assignedTo(e.providerOrganisation()),
                            false));
            case TASK_STARTED -> running(taskId, event, TaskStarted.class, TaskStarted::startedAt, recordTime);
            case TASK_RESUMED -> running(taskId, event, TaskResumed.class, TaskResumed::resumedAt, recordTime);
            case TASK_REWORK_REQUESTED -> running(taskId, event, TaskReworkRequested.class,
                    TaskReworkRequested::requestedAt, recordTime);
            case TASK_PUT_ON_HOLD -> paused(taskId, event, TaskPutOnHold.class, TaskPutOnHold::heldAt, recordTime,
                    false);
            case TASK_COMPLETED -> paused(taskId, event, TaskCompleted.class, TaskCompleted::completedAt, recordTime,
                    false);
            case TASK_APPROVED -> paused(taskId, event, TaskApproved.class, TaskApproved::approvedAt, recordTime,
                    true);
            case TASK_CANCELLED -> paused(taskId, event, TaskCancelled.class, TaskCancelled::cancelledAt, recordTime,
                    true);
            case TASK_REPRIORITIZED -> readDataOrSkip(event, TaskReprioritized.class).ifPresent(e ->
                    change(taskId, e.reprioritizedAt(), recordTime, clock -> clock.reprioritized(e.to()), false));
            default -> {
                // ratings, incidents, escalations: no bearing on the clock
            }
        }
    }

    private void start(String taskId, TaskRequested request) {
        if (clocks.get(taskId) != null) {
            return;
        }
        TaskClock clock;
        try {
            clock = TaskClock.requested(request);
        } catch (RuntimeException unreadable) {
            log.warn("No SLA clock for task {}: policy {} or calendar {} unreadable: {}", taskId,
                    request.slaPolicy(), request.calendar(), unreadable.getMessage());
            return;
        }
        evaluateAndSave(taskId, null, clock, request.requestedAt(), false);
    }

    private <E> void running(String taskId, CloudEvent event, Class<E> payload, Function<E, Instant> at,
                             Instant recordTime) {
        readDataOrSkip(event, payload).ifPresent(e -> {
            Instant when = requireNonNullElse(at.apply(e), recordTime);
            change(taskId, when, recordTime, clock -> clock.runningFrom(when), false);
        });
    }

    private <E> void paused(String taskId, CloudEvent event, Class<E> payload, Function<E, Instant> at,
                            Instant recordTime, boolean stops) {
        readDataOrSkip(event, payload).ifPresent(e -> {
            Instant when = requireNonNullElse(at.apply(e), recordTime);
            change(taskId, when, recordTime, clock -> clock.pausedFrom(when), stops);
        });
    }

    /** Applies an event to the task's clock, if it has one, and raises what is due at the event's instant. */
    private void change(String taskId, Instant at, Instant recordTime, UnaryOperator<TaskClock> change,
                        boolean stops) {
        TaskClock before = clocks.get(taskId);
        if (before == null) {
            return; // not a task with a clock (unreadable request), or its clock stopped already
        }
        TaskClock changed = change.apply(before);
        Instant when = requireNonNullElse(at, recordTime);
        evaluateAndSave(taskId, before, changed, when.isBefore(changed.lastStepAt()) ? changed.lastStepAt() : when,
                stops);
    }

    private void raiseDueAlerts(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<KeyValue<String, String>> due = new ArrayList<>();
        // both bounds inclusive; no key equals the upper bound (every key has a "|task id" suffix)
        try (KeyValueIterator<String, String> entries = deadlines.range(NO_INSTANT, indexPrefix(timestamp + 1))) {
            entries.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            TaskClock clock = clocks.get(entry.value);
            if (clock == null || clock.nextAlertAt() == null
                    || !indexKey(clock.nextAlertAt(), entry.value).equals(entry.key)) {
                deadlines.delete(entry.key); // stale entry
                continue;
            }
            evaluateAndSave(entry.value, clock, clock, now, false);
        }
    }

    private void evaluateAndSave(String taskId, TaskClock before, TaskClock changed, Instant now, boolean stops) {
        TaskClock after;
        try {
            TaskClock.Evaluation evaluation = changed.evaluate(now, atRiskRatio);
            for (SlaAlert alert : evaluation.alerts()) {
                context.forward(new Record<>(taskId, alert, now.toEpochMilli()));
            }
            after = evaluation.clock();
        } catch (RuntimeException failed) {
            // never seen, but throwing here would stop the stream thread at every start: keep the clock, drop its timer
            log.error("SLA clock of task {} cannot be evaluated at {}; its timer is dropped", taskId, now, failed);
            after = new TaskClock(changed.taskId(), changed.type(), changed.priority(), changed.processId(),
                    changed.assignedOrganisation(), changed.slaPolicy(), changed.calendar(), changed.requestedAt(),
                    changed.steps(), changed.atRiskAlerted(), changed.breachAlerted(), null);
        }
        save(taskId, before, stops ? null : after);
    }

    private void save(String taskId, TaskClock before, TaskClock after) {
        String previousKey = before == null || before.nextAlertAt() == null
                ? null : indexKey(before.nextAlertAt(), taskId);
        String nextKey = after == null || after.nextAlertAt() == null ? null : indexKey(after.nextAlertAt(), taskId);
        if (previousKey != null && !previousKey.equals(nextKey)) {
            deadlines.delete(previousKey);
        }
        if (nextKey != null && !nextKey.equals(previousKey)) {
            deadlines.put(nextKey, taskId);
        }
        if (after == null) {
            clocks.delete(taskId);
        } else if (!after.equals(before)) {
            clocks.put(taskId, after);
        }
    }

    /** The index key of an alert instant, rounded up to the millisecond so that no alert comes early. */
    static String indexKey(Instant at, String taskId) {
        long millis = at.toEpochMilli() + (at.getNano() % 1_000_000 == 0 ? 0 : 1);
        return indexPrefix(Math.max(0, millis)) + "|" + taskId;
    }

    private static String indexPrefix(long epochMillis) {
        return String.format("%019d", epochMillis);
    }
}
