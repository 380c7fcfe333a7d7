package io.relais.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.Topics;
import io.relais.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/** The command path on a real PostgreSQL and a real (in-process KRaft) Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
class TaskCommandIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    io.relais.command.personal.PersonalDataReader personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ObjectMapper json;

    private Consumer<String, CloudEvent> consumer;

    @BeforeEach
    void subscribe() {
        Map<String, Object> props = KafkaTestUtils.consumerProps("task-command-it-" + System.nanoTime(), "false", broker);
        props.put("auto.offset.reset", "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new CloudEventDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.TASKS.name()));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void shouldAnswer201WithIdAndLocation_storeTheEvent_andRelayItAsACloudEvent() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "req-42");
        ResponseEntity<JsonNode> response = post("""
                {"title": "Facturer le client Dupont", "type": "invoicing", "priority": "HIGH"}""", headers);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = response.getBody().get("id").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("http://127.0.0.1:8082/api/tasks/" + id);

        Map<String, Object> stored = jdbc.sql("""
                SELECT aggregateidentifier, sequencenumber, payloadtype, convert_from(payload, 'UTF8') AS payload
                FROM domainevententry WHERE aggregateidentifier = ?""").param(id).query().singleRow();
        assertThat(stored.get("sequencenumber")).isEqualTo(0L);
        assertThat(stored.get("payloadtype")).isEqualTo("io.relais.contract.task.TaskRequested");
        JsonNode payload = json.readTree((String) stored.get("payload"));
        assertThat(payload.get("type").asText()).isEqualTo("INVOICING");
        assertThat(payload.get("priority").asText()).isEqualTo("HIGH");
        JsonNode metadata = json.readTree(jdbc.sql(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?")
                .param(id).query(String.class).single());
        assertThat(metadata.get("relais.actor").asText()).isEqualTo("claire");
        assertThat(metadata.get("relais.actorRoles").asText()).isEqualTo("REQUESTER");
        assertThat(metadata.get("relais.actorOrganisation").asText()).isEqualTo("acme");
        assertThat(metadata.get("relais.correlationId").asText()).isEqualTo("req-42");
        assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("req-42");

        ConsumerRecord<String, CloudEvent> record = pollFor(id);
        assertThat(record.key()).isEqualTo(id);
        CloudEvent event = record.value();
        assertThat(event.getType()).isEqualTo("relais.task.requested.v1");
        assertThat(event.getSubject()).isEqualTo(id);
        assertThat(event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE)).isIn(0L, 0, "0");
        assertThat(record.headers().lastHeader("ce_type")).as("binary content mode").isNotNull();
        assertThat(event.getExtension(CloudEventAttributes.ACTOR)).isEqualTo("claire");
        assertThat(event.getExtension(CloudEventAttributes.ACTOR_ROLES)).isEqualTo("REQUESTER");
        assertThat(event.getExtension(CloudEventAttributes.ACTOR_ORGANISATION)).isEqualTo("acme");
        assertThat(event.getExtension(CloudEventAttributes.CORRELATION_ID)).isEqualTo("req-42");
        JsonNode data = json.readTree(event.getData().toBytes());
        assertThat(data.get("taskId").asText()).isEqualTo(id);
        assertThat(data.get("title").asText()).as("personal: sealed on the wire")
                .startsWith("relais:enc:v1:task-" + id + ":").doesNotContain("Dupont");
        assertThat(personalData.reveal(data.get("title").asText(), "title")).isEqualTo("Facturer le client Dupont");
    }

    @Test
    void shouldCreateTheTaskTopic_withTheContractsPartitionsAndRetention() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            TopicDescription description = admin.describeTopics(List.of(Topics.TASKS.name()))
                    .allTopicNames().get().get(Topics.TASKS.name());
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TASKS.name());
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(description.partitions()).hasSize(Topics.TASKS.partitions());
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void shouldRefuseUnknownField_withProblemNamingIt_andWriteNothing() {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = post("""
                {"title": "x", "type": "INVOICING", "requester": "someone-else"}""");

        assertProblem(response, HttpStatus.BAD_REQUEST, "Unknown field 'requester'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor", "taskId", "requestedAt", "organisation", "status"})
    void shouldRefuseServerOwnedFields_soNoBodyCanChooseTheActorOrIds(String field) {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = post("""
                {"title": "x", "type": "INVOICING", "%s": "forged"}""".formatted(field));

        assertProblem(response, HttpStatus.BAD_REQUEST, "Unknown field '" + field + "'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldRefuseMissingTitleAndBadType_withEveryFieldNamed() {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = post("""
                {"type": "not a type!", "priority": "LOW"}""");

        assertProblem(response, HttpStatus.BAD_REQUEST, "'title' must not be blank");
        assertThat(response.getBody().get("detail").asText()).contains("'type' must be a word");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldRefuseUnknownPriority_listingTheAcceptedOnes() {
        ResponseEntity<JsonNode> response = post("""
                {"title": "x", "type": "INVOICING", "priority": "URGENT"}""");

        assertProblem(response, HttpStatus.BAD_REQUEST, "[LOW, NORMAL, HIGH, CRITICAL]");
    }

    @Test
    void shouldRefuseMalformedJson() {
        assertProblem(post("{\"title\": "), HttpStatus.BAD_REQUEST, "Malformed JSON");
        assertProblem(post("[]"), HttpStatus.BAD_REQUEST, "wrong JSON type");
    }

    @Test
    void shouldRefuseOversizedBody_with413() {
        long before = storedEvents();
        String huge = "{\"title\": \"" + "a".repeat(70_000) + "\", \"type\": \"INVOICING\"}";

        assertProblem(post(huge), HttpStatus.PAYLOAD_TOO_LARGE, "larger than 65536 bytes");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldRefuseWrongContentType_withProblem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> response = http.withBasicAuth("claire", "demo-claire")
                .exchange("/api/tasks", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>("title=x", headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldReportLivenessAndReadiness() {
        assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getBody().get("status").asText())
                .isEqualTo("UP");
        assertThat(http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody().get("status").asText())
                .isEqualTo("UP");
    }

    private ResponseEntity<JsonNode> post(String body) {
        return post(body, new HttpHeaders());
    }

    private ResponseEntity<JsonNode> post(String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("claire", "demo-claire")
                .postForEntity("/api/tasks", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private ConsumerRecord<String, CloudEvent> pollFor(String key) {
        List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> key.equals(r.key()));
        });
        return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
}
