package io.relais.kpi.rolling;

import static io.relais.kpi.KpiSerdes.readDataOrSkip;
import static java.util.Objects.requireNonNullElse;

import io.cloudevents.CloudEvent;
import io.relais.calendar.SlaClock;
import io.relais.contract.EventType;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import io.relais.kpi.sla.TaskClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each task event with what is known of its task (the {@value RollingKpisTopology#TASK_FACTS_STORE} store,
 * keyed by task id like the input, so no repartition is needed) and forwards the {@link KpiFact} it contributes,
 * with the event's timestamp. Provider rates come from the global engagements store at completion time.
 *
 * <p>It also keeps the open tasks of its partition ({@value RollingKpisTopology#OPEN_TASKS_STORE}) and, on a
 * wall-clock punctuation, forwards one {@link WipPartial} per group (and a zero partial for a group that has no open
 * task any more): the backlog and WIP ageing are "now" figures, whose only "now" is the punctuation timestamp.
 */
final class TaskFactsProcessor implements Processor<String, CloudEvent, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(TaskFactsProcessor.class);

    private final Duration wipInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TaskFacts> tasks;
    private KeyValueStore<String, TaskFacts> openTasks;
    private KeyValueStore<String, String> wipReported;
    private KeyValueStore<String, Object> engagements;

    TaskFactsProcessor(Duration wipInterval) {
        this.wipInterval = wipInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.tasks = context.getStateStore(RollingKpisTopology.TASK_FACTS_STORE);
        this.openTasks = context.getStateStore(RollingKpisTopology.OPEN_TASKS_STORE);
        this.wipReported = context.getStateStore(RollingKpisTopology.WIP_REPORTED_STORE);
        this.engagements = context.getStateStore(RollingKpisTopology.ENGAGEMENTS_STORE);
        context.schedule(wipInterval, PunctuationType.WALL_CLOCK_TIME, this::reportWorkInProgress);
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
            case TASK_REQUESTED -> readDataOrSkip(event, TaskRequested.class).ifPresent(e ->
                    requested(record, taskId, e));
            case TASK_ASSIGNED -> readDataOrSkip(event, TaskAssigned.class).ifPresent(e ->
                    update(taskId, task -> task.assigned(e.providerOrganisation(), e.engagementId())));
            case TASK_STARTED -> clock(taskId, event, TaskStarted.class, TaskStarted::startedAt, recordTime, true);
            case TASK_RESUMED -> clock(taskId, event, TaskResumed.class, TaskResumed::resumedAt, recordTime, true);
            case TASK_PUT_ON_HOLD -> clock(taskId, event, TaskPutOnHold.class, TaskPutOnHold::heldAt, recordTime,
                    false);
            case TASK_REPRIORITIZED -> readDataOrSkip(event, TaskReprioritized.class).ifPresent(e ->
                    update(taskId, task -> task.reprioritized(e.to())));
            case TASK_REWORK_REQUESTED -> readDataOrSkip(event, TaskReworkRequested.class).ifPresent(e -> {
                TaskFacts task = update(taskId, t -> running(t, requireNonNullElse(e.requestedAt(), recordTime), true));
                forward(record, task, KpiFact.Kind.REWORK_REQUESTED, Function.identity());
            });
            case TASK_COMPLETED -> readDataOrSkip(event, TaskCompleted.class).ifPresent(e ->
                    completed(record, taskId, e, requireNonNullElse(e.completedAt(), recordTime)));
            case TASK_APPROVED -> readDataOrSkip(event, TaskApproved.class).ifPresent(e -> approved(record, taskId,
                    requireNonNullElse(e.approvedAt(), recordTime)));
            case TASK_CANCELLED -> readDataOrSkip(event, TaskCancelled.class).ifPresent(e ->
                    update(taskId, TaskFacts::closed));
            case TASK_RATED -> readDataOrSkip(event, TaskRated.class).ifPresent(e -> forward(record, tasks.get(taskId),
                    KpiFact.Kind.RATED, fact -> withRating(fact, e.rating())));
            case INCIDENT_REPORTED -> readDataOrSkip(event, IncidentReported.class).ifPresent(e -> forward(record,
                    tasks.get(taskId), KpiFact.Kind.INCIDENT, fact -> withIncident(fact, e)));
            default -> {
                // escalations do not change any KPI
            }
        }
    }

    private void requested(Record<String, CloudEvent> record, String taskId, TaskRequested request) {
        if (tasks.get(taskId) != null) {
            return;
        }
        TaskClock clock;
        try {
            clock = TaskClock.requested(request);
        } catch (RuntimeException unreadable) {
            log.warn("Task {} counted without SLA figures: policy {} or calendar {} unreadable: {}", taskId,
                    request.slaPolicy(), request.calendar(), unreadable.getMessage());
            clock = null;
        }
        Instant requestedAt = requireNonNullElse(request.requestedAt(), Instant.ofEpochMilli(record.timestamp()));
        TaskFacts task = new TaskFacts(request.type(), request.priority(), request.processId(), null, null,
                requestedAt, clock, 0, true, true);
        save(taskId, task);
        forward(record, task, KpiFact.Kind.REQUESTED, Function.identity());
    }

    private void completed(Record<String, CloudEvent> record, String taskId, TaskCompleted completion, Instant at) {
        TaskFacts before = tasks.get(taskId);
        if (before == null) {
            return;
        }
        EngagementRates rates = before.engagementId() == null ? null : rates(before.engagementId());
        Long providerCents = rates == null ? null : rates.providerRateCents();
        Long internalCents = rates == null ? null : rates.internalRateCents();
        int minutes = Math.max(0, completion.timeSpentMinutes());
        TaskFacts after = running(before, at, false).costing(providerCents == null ? null : minutes * providerCents);
        save(taskId, after);
        boolean passed = completion.checklist().stream().allMatch(ChecklistResult::passed);
        forward(record, after, KpiFact.Kind.COMPLETED, fact -> new KpiFact(fact.kind(), fact.type(),
                fact.processId(), fact.provider(), fact.priority(), minutes, providerCents, internalCents, passed,
                null, null, 0, null, null, null, 0));
    }

    private void approved(Record<String, CloudEvent> record, String taskId, Instant at) {
        TaskFacts before = tasks.get(taskId);
        if (before == null || !before.open()) {
            return;
        }
        TaskFacts after = running(before, at, false).closed();
        save(taskId, after);
        Long elapsedSeconds = null;
        Boolean onTime = null;
        if (after.clock() != null) {
            SlaClock sla = after.clock().slaClock(SlaClock.DEFAULT_AT_RISK_RATIO);
            Duration elapsed = sla.elapsed(after.clock().transitions(), at);
            elapsedSeconds = elapsed.getSeconds();
            onTime = elapsed.compareTo(sla.budget()) <= 0;
        }
        long wallSeconds = Math.max(0, Duration.between(after.requestedAt(), at).getSeconds());
        Long cost = after.costKnown() ? after.costCentMinutes() : null;
        Long slaSeconds = elapsedSeconds;
        Boolean slaOnTime = onTime;
        forward(record, after, KpiFact.Kind.APPROVED, fact -> new KpiFact(fact.kind(), fact.type(), fact.processId(),
                fact.provider(), fact.priority(), 0, null, null, false, slaSeconds, slaOnTime, wallSeconds, cost,
                null, null, 0));
    }

    private <E> void clock(String taskId, CloudEvent event, Class<E> payload, Function<E, Instant> at,
                           Instant recordTime, boolean runs) {
        readDataOrSkip(event, payload).ifPresent(e ->
                update(taskId, task -> running(task, requireNonNullElse(at.apply(e), recordTime), runs)));
    }

    private static TaskFacts running(TaskFacts task, Instant at, boolean runs) {
        if (task.clock() == null || !task.open()) {
            return task;
        }
        return task.withClock(runs ? task.clock().runningFrom(at) : task.clock().pausedFrom(at));
    }

    private TaskFacts update(String taskId, java.util.function.UnaryOperator<TaskFacts> change) {
        TaskFacts before = tasks.get(taskId);
        if (before == null) {
            return null; // an event of a task whose request was never seen (or unreadable): nothing to join
        }
        TaskFacts after = change.apply(before);
        if (!after.equals(before)) {
            save(taskId, after);
        }
        return after;
    }

    private void save(String taskId, TaskFacts task) {
        tasks.put(taskId, task);
        if (task.open()) {
            openTasks.put(taskId, task);
        } else {
            openTasks.delete(taskId);
        }
    }

    private void forward(Record<String, CloudEvent> record, TaskFacts task, KpiFact.Kind kind,
                         Function<KpiFact, KpiFact> details) {
        if (task == null) {
            return;
        }
        context.forward(new Record<>(record.key(), (Object) details.apply(KpiFact.of(kind, task)),
                record.timestamp()));
    }

    private EngagementRates rates(String engagementId) {
        Object stored = engagements.get(engagementId);
        if (stored instanceof ValueAndTimestamp<?> timestamped) {
            stored = timestamped.value();
        }
        return stored instanceof EngagementRates rates ? rates : null;
    }

    /** One partial per group with open tasks, and a zero partial for each group that had some at the last report. */
    private void reportWorkInProgress(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        Map<String, long[]> groups = new TreeMap<>();
        try (KeyValueIterator<String, TaskFacts> open = openTasks.all()) {
            open.forEachRemaining(entry -> {
                long age = Math.max(0, Duration.between(entry.value.requestedAt(), now).getSeconds());
                for (String group : KpiFact.of(KpiFact.Kind.REQUESTED, entry.value).groups()) {
                    long[] figures = groups.computeIfAbsent(group, g -> new long[3]);
                    figures[0]++;
                    figures[1] += age;
                    figures[2] = Math.max(figures[2], age);
                }
            });
        }
        List<String> vanished = new ArrayList<>();
        try (KeyValueIterator<String, String> reported = wipReported.all()) {
            reported.forEachRemaining(entry -> {
                if (!groups.containsKey(entry.key)) {
                    vanished.add(entry.key);
                }
            });
        }
        int partition = context.taskId().partition();
        for (String group : vanished) {
            wipReported.delete(group);
            emit(new WipPartial(group, partition, 0, 0, 0, now), timestamp);
        }
        groups.forEach((group, figures) -> {
            wipReported.put(group, "");
            emit(new WipPartial(group, partition, figures[0], figures[1], figures[2], now), timestamp);
        });
    }

    private void emit(WipPartial partial, long timestamp) {
        context.forward(new Record<>(partial.key(), (Object) partial, timestamp));
    }

    private static KpiFact withRating(KpiFact fact, int rating) {
        return new KpiFact(fact.kind(), fact.type(), fact.processId(), fact.provider(), fact.priority(), 0, null,
                null, false, null, null, 0, null, null, null, Math.max(0, Math.min(10, rating)));
    }

    private static KpiFact withIncident(KpiFact fact, IncidentReported incident) {
        return new KpiFact(fact.kind(), fact.type(), fact.processId(), fact.provider(), fact.priority(), 0, null,
                null, false, null, null, 0, null, incident.severity(), incident.kind(), 0);
    }
}
