package io.relais.kpi.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.TopicSpec;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.kpi.KpiSerdes;
import io.relais.kpi.KpiStreamsProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Exactly-once across a crash, on a real (in-process KRaft) broker: the service's topology runs in a child JVM that
 * is killed ({@code destroyForcibly}, i.e. SIGKILL) while it processes, then started again. What a read_committed
 * reader sees must be exactly the reference figures (no gap, no double count), and no committed record lowers a
 * count. The grace is 30 days: the three task partitions are processed at different speeds, and a fact
 * must not be late only because its partition lags (see README on grace and replays).
 */
class RollingKpisCrashIT {

    private static final String APPLICATION_ID = "rolling-crash-it";
    private static final List<String> COUNTS = List.of(Kpis.TASKS_REQUESTED, Kpis.THROUGHPUT, Kpis.TASKS_APPROVED);

    private EmbeddedKafkaBroker broker;
    private Process streams;
    private Path stateDir;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1).brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                // the workload's events are months old: time-based retention runs every second, as it would some
                // minutes into a real replay, so a changelog that lets the broker delete old windows fails this test
                "log.retention.check.interval.ms", "1000"));
        broker.afterPropertiesSet();
        stateDir = Files.createTempDirectory("rolling-crash-it");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(topic(Topics.TASKS), topic(Topics.ENGAGEMENTS), topic(Topics.KPIS),
                    topic(Topics.SLA_ALERTS))).all().get();
        }
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.destroyForcibly();
        }
        broker.destroy();
    }

    @Test
    void shouldPublishExactlyTheReferenceFigures_readCommitted_whenTheAppIsKilledMidStreamAndRestarted()
            throws Exception {
        List<RollingKpisDifferentialTest.Input> workload =
                RollingKpisDifferentialTest.workload(new Random(7), 40);
        Map<String, Double> expected = new HashMap<>();
        new RollingKpisDifferentialTest.Reference().run(workload).forEach((key, value) -> {
            if (!key.contains("|NOW") || key.startsWith(Kpis.BACKLOG + "|")) {
                expected.put(key, value);
            }
        });
        int half = workload.size() / 2;

        try (Producer<String, CloudEvent> producer = producer();
             Consumer<String, KpiValue> reader = readCommitted()) {
            RollingKpisDifferentialTest.RATES.forEach((id, rates) -> send(producer, Topics.ENGAGEMENTS.name(), id,
                    TaskLifecycle.engagementStarted(id, RollingKpisDifferentialTest.PROVIDERS.get(id),
                            RollingKpisDifferentialTest.euros(rates[0]), RollingKpisDifferentialTest.euros(rates[1]),
                            RollingKpisDifferentialTest.FIRST_REQUEST.minus(Duration.ofDays(30)))));
            workload.subList(0, half).forEach(input -> send(producer, Topics.TASKS.name(), input.taskId(),
                    input.event()));
            producer.flush();

            streams = start();
            Map<String, List<Double>> seen = new HashMap<>();
            await("first figures").atMost(Duration.ofSeconds(90)).until(() -> read(reader, seen) > 0);

            workload.subList(half, workload.size()).forEach(input -> send(producer, Topics.TASKS.name(),
                    input.taskId(), input.event()));
            producer.flush();
            Thread.sleep(500);
            streams.destroyForcibly().waitFor();

            streams = start();
            Map<String, Double> latest = new HashMap<>();
            long restarted = System.nanoTime();
            List<String> progress = new ArrayList<>();
            await("the reference figures").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        read(reader, seen);
                        latest.clear();
                        seen.forEach((key, values) -> latest.put(key, values.get(values.size() - 1)));
                        latest.keySet().removeIf(key -> key.contains("|NOW") && !key.startsWith(Kpis.BACKLOG + "|"));
                        // a group whose open tasks all closed after a report publishes a backlog of 0
                        latest.entrySet().removeIf(entry -> entry.getKey().startsWith(Kpis.BACKLOG + "|")
                                && entry.getValue() == 0.0 && !expected.containsKey(entry.getKey()));
                        List<String> differences = differences(latest, expected);
                        String summary = differences.stream().map(d -> d.substring(0, d.indexOf(','))).toList().toString();
                        if (progress.isEmpty() || !progress.get(progress.size() - 1).endsWith(summary)) {
                            // the log of a slow run shows what was still converging, and when
                            progress.add("+" + Duration.ofNanos(System.nanoTime() - restarted).toSeconds() + " s: "
                                    + summary);
                            System.out.println("rolling-crash-it " + progress.get(progress.size() - 1));
                        }
                        assertThat(differences).isEmpty();
                    });
            seen.forEach((key, values) -> {
                if (COUNTS.stream().anyMatch(kpi -> key.startsWith(kpi + "|"))) {
                    for (int i = 1; i < values.size(); i++) {
                        // a window republishes all its figures when one of them changes: equal values may repeat, a
                        // committed count never goes down (which a lost or rolled-back increment would show)
                        assertThat(values.get(i)).as("%s committed %s", key, values)
                                .isGreaterThanOrEqualTo(values.get(i - 1));
                    }
                }
            });
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString()))) {
                for (String store : RollingKpisTopology.WINDOW_STORES.values()) {
                    ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC,
                            APPLICATION_ID + "-" + store + "-changelog");
                    assertThat(admin.describeConfigs(List.of(changelog)).all().get().get(changelog)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(changelog.name())
                            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                }
            }
            assertThat(expected.get(KpiValue.keyOf(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL,
                    WindowKind.TRAILING_7D, java.time.Instant.parse("2026-03-10T00:00:00Z")))).isGreaterThan(5);
        }
    }

    /**
     * The first differences: exactly equal, health scores within 1e-9 (their reference sums the weighted criteria in
     * its own order).
     */
    private static List<String> differences(Map<String, Double> actual, Map<String, Double> expected) {
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            Double got = actual.get(key);
            Double want = expected.get(key);
            if (got == null) {
                missing.add(key + "=" + want);
            } else if (want == null) {
                unexpected.add(key + "=" + got);
            } else if (key.startsWith("health-") ? Math.abs(got - want) > 1e-9 : !got.equals(want)) {
                wrong.add(key + " expected " + want + " got " + got);
            }
        }
        List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add(missing.size() + " missing, e.g. " + missing.subList(0, Math.min(4, missing.size())));
        }
        if (!unexpected.isEmpty()) {
            differences.add(unexpected.size() + " unexpected, e.g. "
                    + unexpected.subList(0, Math.min(4, unexpected.size())));
        }
        if (!wrong.isEmpty()) {
            differences.add(wrong.size() + " wrong, e.g. " + wrong.subList(0, Math.min(4, wrong.size())));
        }
        return differences;
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KpiStreamsProcess.class.getName(), broker.getBrokersAsString(), APPLICATION_ID, stateDir.toString(),
                String.valueOf(30 * 24))
                .redirectErrorStream(true)
                .redirectOutput(new File(stateDir.toFile(), "kpi-streams-" + System.nanoTime() + ".log"));
        return builder.start();
    }

    /**
     * Everything committed so far: the workload makes tens of thousands of figures, and one poll returns at most
     * {@code max.poll.records}, so a single poll per check would make the reader, not the app, the bottleneck.
     */
    private static int read(Consumer<String, KpiValue> reader, Map<String, List<Double>> seen) {
        int count = 0;
        int polled;
        do {
            polled = 0;
            for (ConsumerRecord<String, KpiValue> record : reader.poll(Duration.ofMillis(300))) {
                seen.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value().value());
                polled++;
            }
            count += polled;
        } while (polled > 0);
        return count;
    }

    private Producer<String, CloudEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new CloudEventSerializer());
    }

    private Consumer<String, KpiValue> readCommitted() {
        KafkaConsumer<String, KpiValue> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-it-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new StringDeserializer(), KpiSerdes.KPI_VALUE.deserializer());
        consumer.subscribe(List.of(Topics.KPIS.name()));
        return consumer;
    }

    private static void send(Producer<String, CloudEvent> producer, String topic, String key, CloudEvent event) {
        producer.send(new ProducerRecord<>(topic, key, event));
    }

    private static NewTopic topic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.topicConfigs());
    }
}
