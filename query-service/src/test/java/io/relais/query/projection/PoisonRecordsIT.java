package io.relais.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.task.TaskEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Poison records on consumed topics: each is copied to the topic's dead-letter topic, as read, with the reason and
 * its original position in headers, and the records behind it in its partition are still projected.
 */
class PoisonRecordsIT extends IntegrationTestSupport {

    private static final int PARTITION = 0;

    @Test
    void shouldCopyEachPoisonTaskRecordToTheDeadLetterTopic_andProjectTheNextRecordOfItsPartition() throws Exception {
        String poisoned = UUID.randomUUID().toString();
        byte[] undecodable = "not a CloudEvent at all".getBytes(StandardCharsets.UTF_8);
        long undecodableOffset = bytes().send(new ProducerRecord<>(Topics.TASKS.name(), PARTITION, poisoned,
                undecodable)).get().getRecordMetadata().offset();
        byte[] wrongSchema = "{\"taskId\": 42, \"title\": [\"not\", \"text\"]}".getBytes(StandardCharsets.UTF_8);
        CloudEvent badRequest = TaskEvents.builder(poisoned, 0, EventType.TASK_REQUESTED.cloudEventType())
                .withData(wrongSchema).build();
        long wrongSchemaOffset = cloudEvents().send(new ProducerRecord<>(Topics.TASKS.name(), PARTITION, poisoned,
                badRequest)).get().getRecordMetadata().offset();
        CloudEvent fromTheFuture = TaskEvents.builder(poisoned, 1, "relais.task.teleported.v1")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();
        long unknownOffset = cloudEvents().send(new ProducerRecord<>(Topics.TASKS.name(), PARTITION, poisoned,
                fromTheFuture)).get().getRecordMetadata().offset();
        UUID healthy = UUID.randomUUID();
        cloudEvents().send(new ProducerRecord<>(Topics.TASKS.name(), PARTITION, healthy.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(healthy, "Après les poisons", "INVOICING",
                        Instant.parse("2026-03-02T09:00:00Z"))))).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/tasks/" + healthy).getStatusCode()).isEqualTo(HttpStatus.OK));
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(Topics.TASKS.name(), poisoned, 3);

        assertThat(letters).extracting(r -> offset(r))
                .containsExactly(undecodableOffset, wrongSchemaOffset, unknownOffset);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.partition()).as("the original partition").isEqualTo(PARTITION);
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.TASKS.name());
            assertThat(header(letter, "kafka_dlt-original-consumer-group")).isNotBlank();
        });
        assertThat(letters.get(0).value()).as("the bytes as read").isEqualTo(undecodable);
        assertThat(header(letters.get(0), ProjectionKafkaSupport.REASON_HEADER)).containsIgnoringCase("cloudevent");
        assertThat(letters.get(1).value()).isEqualTo(wrongSchema);
        assertThat(header(letters.get(1), "ce_type")).as("the attributes kept")
                .isEqualTo(EventType.TASK_REQUESTED.cloudEventType());
        assertThat(header(letters.get(1), ProjectionKafkaSupport.REASON_HEADER)).isNotBlank();
        assertThat(header(letters.get(2), ProjectionKafkaSupport.REASON_HEADER))
                .contains("unknown event type relais.task.teleported.v1");
        assertThat(get("/api/tasks/" + poisoned).getStatusCode()).as("nothing projected from the poison")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldCopyAnUndecodableKpiValueToTheKpiDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        long offset = text().send(new ProducerRecord<>(Topics.KPIS.name(), PARTITION, key, "{\"kpi\": ")).get()
                .getRecordMetadata().offset();

        List<ConsumerRecord<String, byte[]>> letters = deadLetters(Topics.KPIS.name(), key, 1);

        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"kpi\": ");
        assertThat(offset(letters.get(0))).isEqualTo(offset);
        assertThat(header(letters.get(0), ProjectionKafkaSupport.REASON_HEADER)).isNotBlank();
    }

    /** The dead letters of {@code key}, in order, once there are {@code expected} of them. */
    private List<ConsumerRecord<String, byte[]>> deadLetters(String source, String key, int expected) {
        String topic = Topics.deadLetterName(source, ProjectionKafkaSupport.DEAD_LETTER_CONSUMER);
        Map<String, Object> props = KafkaTestUtils.consumerProps("dlt-reader-" + UUID.randomUUID(), "false", broker);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, PARTITION)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, PARTITION)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        letters.add(record);
                    }
                });
                return letters.size() >= expected;
            });
        }
        assertThat(letters).hasSize(expected);
        return letters;
    }

    /** Spring Kafka writes the original offset as an 8-byte big-endian long. */
    private static long offset(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("kafka_dlt-original-offset");
        assertThat(header).isNotNull();
        return java.nio.ByteBuffer.wrap(header.value()).getLong();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
