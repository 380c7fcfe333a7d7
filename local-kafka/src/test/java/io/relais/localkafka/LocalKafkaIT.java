package io.relais.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker bin/relais-run starts, in its own JVM, driven by plain Kafka clients. */
class LocalKafkaIT {

    private static final String TOPIC = "local-kafka.check";

    @TempDir
    Path runDirectory;

    private final List<BrokerProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(BrokerProcess::kill);
    }

    @Test
    void shouldServeTransactionalProduceAndReadCommittedConsume_whenStartedOnEmptyStorage() throws Exception {
        LocalKafkaSettings settings = BrokerProcess.settingsOnFreePorts(runDirectory.resolve("kafka-data"));
        BrokerProcess broker = start(settings, "first.log");

        createTopic(settings);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(settings, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-it")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "task-1", "committed"));
            producer.commitTransaction();
        }

        assertThat(readAll(settings)).containsExactly("committed");
        broker.stop();
        assertThat(broker.log()).contains("Formatting new storage in " + settings.dataDirectory());
        assertThat(settings.dataDirectory().resolve("meta.properties")).exists();
    }

    @Test
    void shouldKeepTopicsAndRecords_whenRestartedOnTheSameStorage() throws Exception {
        LocalKafkaSettings settings = BrokerProcess.settingsOnFreePorts(runDirectory.resolve("kafka-data"));
        BrokerProcess first = start(settings, "first.log");
        createTopic(settings);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(settings, Map.of()))) {
            producer.send(new ProducerRecord<>(TOPIC, "task-1", "before restart")).get();
        }
        first.stop();

        BrokerProcess second = start(settings, "second.log");

        assertThat(readAll(settings)).containsExactly("before restart");
        assertThat(second.log())
                .contains("Reusing the formatted storage in " + settings.dataDirectory())
                .doesNotContain("Formatting new storage");
        second.stop();
    }

    private BrokerProcess start(LocalKafkaSettings settings, String logName) {
        BrokerProcess broker = BrokerProcess.start(settings, runDirectory.resolve(logName));
        started.add(broker);
        return broker.awaitReady();
    }

    private static void createTopic(LocalKafkaSettings settings) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains(TOPIC);
        }
    }

    private static Map<String, Object> producerConfig(LocalKafkaSettings settings, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return config;
    }

    private static List<String> readAll(LocalKafkaSettings settings) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(Set.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        return values;
    }
}
