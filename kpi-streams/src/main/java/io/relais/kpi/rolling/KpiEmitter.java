package io.relais.kpi.rolling;

import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.WindowKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes the windows that changed, at most once per window per interval. Each change of a window aggregate is
 * kept in the changelogged {@value RollingKpisTopology#PENDING_STORE} store (the latest aggregate per window); a
 * wall-clock punctuation publishes the KPI values of every pending window and clears them, all in the same
 * exactly-once transaction. Without it every fact would publish every KPI of 32 windows in 4 dimensions; the record
 * cache only coalesces within a commit interval, and not at all when caching is off. The aggregate is kept here
 * rather than read back from the window store at publication because a replay moves stream time through months in
 * a second: the window store may have dropped a day (retention = size + grace) before the next punctuation.
 */
final class KpiEmitter implements Processor<Windowed<String>, KpiEmitter.Change, String, KpiValue> {

    /** A window aggregate's new value, with the kind of window it belongs to. */
    record Change(WindowKind kind, KpiStats stats) {
    }

    private final Duration interval;
    private final RollingKpis kpis;
    private ProcessorContext<String, KpiValue> context;
    private KeyValueStore<String, KpiStats> pending;

    KpiEmitter(Duration interval, RollingKpis kpis) {
        this.interval = interval;
        this.kpis = kpis;
    }

    @Override
    public void init(ProcessorContext<String, KpiValue> context) {
        this.context = context;
        this.pending = context.getStateStore(RollingKpisTopology.PENDING_STORE);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<Windowed<String>, Change> record) {
        if (record.value() == null || record.value().stats() == null) {
            return;
        }
        pending.put(pendingKey(record.value().kind(), record.key().window().start(), record.key().key()),
                record.value().stats());
    }

    /** {@code KIND|windowStartMillis|dimension=group}. */
    static String pendingKey(WindowKind kind, long windowStart, String group) {
        return kind.name() + "|" + windowStart + "|" + group;
    }

    private void publish(long timestamp) {
        List<KeyValue<String, KpiStats>> due = new ArrayList<>();
        try (KeyValueIterator<String, KpiStats> changed = pending.all()) {
            changed.forEachRemaining(due::add);
        }
        for (KeyValue<String, KpiStats> entry : due) {
            pending.delete(entry.key);
            String[] parts = entry.key.split("\\|", 3);
            WindowKind kind = WindowKind.valueOf(parts[0]);
            Instant windowStart = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            String group = parts[2];
            int split = group.indexOf('=');
            for (KpiValue value : kpis.values(entry.value, group.substring(0, split), group.substring(split + 1),
                    kind, windowStart, windowStart.plus(kind.size()))) {
                context.forward(new Record<>(value.key(), value, timestamp));
            }
        }
    }
}
