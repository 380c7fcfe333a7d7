package io.relais.endtoend;

import static org.awaitility.Awaitility.await;

import io.relais.contract.Topics;
import io.relais.testsupport.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the fault tests compare: the task events in the event store, and the same events as a plain Kafka consumer
 * reads them; and the requests their clients send, as claire.
 */
final class TaskEventLedger {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CLAIRE = "Basic " + Base64.getEncoder()
            .encodeToString("claire:demo-claire".getBytes(StandardCharsets.UTF_8));

    private TaskEventLedger() {
    }

    /** A command to command-service as claire (a requester), JSON body, 10 s at most. */
    static HttpResponse<String> postAsClaire(ServiceProcess commandService, String path, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(commandService.url(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", CLAIRE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Task id → the sequence numbers stored for it, ascending. */
    static Map<String, List<Long>> storedSequences(TestDatabase commandDatabase) throws Exception {
        Map<String, List<Long>> stored = new LinkedHashMap<>();
        try (Connection connection = commandDatabase.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT aggregateidentifier, sequencenumber"
                     + " FROM domainevententry WHERE type = 'Task' ORDER BY aggregateidentifier, sequencenumber")) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        return stored;
    }

    /**
     * Task id → the sequences a new read_committed consumer of the task topic reads, in the order it first reads
     * them (re-deliveries dropped), once every stored event has been read at least once.
     */
    static Map<String, List<Long>> awaitRelayed(String bootstrap, Map<String, List<Long>> stored) {
        Map<String, List<Long>> relayed = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TASKS.name()));
            await("every stored event on Kafka").atMost(Duration.ofMinutes(2)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header sequence = record.headers().lastHeader("ce_aggregatesequence");
                    long value = Long.parseLong(new String(sequence.value(), StandardCharsets.UTF_8));
                    List<Long> seen = relayed.computeIfAbsent(record.key(), k -> new ArrayList<>());
                    if (!seen.contains(value)) {
                        seen.add(value);
                    }
                }
                return stored.entrySet().stream().allMatch(task -> relayed.containsKey(task.getKey())
                        && relayed.get(task.getKey()).containsAll(task.getValue()));
            });
        }
        return relayed;
    }
}
