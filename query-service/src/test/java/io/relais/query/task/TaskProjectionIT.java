package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.contract.Topics;
import io.relais.contract.task.TaskRequested;
import io.relais.query.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Real CloudEvents on relais.tasks.v1, read back through the REST API. */
class TaskProjectionIT extends IntegrationTestSupport {

    private static final String TOPIC = Topics.TASKS.name();

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldServeTheTask_whenItsTaskRequestedEventArrives() throws Exception {
        UUID id = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TaskRequested requested = TaskEvents.requested(id, "Mettre à jour le CRM", "CRM_UPDATE", requestedAt);

        cloudEvents().send(TOPIC, id.toString(), TaskEvents.cloudEvent(requested)).get();

        JsonNode task = awaitTask(id);
        assertThat(task.get("taskId").asText()).isEqualTo(id.toString());
        assertThat(task.get("title").asText()).isEqualTo("Mettre à jour le CRM");
        assertThat(task.get("type").asText()).isEqualTo("CRM_UPDATE");
        assertThat(task.get("priority").asText()).isEqualTo("HIGH");
        assertThat(task.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(task.get("requestedAt").asText()).isEqualTo(requestedAt.toString());
        assertThat(task.get("lastEventAt").asText()).isEqualTo(requestedAt.plusSeconds(1).toString());
        assertThat(task.get("version").asLong()).isZero();
        assertThat(lastAppliedSequence(id)).isZero();
    }

    @Test
    void shouldApplyOnce_whenTheSameRecordIsDeliveredTwice() throws Exception {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        CloudEvent event = TaskEvents.cloudEvent(TaskEvents.requested(id, "Twice", "INVOICING", Instant.now()));
        double duplicatesBefore = outcomes("duplicate");

        // One partition, so that the marker is read only after both copies were handled.
        cloudEvents().send(new ProducerRecord<>(TOPIC, 0, id.toString(), event)).get();
        cloudEvents().send(new ProducerRecord<>(TOPIC, 0, id.toString(), event)).get();
        cloudEvents().send(new ProducerRecord<>(TOPIC, 0, marker.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(marker, "Marker", "INVOICING", Instant.now())))).get();

        awaitTask(marker);
        assertThat(awaitTask(id).get("title").asText()).isEqualTo("Twice");
        assertThat(outcomes("duplicate") - duplicatesBefore).isEqualTo(1.0);
        assertThat(lastAppliedSequence(id)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM task_projection WHERE task_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldSkipAPoisonRecord_andApplyTheNextOneInItsPartition_whenTheValueIsGarbage() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0, 1, 2};

        bytes().send(new ProducerRecord<>(TOPIC, 1, id.toString(), garbage)).get();
        cloudEvents().send(new ProducerRecord<>(TOPIC, 1, id.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(id, "After poison", "INVOICING", Instant.now())))).get();

        assertThat(awaitTask(id).get("title").asText()).isEqualTo("After poison");
    }

    @Test
    void shouldSkipAnEventWithUndecodableData_andNotRecordItsSequence() throws Exception {
        UUID id = UUID.randomUUID();
        CloudEvent broken = TaskEvents.builder(id.toString(), 0, "relais.task.requested.v1")
                .withData("{\"taskId\": ".getBytes(StandardCharsets.UTF_8)).build();

        cloudEvents().send(new ProducerRecord<>(TOPIC, 2, id.toString(), broken)).get();
        cloudEvents().send(new ProducerRecord<>(TOPIC, 2, id.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(id, "Valid copy", "INVOICING", Instant.now())))).get();

        assertThat(awaitTask(id).get("title").asText()).isEqualTo("Valid copy");
    }

    @Test
    void shouldRecordTheSequenceButChangeNothing_whenTheEventTypeIsUnknown() throws Exception {
        UUID id = UUID.randomUUID();
        CloudEvent requested = TaskEvents.cloudEvent(TaskEvents.requested(id, "Known", "INVOICING", Instant.now()));
        CloudEvent unknown = TaskEvents.builder(id.toString(), 1, "relais.task.approved.v9")
                .withData("{\"whatever\": true}".getBytes(StandardCharsets.UTF_8)).build();

        cloudEvents().send(TOPIC, id.toString(), requested).get();
        cloudEvents().send(TOPIC, id.toString(), unknown).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> lastAppliedSequence(id), sequence -> Long.valueOf(1).equals(sequence));
        JsonNode task = awaitTask(id);
        assertThat(task.get("version").asLong()).isZero();
        assertThat(task.get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void shouldRetryUntilTheWriteSucceeds_whenTheDatabaseRefusesItForAWhile() throws Exception {
        UUID id = UUID.randomUUID();
        String title = "Refused " + id;
        // A sequence counts the refused attempts: unlike the refused insert, nextval survives the rollback.
        jdbc.sql("CREATE SEQUENCE refused_writes").update();
        jdbc.sql("""
                CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.title = '%s' THEN
                        PERFORM nextval('refused_writes');
                        RAISE EXCEPTION 'write refused by the test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(title)).update();
        jdbc.sql("CREATE TRIGGER refuse_write BEFORE INSERT ON task_projection FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_write()").update();
        try {
            cloudEvents().send(TOPIC, id.toString(),
                    TaskEvents.cloudEvent(TaskEvents.requested(id, title, "INVOICING", Instant.now()))).get();

            // More attempts than spring-kafka's default error handler makes (10) before it skips a record.
            await("12 refused attempts").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM refused_writes")
                    .query(Long.class).single() >= 12);
            assertThat(get("/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(lastAppliedSequence(id)).as("the sequence is rolled back with the write").isNull();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_write ON task_projection").update();
            jdbc.sql("DROP FUNCTION refuse_write()").update();
            jdbc.sql("DROP SEQUENCE refused_writes").update();
        }

        assertThat(awaitTask(id).get("title").asText()).isEqualTo(title);
    }

    @Test
    void shouldCreateTheFourTopicsItReads_withTheContractsPartitionsRetentionAndCleanupPolicy() throws Exception {
        // The topics this service consumes.
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            for (var spec : List.of(Topics.TASKS, Topics.PROCESSES, Topics.ENGAGEMENTS, Topics.KPIS)) {
                TopicDescription description = admin.describeTopics(List.of(spec.name()))
                        .allTopicNames().get().get(spec.name());
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

                assertThat(description.partitions()).as(spec.name()).hasSize(spec.partitions());
                assertThat(config.get("retention.ms").value()).as(spec.name())
                        .isEqualTo(Long.toString(spec.retentionMs()));
                assertThat(config.get("cleanup.policy").value()).as(spec.name())
                        .isEqualTo(spec.cleanupPolicy().kafkaValue());
            }
        }
    }

    private JsonNode awaitTask(UUID id) {
        ResponseEntity<JsonNode> response = await("task " + id).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tasks/" + id), r -> r.getStatusCode() == HttpStatus.OK);
        return response.getBody();
    }

    private Long lastAppliedSequence(UUID id) {
        return jdbc.sql("SELECT sequence FROM last_applied_sequence WHERE projection = 'task' AND aggregate_id = ?")
                .param(id.toString()).query(Long.class).optional().orElse(null);
    }

    private double outcomes(String outcome) {
        return meters.get("relais.projection.events").tag("projection", "task").tag("outcome", outcome)
                .counter().count();
    }
}
