package io.relais.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A partition written in transactions, as kpi-streams writes its output: after the last record come commit and abort
 * markers (and aborted records), which take offsets. The rebuild's tail check tells such a tail from records not yet
 * replayed. Its own single-broker KRaft cluster: the shared test broker has no transaction log it could replicate.
 */
class TransactionTailIT {

    private static final String TOPIC = "tail";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldSeeOnlyMarkersAfterTheLastCommittedRecord_butEveryRecordNotYetRead() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tail-test",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "k", "committed-" + i)).get();
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, 0, "k", "aborted")).get();
            producer.abortTransaction();
        }
        long end = endOffset();
        List<ConsumerRecord<String, String>> visible = readCommitted();

        assertThat(visible).extracting(ConsumerRecord::value).containsExactly("committed-0", "committed-1",
                "committed-2");
        long committedByAListener = visible.get(visible.size() - 1).offset() + 1;
        assertThat(end).as("commit marker, aborted record, abort marker after the last record")
                .isEqualTo(committedByAListener + 3);

        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "ignored");
        Duration timeout = Duration.ofSeconds(10);
        assertThat(TransactionTail.onlyMarkersBetween(config, PARTITION, committedByAListener, end, timeout)).isTrue();
        assertThat(TransactionTail.onlyMarkersBetween(config, PARTITION, committedByAListener - 1, end, timeout))
                .as("the last record is not read yet").isFalse();
        assertThat(TransactionTail.onlyMarkersBetween(config, PARTITION, 0, end, timeout)).isFalse();
        assertThat(TransactionTail.onlyMarkersBetween(config, PARTITION, end, end, timeout)).isTrue();
    }

    private static long endOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            return admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(PARTITION)
                    .get(30, TimeUnit.SECONDS).offset();
        }
    }

    private static List<ConsumerRecord<String, String>> readCommitted() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (records.size() < 3 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).records(PARTITION).forEach(records::add);
            }
            return records;
        }
    }
}
