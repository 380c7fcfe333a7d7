package io.relais.command.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.Topics;
import io.relais.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
 * The task lifecycle over HTTP on the real stack, the service clock fixed on Friday 13 March 2026 17:00 in
 * Paris (the seed's "24h ouvrées" example): requests as the demo users, events in the store and on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskLifecycleIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_lifecycle");
    static final Instant FRIDAY_1700_PARIS = Instant.parse("2026-03-13T16:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(FRIDAY_1700_PARIS, ZoneOffset.UTC);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ObjectMapper json;

    private String engagementId;

    @BeforeAll
    void backofficeProIsEngaged() {
        ResponseEntity<JsonNode> started = post("admin", "/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["amina"], "internalHourlyRate": 45.00,
                 "providerHourlyRate": 18.00, "dpaSigned": true, "startsOn": "2026-03-01", "plannedEndOn": "2027-02-28"}""");
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        engagementId = started.getBody().get("id").asText();
    }

    @Test
    void shouldTakeATaskThroughItsWholeLifecycle_andPublishEveryStepInOrder() throws Exception {
        String id = requestTask("claire", "Relancer les factures impayées");
        String path = "/api/tasks/" + id;

        expectStatus(post("marc", path + "/assignment", "{\"agent\": \"amina\"}"), "ASSIGNED");
        expectStatus(post("amina", path + "/start", null), "IN_PROGRESS");
        expectStatus(post("claire", path + "/escalation", "{\"reason\": \"Client mécontent\"}"), "IN_PROGRESS");
        expectStatus(post("amina", path + "/hold", "{\"reason\": \"Relevé bancaire manquant\"}"), "ON_HOLD");
        expectStatus(post("amina", path + "/resumption", null), "IN_PROGRESS");
        expectStatus(post("amina", path + "/completion", """
                {"timeSpentMinutes": 40, "checklist": [{"item": "Montant vérifié", "passed": true}]}"""), "DONE");
        expectStatus(post("marc", path + "/rework", "{\"reason\": \"Le client Martin a déjà payé\"}"), "IN_PROGRESS");
        expectStatus(post("amina", path + "/completion", "{\"timeSpentMinutes\": 15}"), "DONE");
        expectStatus(post("marc", path + "/approval", null), "APPROVED");
        expectStatus(post("claire", path + "/rating", "{\"rating\": 9, \"comment\": \"Rapide\"}"), "APPROVED");
        ResponseEntity<JsonNode> incident = post("marc", path + "/incidents", """
                {"kind": "ERROR", "severity": "LOW", "description": "Relance en double"}""");
        assertThat(incident.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        List<String> expected = List.of("requested", "assigned", "started", "escalated", "put-on-hold", "resumed",
                "completed", "rework-requested", "completed", "approved", "rated", "incident-reported");
        assertThat(storedTypes(id)).containsExactlyElementsOf(expected);
        List<ConsumerRecord<String, CloudEvent>> published = publishedFor(id, expected.size());
        assertThat(published).extracting(record -> record.value().getType())
                .containsExactlyElementsOf(expected.stream().map(t -> "relais.task." + t + ".v1").toList());
        assertThat(published).extracting(record -> Long.parseLong(
                        String.valueOf(record.value().getExtension("aggregatesequence"))))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void shouldRecordTheSeedsDeadline_24BusinessHoursFromFriday17hIsWednesday14h() throws Exception {
        String id = requestTask("claire", "Ticket L1 : mot de passe oublié");

        JsonNode requested = json.readTree(jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""").param(id).query(String.class).single());

        assertThat(requested.get("slaPolicy").asText()).isEqualTo("BUSINESS_HOURS(24)");
        assertThat(requested.get("dueAt").asText()).isEqualTo("2026-03-18T13:00:00Z");
        assertThat(requested.get("calendar").get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(requested.get("requester").asText()).isEqualTo("claire");
    }

    @Test
    void shouldAnswer409NamingStateAndAllowedActions_andWriteNothing_whenApprovingACancelledTask() {
        String id = requestTask("claire", "Doublon");
        expectStatus(post("claire", "/api/tasks/" + id + "/cancellation", "{\"reason\": \"Doublon\"}"), "CANCELLED");
        long before = storedTypes(id).size();

        ResponseEntity<JsonNode> refused = post("marc", "/api/tasks/" + id + "/approval", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("currentState").asText()).isEqualTo("CANCELLED");
        assertThat(refused.getBody().get("allowedActions")).isEmpty();
        assertThat(refused.getBody().get("detail").asText()).contains("it is CANCELLED");
        assertThat(storedTypes(id)).hasSize((int) before);
    }

    @Test
    void shouldListTheAllowedActions_whenCompletingATaskNotStarted() {
        String id = requestTask("claire", "Saisie");
        post("marc", "/api/tasks/" + id + "/assignment", "{\"agent\": \"amina\"}");

        ResponseEntity<JsonNode> refused = post("amina", "/api/tasks/" + id + "/completion", "{\"timeSpentMinutes\": 5}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("currentState").asText()).isEqualTo("ASSIGNED");
        assertThat(refused.getBody().get("allowedActions").toString()).contains("START", "PUT_ON_HOLD", "CANCEL");
    }

    @Test
    void shouldAnswer404_toAnotherProvidersAgent_andAnotherRequester_exactlyAsForAMissingTask() {
        String id = requestTask("claire", "Paie de mars");
        post("marc", "/api/tasks/" + id + "/assignment", "{\"agent\": \"amina\"}");

        ResponseEntity<JsonNode> otherProvider = post("yann", "/api/tasks/" + id + "/start", null);
        ResponseEntity<JsonNode> otherRequester = post("paul", "/api/tasks/" + id + "/cancellation",
                "{\"reason\": \"pas à moi\"}");
        ResponseEntity<JsonNode> missing = post("paul", "/api/tasks/00000000-0000-4000-8000-000000000000/cancellation",
                "{\"reason\": \"x\"}");

        assertThat(otherProvider.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherRequester.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherRequester.getBody().get("type")).isEqualTo(missing.getBody().get("type"));
    }

    @Test
    void shouldRefuseAssigningAnAgentWithoutAnActiveEngagement() {
        String id = requestTask("claire", "CRM");

        ResponseEntity<JsonNode> refused = post("marc", "/api/tasks/" + id + "/assignment", "{\"agent\": \"yann\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("yann", "no active engagement");
        assertThat(storedTypes(id)).containsExactly("requested");
    }

    @Test
    void shouldReturnTheFirstAnswer_whenARequestIsRetriedWithTheSameIdempotencyKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "claire-retry-1");
        String body = "{\"title\": \"Facture Dupont\", \"type\": \"INVOICING\"}";

        ResponseEntity<JsonNode> first = post("claire", "/api/tasks", body, headers);
        ResponseEntity<JsonNode> retry = post("claire", "/api/tasks", body, headers);
        ResponseEntity<JsonNode> reused = post("claire", "/api/tasks", "{\"title\": \"Autre\", \"type\": \"INVOICING\"}",
                headers);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedTypes(first.getBody().get("id").asText())).containsExactly("requested");
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void shouldNeverLoseAnUpdate_underConcurrentCommandsOnOneTask() throws Exception {
        String id = requestTask("claire", "Relances en masse");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String reason = "escalade " + i;
                calls.add(() -> post("marc", "/api/tasks/" + id + "/escalation", "{\"reason\": \"" + reason + "\"}"));
            }
            int accepted = 0;
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls)) {
                HttpStatus status = HttpStatus.valueOf(answer.get().getStatusCode().value());
                assertThat(status).isIn(HttpStatus.OK, HttpStatus.CONFLICT, HttpStatus.TOO_MANY_REQUESTS);
                accepted += status == HttpStatus.OK ? 1 : 0;
            }
            List<Long> sequences = jdbc.sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?"
                    + " ORDER BY sequencenumber").param(id).query(Long.class).list();
            assertThat(sequences).hasSize(accepted + 1);
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseInvalidBodies_namingTheFields() {
        String id = requestTask("claire", "Validation");
        post("marc", "/api/tasks/" + id + "/assignment", "{\"agent\": \"amina\"}");
        post("amina", "/api/tasks/" + id + "/start", null);

        assertBadRequest(post("amina", "/api/tasks/" + id + "/completion", "{\"timeSpentMinutes\": -1}"),
                "'timeSpentMinutes'");
        assertBadRequest(post("marc", "/api/tasks/" + id + "/priority", "{\"priority\": \"URGENT\"}"),
                "[LOW, NORMAL, HIGH, CRITICAL]");
        assertBadRequest(post("marc", "/api/tasks/" + id + "/incidents", "{\"kind\": \"ERROR\", \"severity\": \"LOW\"}"),
                "'description'");
        assertBadRequest(post("claire", "/api/tasks", "{\"title\": \"x\"}"), "'type' is required");
        assertBadRequest(post("claire", "/api/tasks", "{\"title\": \"x\", \"type\": \"A\", \"slaPolicy\": \"SOON\"}"),
                "'slaPolicy'");
        assertBadRequest(post("marc", "/api/tasks/not-a-uuid/approval", null), "'id' must be a UUID");
        assertThat(storedTypes(id)).containsExactly("requested", "assigned", "started");
    }

    private String requestTask(String user, String title) {
        ResponseEntity<JsonNode> created = post(user, "/api/tasks", """
                {"title": "%s", "type": "SUPPORT_L1", "priority": "HIGH"}""".formatted(title));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private static void expectStatus(ResponseEntity<JsonNode> response, String status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("status").asText()).isEqualTo(status);
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> response, String detailPart) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return post(user, path, body, new HttpHeaders());
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body, HttpHeaders headers) {
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.withBasicAuth(user, "demo-" + user)
                .postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private List<String> storedTypes(String id) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(id).query(String.class).list().stream()
                .map(TaskLifecycleIT::eventName)
                .toList();
    }

    /** io.relais.contract.task.TaskPutOnHold → put-on-hold, IncidentReported → incident-reported */
    private static String eventName(String payloadType) {
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1).replaceFirst("^Task", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private List<ConsumerRecord<String, CloudEvent>> publishedFor(String id, int count) {
        Map<String, Object> props = KafkaTestUtils.consumerProps("lifecycle-" + id, "false", broker);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (Consumer<String, CloudEvent> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new CloudEventDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.TASKS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        records.add(record);
                    }
                });
                return records.size() >= count;
            });
        }
        return records;
    }
}
