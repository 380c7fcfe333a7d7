package io.relais.kpi.requested;

import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.task.TaskRequested;
import io.relais.kpi.CloudEventTimeExtractor;
import io.relais.kpi.DropRedeliveries;
import io.relais.kpi.KpiSerdes;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks requested per task type and UTC day: the first KPI, {@link Kpis#TASKS_REQUESTED} by
 * {@link Kpis#BY_TASK_TYPE}. Every change of a day's count is published to {@code relais.kpis.v1} under
 * the KPI's key, so the latest record per key is the current figure.
 */
public final class TasksRequestedPerTypeTopology {

    private static final Logger log = LoggerFactory.getLogger(TasksRequestedPerTypeTopology.class);

    public static final String SEEN_SEQUENCES_STORE = "tasks-requested-seen-sequences";
    public static final String COUNTS_STORE = "tasks-requested-per-type-and-day";
    private static final Duration DAY = Duration.ofDays(1);

    private final Duration lateEventGrace;

    /** @param lateEventGrace how long after a day ends an event of that day still counts */
    public TasksRequestedPerTypeTopology(Duration lateEventGrace) {
        this.lateEventGrace = lateEventGrace;
    }

    public Topology build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_SEQUENCES_STORE), KpiSerdes.KEY, Serdes.Long()));

        builder.stream(Topics.TASKS.name(), Consumed.with(KpiSerdes.KEY, KpiSerdes.CLOUD_EVENT)
                        .withTimestampExtractor(new CloudEventTimeExtractor()))
                .processValues(() -> new DropRedeliveries(SEEN_SEQUENCES_STORE), SEEN_SEQUENCES_STORE)
                .filter((taskId, event) -> isTaskRequested(event))
                .flatMapValues(event -> readTaskRequested(event).stream().toList())
                .groupBy((taskId, requested) -> requested.type(),
                        Grouped.with("tasks-requested-by-type", KpiSerdes.KEY, KpiSerdes.json(TaskRequested.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(DAY, lateEventGrace))
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(COUNTS_STORE)
                        .withKeySerde(KpiSerdes.KEY)
                        .withValueSerde(Serdes.Long()))
                .toStream()
                // a windowed count never deletes, but a null here would fail the unboxing below
                .filter((window, count) -> count != null)
                .map((window, count) -> {
                    KpiValue value = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, window.key(),
                            window.window().startTime(), window.window().endTime(), count);
                    return KeyValue.pair(value.key(), value);
                })
                .to(Topics.KPIS.name(), Produced.with(KpiSerdes.KEY, KpiSerdes.KPI_VALUE));
        return builder.build();
    }

    private static boolean isTaskRequested(CloudEvent event) {
        return EventType.TASK_REQUESTED.cloudEventType().equals(event.getType());
    }

    /** An undecodable payload is logged and skipped: throwing would stop the stream thread on every restart. */
    private static Optional<TaskRequested> readTaskRequested(CloudEvent event) {
        try {
            return Optional.of(KpiSerdes.readData(event, TaskRequested.class));
        } catch (RuntimeException undecodable) {
            log.warn("Skipping {} {} of task {}: {}", event.getType(), event.getId(), event.getSubject(),
                    undecodable.getMessage());
            return Optional.empty();
        }
    }
}
