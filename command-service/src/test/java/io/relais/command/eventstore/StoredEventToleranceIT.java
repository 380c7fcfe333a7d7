package io.relais.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.Topics;
import io.relais.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event stored by an earlier version of the code (here: a TaskRequested written before the request carried
 * its SOP, deadline and calendar) must still be read: the relay publishes it and goes on, rather than stopping
 * on it for good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
class StoredEventToleranceIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_tolerance");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void shouldRelayAnEventOfAnEarlierShape_andTheNextOnes() {
        String oldTask = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Task', ?, ?, ?, NULL, 'io.relais.contract.task.TaskRequested', '2026-03-02T09:00:00Z')""")
                .params(oldTask, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), ("{\"taskId\":\""
                        + oldTask + "\",\"title\":\"Ancienne demande\",\"type\":\"INVOICING\",\"priority\":\"LOW\","
                        + "\"requestedAt\":\"2026-03-02T09:00:00Z\"}").getBytes(StandardCharsets.UTF_8))
                .update();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = http.withBasicAuth("claire", "demo-claire").postForEntity("/api/tasks",
                new HttpEntity<>("{\"title\": \"Nouvelle demande\", \"type\": \"INVOICING\"}", headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String newTask = String.valueOf(created.getBody().get("id"));

        List<String> relayed = new ArrayList<>();
        Map<String, Object> props = KafkaTestUtils.consumerProps("tolerance", "false", broker);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, CloudEvent> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new CloudEventDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.TASKS.name()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> relayed.add(record.key()));
                assertThat(relayed).contains(oldTask, newTask);
            });
        }
    }
}
