package io.relais.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.testsupport.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The walking skeleton end to end: the three packaged services, each in its own JVM as the run command
 * starts them, against one real Kafka broker (KRaft, in this test's JVM) and the real PostgreSQL.
 */
class TaskFlowEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path LOGS = Path.of("target", "e2e-logs");

    private static EmbeddedKafkaBroker broker;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;

    @BeforeAll
    static void startTheSystem() throws Exception {
        // a single broker: internal topics (offsets, transactions of the exactly-once streams) must say so
        broker = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(Map.of(
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();

        TestDatabase commandDatabase = TestDatabase.create("e2e_command");
        TestDatabase queryDatabase = TestDatabase.create("e2e_query");
        Map<String, String> environment = new HashMap<>();
        environment.put("RELAIS_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
        environment.put("RELAIS_DB_USER", commandDatabase.user());
        environment.put("RELAIS_DB_PASSWORD", commandDatabase.password());
        environment.put("RELAIS_COMMAND_DB_URL", commandDatabase.url());
        environment.put("RELAIS_QUERY_DB_URL", queryDatabase.url());
        environment.put("RELAIS_COMMAND_PORT", Integer.toString(ServiceProcess.freePort()));
        environment.put("RELAIS_QUERY_PORT", Integer.toString(ServiceProcess.freePort()));
        environment.put("RELAIS_KPI_PORT", Integer.toString(ServiceProcess.freePort()));
        environment.put("RELAIS_KPI_STATE_DIR", Files.createTempDirectory("relais-kpi-e2e").toString());
        environment.put("RELAIS_KPI_APPLICATION_ID", "relais-kpi-e2e-" + UUID.randomUUID());
        environment.put("RELAIS_AUDIT_HEAD_INTERVAL", "1s");
        environment.put("RELAIS_QUERY_PUBLIC_URL", "http://127.0.0.1:" + environment.get("RELAIS_QUERY_PORT"));

        for (String name : List.of("command-service", "query-service", "kpi-streams")) {
            services.add(ServiceProcess.start(name, environment, LOGS));
        }
        commandService = services.get(0);
        queryService = services.get(1);

        long start = System.nanoTime();
        for (ServiceProcess service : services) {
            await(service.name() + " ready (log: " + service.log() + ")")
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(service::isReady);
        }
        System.out.printf("[e2e] three services ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldShowAPostedTask_inTheQueryApiAndTheKpi_withinSeconds() throws Exception {
        String type = "E2E_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long posted = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(commandService.url("/api/tasks"))
                .header("Authorization", basic("claire"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Mettre à jour le CRM", "type": "%s", "priority": "CRITICAL"}""".formatted(type)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).isEqualTo(queryService.url("/api/tasks/" + id).toString()));

        JsonNode task = await("task " + id + " visible in query-service").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> get(queryService, "/api/tasks/" + id, "claire"), response -> response != null);
        System.out.printf("[e2e] POST -> visible in query-service: %d ms%n", (System.nanoTime() - posted) / 1_000_000);
        assertThat(task.get("taskId").asText()).isEqualTo(id);
        assertThat(task.get("title").asText()).isEqualTo("Mettre à jour le CRM");
        assertThat(task.get("type").asText()).isEqualTo(type);
        assertThat(task.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(task.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(task.get("requestedBy").asText()).as("the authenticated caller").isEqualTo("claire");
        assertThat(get(queryService, "/api/tasks/" + id, "paul")).as("another requester's task").isNull();

        JsonNode kpi = await("tasks-requested KPI for " + type).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> requestedKpiFor(type), value -> value != null);
        System.out.printf("[e2e] POST -> KPI visible: %d ms%n", (System.nanoTime() - posted) / 1_000_000);
        assertThat(kpi.get("value").asDouble()).isEqualTo(1.0);
    }

    private static JsonNode requestedKpiFor(String type) throws Exception {
        JsonNode kpis = get(queryService, "/api/kpis", "marc");
        if (kpis == null) {
            return null;
        }
        for (JsonNode kpi : kpis) {
            if ("tasks-requested".equals(kpi.path("kpi").asText()) && type.equals(kpi.path("group").asText())) {
                return kpi;
            }
        }
        return null;
    }

    @Test
    void shouldShowAWholeLifecycleInTheQueryService_andLetAPlainKafkaClientReadItInOrder() throws Exception {
        HttpResponse<String> engagement = post("admin", "/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["amina"], "internalHourlyRate": 45.00,
                 "providerHourlyRate": 18.00, "dpaSigned": true, "startsOn": "2026-01-01", "plannedEndOn": "2099-12-31"}""");
        assertThat(engagement.statusCode()).as(engagement.body()).isEqualTo(201);
        String id = JSON.readTree(post("claire", "/api/tasks", """
                {"title": "Relancer les factures impayées", "type": "PAYMENT_REMINDER", "priority": "HIGH"}""").body())
                .get("id").asText();
        String task = "/api/tasks/" + id;
        List<String[]> steps = List.of(
                new String[] {"marc", task + "/assignment", "{\"agent\": \"amina\"}"},
                new String[] {"amina", task + "/start", null},
                new String[] {"amina", task + "/hold", "{\"reason\": \"Relevé manquant\"}"},
                new String[] {"amina", task + "/resumption", null},
                new String[] {"amina", task + "/completion", "{\"timeSpentMinutes\": 30}"},
                new String[] {"marc", task + "/rework", "{\"reason\": \"Montant faux\"}"},
                new String[] {"amina", task + "/completion", "{\"timeSpentMinutes\": 15}"},
                new String[] {"marc", task + "/approval", null},
                new String[] {"claire", task + "/rating", "{\"rating\": 9}"});
        for (String[] step : steps) {
            HttpResponse<String> answer = post(step[0], step[1], step[2]);
            assertThat(answer.statusCode()).as(step[1] + " " + answer.body()).isEqualTo(200);
        }

        JsonNode projected = await("lifecycle of " + id + " projected").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get(queryService, task, "claire"),
                        view -> view != null && view.path("rating").asInt(-1) == 9);
        assertThat(projected.get("status").asText()).isEqualTo("APPROVED");
        assertThat(projected.get("timeSpentMinutes").asInt()).isEqualTo(45);
        assertThat(projected.get("reworkCount").asInt()).isEqualTo(1);
        assertThat(projected.get("assignedAgent").asText()).isEqualTo("amina");
        JsonNode timeline = get(queryService, task + "/timeline", "amina");
        assertThat(timeline).as("the assigned provider's agent sees the timeline").isNotNull();
        List<String> actors = new ArrayList<>();
        timeline.forEach(row -> actors.add(row.get("actor").asText()));
        assertThat(actors).containsExactly("claire", "marc", "amina", "amina", "amina", "amina", "marc", "amina",
                "marc", "claire");

        assertThat(plainKafkaHistory(id)).containsExactly("relais.task.requested.v1", "relais.task.assigned.v1",
                "relais.task.started.v1", "relais.task.put-on-hold.v1", "relais.task.resumed.v1",
                "relais.task.completed.v1", "relais.task.rework-requested.v1", "relais.task.completed.v1",
                "relais.task.approved.v1", "relais.task.rated.v1");
    }

    /**
     * A subscriber with nothing of Relais: the plain Kafka client, reading the ce_type header of the task's
     * records in topic order (a task's events share a key, hence a partition, hence an order).
     */
    private static List<String> plainKafkaHistory(String taskId) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", broker.getBrokersAsString());
        settings.put("group.id", "plain-reader-" + taskId);
        settings.put("auto.offset.reset", "earliest");
        settings.put("isolation.level", "read_committed");
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("relais.tasks.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (taskId.equals(record.key())) {
                        types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
                return types.size() >= 10;
            });
        }
        return types;
    }

    private static HttpResponse<String> post(String user, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(commandService.url(path))
                .header("Authorization", basic(user));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The chain the relay computes over the event store is the one the query side recomputes over its copy of the
     * topics: same bytes, same fields, same order; and the signed head the command side publishes vouches for both.
     */
    @Test
    void shouldVerifyTheEventChain_overTheEventStore_andOverTheQuerySidesCopy() throws Exception {
        HttpResponse<String> task = HTTP.send(HttpRequest.newBuilder(commandService.url("/api/tasks"))
                .header("Authorization", basic("claire")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Chaîne\", \"type\": \"AUDIT_CHECK\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> grant = HTTP.send(HttpRequest.newBuilder(commandService.url("/api/access/grants"))
                .header("Authorization", basic("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"principal": "marc", "resource": "payroll-folder", "level": "READ", "purpose": "Paie"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(task.statusCode()).isEqualTo(201);
        assertThat(grant.statusCode()).isEqualTo(201);

        JsonNode commandSide = await("the event store's chain verifies, all events linked").atMost(Duration.ofSeconds(30))
                .until(() -> get(commandService, "/api/audit/verification", "audrey"),
                        v -> v != null && v.get("status").asText().equals("VALID") && v.get("unchainedEvents").asLong() == 0
                                && v.path("head").path("matches").asBoolean());
        long links = commandSide.get("chainLength").asLong();
        JsonNode querySide = await("the query side's copy verifies against the signed head").atMost(Duration.ofSeconds(30))
                .until(() -> get(queryService, "/api/audit/verification", "audrey"),
                        v -> v != null && v.get("status").asText().equals("VALID")
                                && v.path("head").path("result").asText().equals("MATCHES")
                                && v.get("eventsChecked").asLong() >= links);

        assertThat(querySide.get("breach").isNull()).isTrue();
        assertThat(querySide.get("lastHash").asText()).hasSize(64);
    }

    @Test
    void shouldRefuseABodyThatNamesTheRequester_andWriteNothing() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(commandService.url("/api/tasks"))
                .header("Authorization", basic("claire"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Usurpation", "type": "INVOICING", "requestedBy": "paul"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("Unknown field 'requestedBy'");
    }

    /** The demo users' documented password ("demo-" + name). */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode get(ServiceProcess service, String path, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.url(path))
                        .header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
