package io.relais.kpi.rolling;

import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.kpi.CloudEventTimeExtractor;
import io.relais.kpi.DropRedeliveries;
import io.relais.kpi.KpiSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The rolling KPIs of BRIEF §4 on {@code relais.kpis.v1}: every KPI of {@link Kpis#WINDOWED} over a UTC day (the
 * daily series), a trailing 24 h (hourly hops) and a trailing 7 days (daily hops), see {@link WindowKind}; and the
 * figures as of now, {@link Kpis#CURRENT}; each overall, per task type, per provider and per SOP.
 *
 * <pre>
 * relais.tasks.v1 ─ drop re-deliveries ─ task facts (per-task store, engagement rates) ─┬─ KpiFact per event
 *   ─ one copy per group (dimension=group) ─ repartition ─┬─ DAY window ───┐
 *                                                         ├─ 24 h / 1 h ───┼─ pending windows ─ publish (punctuation)
 *                                                         └─ 7 d / 1 d ────┘
 *                                                       └─ WipPartial per group and partition (punctuation)
 *   ─ table ─ regroup by group ─ sum of the partitions ─ backlog, WIP ageing (NOW)
 * </pre>
 *
 * <p>Event time is the CloudEvent {@code time}. A window accepts events until {@code grace} after its end; later
 * events are dropped for that window (a trailing window that is still open counts them). Re-delivered events (same
 * task, sequence at or below the last seen) are dropped before anything is counted, with this topology's own
 * sequence store, so they never double-count.
 *
 * <p>Engagement rates are a global store rather than a co-partitioned table: engagements are few and rarely change,
 * every task partition needs all of them, and they are keyed by engagement id where tasks are keyed by task id, so a
 * co-partitioned join would mean repartitioning every completion by engagement and back. The trade-off is that a
 * global store is not time-synchronised with the task events; a task is only assigned under an engagement that
 * exists, and on (re)start the global store is fully loaded before any task event is processed.
 */
public final class RollingKpisTopology {

    public static final String SEEN_SEQUENCES_STORE = "rolling-seen-sequences";
    /** Task id → {@link TaskFacts}, every task seen. */
    public static final String TASK_FACTS_STORE = "rolling-task-facts";
    /** Task id → {@link TaskFacts}, open tasks only: what the WIP punctuation scans. */
    public static final String OPEN_TASKS_STORE = "rolling-open-tasks";
    /** Groups ({@code dimension=group}) this partition last reported open tasks for. */
    public static final String WIP_REPORTED_STORE = "rolling-wip-reported";
    /** Global: engagement id → {@link EngagementRates}. */
    public static final String ENGAGEMENTS_STORE = "rolling-engagement-rates";
    public static final String DAY_STORE = "rolling-kpis-day";
    public static final String TRAILING_24H_STORE = "rolling-kpis-24h";
    public static final String TRAILING_7D_STORE = "rolling-kpis-7d";
    /**
     * The window stores' changelogs are compacted only. Kafka Streams' default for them, {@code compact,delete} with a
     * retention of window size + grace + 1 day, lets the broker delete by wall-clock time what the store still needs
     * by stream time: after a replay of events older than that retention (a rebuild, a backfill, a restart late in
     * a catch-up) the restored windows would silently miss their older updates. Compaction keeps one record per
     * group and window, a few hundred thousand a year, and the store itself drops windows past their grace.
     */
    static final Map<String, String> WINDOW_CHANGELOG_CONFIG = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);
    public static final Map<WindowKind, String> WINDOW_STORES = Map.of(WindowKind.DAY, DAY_STORE,
            WindowKind.TRAILING_24H, TRAILING_24H_STORE, WindowKind.TRAILING_7D, TRAILING_7D_STORE);
    /** Windows changed since the last publication, with their latest aggregate. */
    public static final String PENDING_STORE = "rolling-kpis-pending";
    public static final String WIP_PARTIALS_STORE = "rolling-wip-partials";
    public static final String WIP_TOTALS_STORE = "rolling-wip-totals";

    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_WIP_INTERVAL = Duration.ofSeconds(30);

    static final Serde<KpiFact> KPI_FACT = KpiSerdes.json(KpiFact.class);
    static final Serde<TaskFacts> TASK_FACTS = KpiSerdes.json(TaskFacts.class);
    static final Serde<EngagementRates> ENGAGEMENT_RATES = KpiSerdes.json(EngagementRates.class);
    static final Serde<WipPartial> WIP_PARTIAL = KpiSerdes.json(WipPartial.class);
    static final Serde<WipTotal> WIP_TOTAL = KpiSerdes.json(WipTotal.class);

    private final Duration grace;
    private final Duration publishInterval;
    private final Duration wipInterval;
    private final RollingKpis kpis;
    private final boolean inMemory;

    /**
     * @param grace           how long after a window ends its late events still count
     * @param publishInterval how often changed windows are published (wall clock)
     * @param wipInterval     how often the backlog and WIP ageing are recomputed (wall clock)
     * @param weights         the health-score weights per company phase
     */
    public RollingKpisTopology(Duration grace, Duration publishInterval, Duration wipInterval,
                               HealthWeights weights) {
        this(grace, publishInterval, wipInterval, weights, false);
    }

    private RollingKpisTopology(Duration grace, Duration publishInterval, Duration wipInterval,
                                HealthWeights weights, boolean inMemory) {
        this.grace = positiveOrZero(grace, "grace");
        this.publishInterval = positive(publishInterval, "publish interval");
        this.wipInterval = positive(wipInterval, "WIP interval");
        this.kpis = new RollingKpis(Objects.requireNonNull(weights, "weights"));
        this.inMemory = inMemory;
    }

    /**
     * The same topology with in-memory stores (still changelogged). For tests that push thousands of events
     * through TopologyTestDriver, which commits, i.e. flushes every RocksDB store, after each record; the service
     * always runs on persistent stores.
     */
    public RollingKpisTopology withInMemoryStores() {
        return new RollingKpisTopology(grace, publishInterval, wipInterval, kpis.weights(), true);
    }

    private KeyValueBytesStoreSupplier keyValueStore(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    private Materialized<String, KpiStats, WindowStore<Bytes, byte[]>> windowStore(String name,
                                                                                   TimeWindows windows) {
        Duration retention = Duration.ofMillis(windows.size() + windows.gracePeriodMs());
        Materialized<String, KpiStats, WindowStore<Bytes, byte[]>> store = inMemory
                ? Materialized.as(Stores.inMemoryWindowStore(name, retention, Duration.ofMillis(windows.size()), false))
                : Materialized.as(name);
        return store.withLoggingEnabled(WINDOW_CHANGELOG_CONFIG);
    }

    /** Adds the rolling KPIs to {@code builder}, which may carry other topologies reading the task events too. */
    public StreamsBuilder addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(SEEN_SEQUENCES_STORE), KpiSerdes.KEY, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(TASK_FACTS_STORE), KpiSerdes.KEY, TASK_FACTS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(OPEN_TASKS_STORE), KpiSerdes.KEY, TASK_FACTS));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(WIP_REPORTED_STORE), KpiSerdes.KEY, Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(PENDING_STORE), KpiSerdes.KEY, KpiStats.SERDE));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(
                        keyValueStore(ENGAGEMENTS_STORE), KpiSerdes.KEY, ENGAGEMENT_RATES)
                        .withLoggingDisabled(),
                Topics.ENGAGEMENTS.name(),
                Consumed.with(KpiSerdes.KEY, Serdes.ByteArray()).withName("rolling-engagements"),
                EngagementRatesUpdater::new);

        Map<String, KStream<String, Object>> outputs = builder.stream(Topics.TASKS.name(),
                        Consumed.with(KpiSerdes.KEY, KpiSerdes.CLOUD_EVENT)
                                .withTimestampExtractor(new CloudEventTimeExtractor()))
                .processValues(() -> new DropRedeliveries(SEEN_SEQUENCES_STORE),
                        Named.as("rolling-drop-redeliveries"), SEEN_SEQUENCES_STORE)
                .process(() -> new TaskFactsProcessor(wipInterval), Named.as("rolling-task-facts"),
                        TASK_FACTS_STORE, OPEN_TASKS_STORE, WIP_REPORTED_STORE)
                .split(Named.as("rolling-"))
                .branch((key, value) -> value instanceof KpiFact, Branched.as("facts"))
                .defaultBranch(Branched.as("wip"));

        KGroupedStream<String, KpiFact> byGroup = outputs.get("rolling-facts")
                .flatMap((taskId, value) -> ((KpiFact) value).groups().stream()
                                .map(group -> KeyValue.pair(group, (KpiFact) value)).toList(),
                        Named.as("rolling-fact-per-group"))
                .groupByKey(Grouped.with("rolling-facts-by-group", KpiSerdes.KEY, KPI_FACT));

        KStream<Windowed<String>, KpiEmitter.Change> changed = null;
        for (WindowKind kind : List.of(WindowKind.DAY, WindowKind.TRAILING_24H, WindowKind.TRAILING_7D)) {
            TimeWindows windows = TimeWindows.ofSizeAndGrace(kind.size(), grace).advanceBy(kind.advance());
            KStream<Windowed<String>, KpiEmitter.Change> updates = byGroup
                    .windowedBy(windows)
                    .aggregate(KpiStats::new, (group, fact, stats) -> stats.add(fact),
                            Named.as(WINDOW_STORES.get(kind) + "-aggregate"),
                            windowStore(WINDOW_STORES.get(kind), windows)
                                    .withKeySerde(KpiSerdes.KEY)
                                    .withValueSerde(KpiStats.SERDE))
                    .toStream(Named.as(WINDOW_STORES.get(kind) + "-changes"))
                    .mapValues(stats -> new KpiEmitter.Change(kind, stats), Named.as(WINDOW_STORES.get(kind) + "-kind"));
            changed = changed == null ? updates : changed.merge(updates, Named.as(WINDOW_STORES.get(kind) + "-merge"));
        }
        changed.process(() -> new KpiEmitter(publishInterval, kpis), Named.as("rolling-publish"),
                        PENDING_STORE)
                .to(Topics.KPIS.name(), Produced.with(KpiSerdes.KEY, KpiSerdes.KPI_VALUE)
                        .withName("rolling-kpis"));

        outputs.get("rolling-wip")
                .map((key, value) -> KeyValue.pair(((WipPartial) value).key(), (WipPartial) value),
                        Named.as("rolling-wip-partial"))
                .toTable(Named.as("rolling-wip-partials-table"),
                        Materialized.<String, WipPartial>as(keyValueStore(WIP_PARTIALS_STORE))
                                .withKeySerde(KpiSerdes.KEY)
                                .withValueSerde(WIP_PARTIAL))
                .groupBy((key, partial) -> KeyValue.pair(partial.group(), partial),
                        Grouped.with("rolling-wip-by-group", KpiSerdes.KEY, WIP_PARTIAL))
                .aggregate(WipTotal::empty, (group, partial, total) -> total.with(partial),
                        (group, partial, total) -> total.without(partial),
                        Named.as("rolling-wip-sum"),
                        Materialized.<String, WipTotal>as(keyValueStore(WIP_TOTALS_STORE))
                                .withKeySerde(KpiSerdes.KEY)
                                .withValueSerde(WIP_TOTAL))
                .toStream(Named.as("rolling-wip-changes"))
                .filter((group, total) -> total != null, Named.as("rolling-wip-present"))
                .flatMap((group, total) -> currentValues(group, total).stream()
                        .map(value -> KeyValue.pair(value.key(), value)).toList(), Named.as("rolling-wip-values"))
                .to(Topics.KPIS.name(), Produced.with(KpiSerdes.KEY, KpiSerdes.KPI_VALUE).withName("rolling-wip-kpis"));
        return builder;
    }

    /** This topology alone. */
    public Topology build(StreamsBuilder builder) {
        return addTo(builder).build();
    }

    /** Backlog, mean and max age of the open tasks (0 when there is none), as of the latest partition report. */
    static List<KpiValue> currentValues(String group, WipTotal total) {
        int split = group.indexOf('=');
        String dimension = group.substring(0, split);
        String name = group.substring(split + 1);
        long count = total.count();
        var asOf = total.asOf();
        double meanAge = count == 0 ? 0 : (double) total.sumAgeSeconds() / count / 3600.0;
        return List.of(
                new KpiValue(Kpis.BACKLOG, dimension, name, asOf, asOf, count, WindowKind.NOW),
                new KpiValue(Kpis.WIP_AGE_MEAN, dimension, name, asOf, asOf, meanAge, WindowKind.NOW),
                new KpiValue(Kpis.WIP_AGE_MAX, dimension, name, asOf, asOf, total.maxAgeSeconds() / 3600.0,
                        WindowKind.NOW));
    }

    private static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + duration);
        }
        return duration;
    }

    private static Duration positiveOrZero(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + duration);
        }
        return duration;
    }
}
