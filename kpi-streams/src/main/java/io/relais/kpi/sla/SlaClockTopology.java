package io.relais.kpi.sla;

import io.relais.calendar.SlaClock;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.kpi.CloudEventTimeExtractor;
import io.relais.kpi.DropRedeliveries;
import io.relais.kpi.KpiSerdes;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * SLA clocks and their live alerts (BRIEF §3): one clock per task from its {@code TaskRequested} (policy, calendar,
 * request instant), running while REQUESTED, ASSIGNED or IN_PROGRESS (rework included), paused ON_HOLD and DONE,
 * stopped at APPROVED or CANCELLED; {@link SlaAlert}s on {@code relais.sla-alerts.v1}, keyed by task id, each kind
 * at most once per task: AT_RISK when elapsed SLA time reaches the at-risk share of the budget, BREACHED when it
 * exceeds the budget, as {@link SlaClock} defines both (business time for business policies).
 *
 * <p>Breaches are found when they happen, by a wall-clock punctuator ({@link SlaClockProcessor}); the punctuation
 * timestamp is the only "now" the topology knows. All state is in changelogged stores, so clocks, timers and what
 * was alerted survive a restart, and alerts that fell due while the application was down are raised by the first
 * punctuation after it. Re-delivered events are dropped by (task, sequence) before they reach the clock.
 *
 * <p>It reads {@code relais.tasks.v1} with the same serdes and time extractor as the other topologies, so that
 * composed on one {@link StreamsBuilder} they share one source node.
 */
public final class SlaClockTopology {

    public static final String SEEN_SEQUENCES_STORE = "sla-clock-seen-sequences";
    /** Task id → {@link TaskClock}, open tasks only. */
    public static final String CLOCKS_STORE = "sla-clocks";
    /** Next alert instant (epoch ms, 19 digits) {@code |} task id → task id: the timers, in time order. */
    public static final String DEADLINES_STORE = "sla-clock-deadlines";
    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofSeconds(1);

    public static final Serde<TaskClock> TASK_CLOCK = KpiSerdes.json(TaskClock.class);

    private final Duration punctuationInterval;
    private final double atRiskRatio;

    /**
     * @param punctuationInterval how often the timers are checked against the wall clock
     * @param atRiskRatio         the share of the budget from which a task is at risk, in (0, 1]
     */
    public SlaClockTopology(Duration punctuationInterval, double atRiskRatio) {
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be > 0, was " + punctuationInterval);
        }
        if (!(atRiskRatio > 0 && atRiskRatio <= 1)) {
            throw new IllegalArgumentException("at-risk ratio must be in (0, 1], was " + atRiskRatio);
        }
        this.punctuationInterval = punctuationInterval;
        this.atRiskRatio = atRiskRatio;
    }

    /** Every second, at risk at 80 %. */
    public SlaClockTopology() {
        this(DEFAULT_PUNCTUATION_INTERVAL, SlaClock.DEFAULT_AT_RISK_RATIO);
    }

    /** Adds the SLA clocks to {@code builder}, which may carry other topologies reading the task events too. */
    public StreamsBuilder addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_SEQUENCES_STORE), KpiSerdes.KEY, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CLOCKS_STORE), KpiSerdes.KEY, TASK_CLOCK));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEADLINES_STORE), Serdes.String(), Serdes.String()));

        builder.stream(Topics.TASKS.name(), Consumed.with(KpiSerdes.KEY, KpiSerdes.CLOUD_EVENT)
                        .withTimestampExtractor(new CloudEventTimeExtractor()))
                .processValues(() -> new DropRedeliveries(SEEN_SEQUENCES_STORE),
                        Named.as("sla-drop-redeliveries"), SEEN_SEQUENCES_STORE)
                .process(() -> new SlaClockProcessor(punctuationInterval, atRiskRatio), Named.as("sla-clocks"),
                        CLOCKS_STORE, DEADLINES_STORE)
                .to(Topics.SLA_ALERTS.name(), Produced.with(KpiSerdes.KEY, KpiSerdes.SLA_ALERT)
                        .withName("sla-alerts"));
        return builder;
    }

    /** This topology alone. */
    public Topology build(StreamsBuilder builder) {
        return addTo(builder).build();
    }
}
