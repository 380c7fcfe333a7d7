package io.relais.command.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.Topics;
import io.relais.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Crypto-shredding on the command side (issue 10), against the real PostgreSQL and an in-process broker: personal
 * text never reaches the event store or a topic in clear; erasing the subject destroys its key and publishes
 * {@code PersonalDataErased}; the chain still verifies; the retention purge erases closed tasks only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.audit.head-interval=1h", "relais.security.write-rate-limit.per-minute=10000"})
@EmbeddedKafka(kraft = true, partitions = 1)
class PersonalDataErasureIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_personal");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PersonalDataReader personalData;
    @Autowired
    RetentionPurge retention;

    @Test
    void shouldStoreAndPublishOnlyCiphertext_thenReadThePlaceholder_afterTheAdministratorErasesTheSubject() throws Exception {
        String id = requestTask("Relance client Dupont", "Appeler M. Dupont au 06 12 34 56 78");
        assertThat(post("claire", "/api/tasks/" + id + "/cancellation", "{\"reason\": \"Dupont a payé\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        List<String> stored = storedPayloads(id);
        assertThat(stored).hasSize(2).allSatisfy(payload -> assertThat(payload).doesNotContain("Dupont"));
        JsonNode requested = json.readTree(stored.get(0));
        assertThat(requested.get("title").asText()).startsWith("relais:enc:v1:task-" + id + ":");
        assertThat(requested.get("type").asText()).as("non-personal data stays clear").isEqualTo("INVOICING");
        assertThat(requested.get("requester").asText()).as("staff identifiers stay clear").isEqualTo("claire");
        assertThat(personalData.reveal(requested.get("title").asText(), "title")).isEqualTo("Relance client Dupont");

        List<ConsumerRecord<String, byte[]>> published = readFromTheBeginning(Topics.TASKS.name(), id, 2);
        assertThat(published).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .as("a fresh consumer of the raw topic").doesNotContain("Dupont").doesNotContain("06 12 34"));

        ResponseEntity<JsonNode> erased = post("admin", "/api/personal-data/subjects/task-" + id + "/erasure",
                "{\"reason\": \"Demande RGPD n° 2026-014\"}");

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody().get("erasedBy").asText()).isEqualTo("admin");
        assertThat(personalData.reveal(requested.get("title").asText(), "title")).isEqualTo("[effacé]");
        assertThat(jdbc.sql("SELECT wrapped_key IS NULL FROM personal_data_key WHERE subject_id = ?")
                .param("task-" + id).query(Boolean.class).single()).as("the key is destroyed").isTrue();
        JsonNode event = json.readTree(storedPayloads("task-" + id).get(0));
        assertThat(event.get("reason").asText()).isEqualTo("Demande RGPD n° 2026-014");
        assertThat(event.get("cause").asText()).isEqualTo("REQUEST");

        ConsumerRecord<String, byte[]> erasure = readFromTheBeginning(Topics.PERSONAL_DATA.name(), "task-" + id, 1).get(0);
        assertThat(header(erasure, "ce_type")).isEqualTo("relais.subject.personal-data-erased.v1");
        assertThat(header(erasure, "ce_actor")).isEqualTo("admin");
        assertThat(json.readTree(erasure.value()).get("subjectId").asText()).isEqualTo("task-" + id);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("event_chain") == count("domainevententry"));
        assertThat(http.withBasicAuth("audrey", "demo-audrey").getForEntity("/api/audit/verification", JsonNode.class)
                .getBody().get("status").asText()).as("the chain hashes ciphertext: erasure leaves it intact")
                .isEqualTo("VALID");
    }

    @Test
    void shouldRefuse_aSecondErasure_anUnknownOrMalformedSubject_andAnyoneButAnAdministrator() {
        String id = requestTask("Relance client Martin", null);
        String path = "/api/personal-data/subjects/task-" + id + "/erasure";
        String body = "{\"reason\": \"Demande RGPD n° 2026-015\"}";

        assertThat(post("claire", path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("audrey", path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("admin", path, "{\"reason\": \" \"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("admin", "/api/personal-data/subjects/" + id + "/erasure", body).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unknown = post("admin",
                "/api/personal-data/subjects/task-00000000-0000-4000-8000-000000000000/erasure", body);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(post("admin", path, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> again = post("admin", path, body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type").asText()).isEqualTo("urn:relais:problem:rule-violated");
        assertThat(storedPayloads("task-" + id)).as("nothing written by the refusals").hasSize(1);
    }

    @Test
    void shouldNotRecordNewPersonalText_forAnErasedSubject() throws Exception {
        String id = requestTask("Relance client Bernard", null);
        post("admin", "/api/personal-data/subjects/task-" + id + "/erasure", "{\"reason\": \"Demande n° 16\"}");

        assertThat(post("claire", "/api/tasks/" + id + "/cancellation", "{\"reason\": \"Bernard a payé\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode cancelled = json.readTree(storedPayloads(id).get(1));
        assertThat(cancelled.get("reason").asText()).isEqualTo("[effacé]");
    }

    @Test
    void shouldEraseClosedTasksOnly_whenTheRetentionPeriodHasPassed_leavingTheRequestersOtherTasks() throws Exception {
        String closed = requestTask("Relance client Petit", "Mme Petit");
        String open = requestTask("Relance client Petit, suite", "Mme Petit");
        post("claire", "/api/tasks/" + closed + "/cancellation", "{\"reason\": \"Réglé\"}");

        assertThat(retention.purge(Instant.now().plus(35 * 31, ChronoUnit.DAYS)))
                .as("35 months later: not yet").isZero();
        int erased = retention.purge(Instant.now().plus(37 * 31, ChronoUnit.DAYS));

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(personalData.reveal(title(closed), "title")).isEqualTo("[effacé]");
        assertThat(personalData.reveal(title(open), "title")).isEqualTo("Relance client Petit, suite");
        JsonNode event = json.readTree(storedPayloads("task-" + closed).get(0));
        assertThat(event.get("cause").asText()).isEqualTo("RETENTION");
        assertThat(event.get("erasedBy").asText()).isEqualTo("retention");
        JsonNode metadata = json.readTree(jdbc.sql(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?")
                .param("task-" + closed).query(String.class).single());
        assertThat(metadata.has("relais.actor")).as("no caller: the purge itself").isFalse();
    }

    @Test
    void shouldRunThePurgeOncePerInterval_recordingItsLastRunInTheDatabase() {
        int first = retention.runIfDue();
        int second = retention.runIfDue();

        assertThat(first).as("due: never ran").isGreaterThanOrEqualTo(0);
        assertThat(second).as("not due again within the interval").isEqualTo(-1);
        assertThat(jdbc.sql("SELECT last_outcome FROM scheduled_job_run WHERE job_name = ?")
                .param(RetentionPurge.JOB).query(String.class).single()).endsWith("subject(s) erased");
    }

    private String title(String taskId) throws Exception {
        return json.readTree(storedPayloads(taskId).get(0)).get("title").asText();
    }

    private String requestTask(String title, String description) {
        String body = description == null
                ? "{\"title\": \"%s\", \"type\": \"INVOICING\", \"priority\": \"HIGH\"}".formatted(title)
                : "{\"title\": \"%s\", \"description\": \"%s\", \"type\": \"INVOICING\", \"priority\": \"HIGH\"}"
                        .formatted(title, description);
        ResponseEntity<JsonNode> created = post("claire", "/api/tasks", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private List<String> storedPayloads(String aggregateId) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(aggregateId).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private List<ConsumerRecord<String, byte[]>> readFromTheBeginning(String topic, String key, int expected) {
        Map<String, Object> props = KafkaTestUtils.consumerProps("fresh-" + System.nanoTime(), "false", broker);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo-" + user).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
