package io.relais.query.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import io.relais.testsupport.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11, the Slack part: SLA alerts, escalations and incidents posted to incoming webhooks (a local HTTP server
 * standing in for Slack), routed per provider, in Block Kit, without personal data, retried until Slack takes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class SlackNotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Post> POSTS = new CopyOnWriteArrayList<>();
    /** The default channel refuses its first post, as Slack does when it is down. */
    private static final AtomicInteger REFUSALS_LEFT = new AtomicInteger(1);
    private static final HttpServer SLACK = slack();

    /**
     * A context of its own (Slack on), with a broker and a database of its own: not IntegrationTestSupport's shared
     * database, which must hold only what the shared broker carried (the rebuild test replays that broker).
     */
    private static final TestDatabase DATABASE = TestDatabase.create("query_slack");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void slackWebhooks(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
        registry.add("relais.personal-data.keys-url", DATABASE::url);
        registry.add("relais.personal-data.keys-user", DATABASE::user);
        registry.add("relais.personal-data.keys-password", DATABASE::password);
        String base = "http://127.0.0.1:" + SLACK.getAddress().getPort();
        registry.add("relais.slack.webhook-url", () -> base + "/default");
        registry.add("relais.slack.by-provider.assistance-plus", () -> base + "/assistance-plus");
        registry.add("relais.slack.dashboard-url", () -> "http://relais.example.test/dashboard/");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop(0);
    }

    @Test
    void shouldPostAlertsEscalationsAndIncidents_toTheirChannel_withoutPersonalData_onceSlackTakesThem()
            throws Exception {
        KafkaTemplate<String, CloudEvent> cloudEvents = template(new CloudEventSerializer());
        KafkaTemplate<String, String> text = template(new StringSerializer());
        UUID taskId = UUID.randomUUID();
        String type = "SLACK_" + taskId.toString().substring(0, 8).toUpperCase();
        Instant at = Instant.parse("2026-03-16T09:00:00Z");
        String title = "Relancer M. Dupont " + taskId;
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), TaskEvents.requestedEvent(
                TaskEvents.requested(taskId, title, type, at), 0)).get();
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(),
                TaskEvents.assigned(taskId, 1, "amina", "backoffice-pro", at.plusSeconds(60))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/tasks/" + taskId).getStatusCode().is2xxSuccessful()
                && get("/api/tasks/" + taskId).getBody().get("version").asLong() == 1);
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(),
                TaskEvents.escalated(taskId, 2, "Client furieux, rappeler Mme Martin", at.plusSeconds(120))).get();
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(),
                TaskEvents.incidentReported(taskId, 3, IncidentSeverity.HIGH, at.plusSeconds(180))).get();
        SlaAlert breached = new SlaAlert(taskId.toString(), SlaAlert.Kind.BREACHED, type, TaskPriority.CRITICAL, null,
                "assistance-plus", "CALENDAR_HOURS(8)", at, at.plus(Duration.ofHours(8)), at.plus(Duration.ofHours(8)),
                at.plus(Duration.ofHours(8)), 28_800, 28_800);
        text.send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), breached.taskId(),
                ContractJson.mapper().writeValueAsString(breached))).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> accepted(taskId).size() == 3);
        List<Post> posts = accepted(taskId);

        Post alert = posts.stream().filter(p -> p.path().equals("/assistance-plus")).findFirst().orElseThrow();
        assertThat(alert.body().get("blocks").get(0).get("text").get("text").asText()).isEqualTo("🔴 SLA dépassé");
        assertThat(alert.body().get("blocks").get(1).get("fields").toString()).contains(type, "CRITICAL",
                "CALENDAR_HOURS(8)", "100 %", "assistance-plus");
        assertThat(alert.body().get("blocks").get(2).get("elements").get(0).get("url").asText())
                .isEqualTo("http://relais.example.test/dashboard/");

        List<Post> toDefault = posts.stream().filter(p -> p.path().equals("/default")).toList();
        assertThat(toDefault).extracting(p -> p.body().get("blocks").get(0).get("text").get("text").asText())
                .as("escalation then incident, each once, in the task's order")
                .containsExactly("🚨 Escalade", "⚠️ Incident HIGH");
        assertThat(toDefault.get(0).body().get("blocks").get(1).get("fields").toString())
                .as("the owner, read from the task projection").contains("amina", "backoffice-pro");
        assertThat(POSTS.stream().filter(p -> p.status() == 500)).as("Slack's refusal was retried").hasSize(1);
        assertThat(posts).allSatisfy(post -> assertThat(post.body().toString())
                .doesNotContain("Dupont", "Martin", "mauvais destinataire"));
    }

    private <V> KafkaTemplate<String, V> template(Serializer<V> values) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), values));
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.withBasicAuth("marc", "demo-marc").getForEntity(path, JsonNode.class);
    }

    private static List<Post> accepted(UUID taskId) {
        return POSTS.stream().filter(p -> p.status() == 200 && p.body().toString()
                .contains(taskId.toString().substring(0, 8))).toList();
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = exchange.getRequestURI().getPath().equals("/default")
                        && REFUSALS_LEFT.getAndDecrement() > 0 ? 500 : 200;
                POSTS.add(new Post(exchange.getRequestURI().getPath(), JSON.readTree(body), status));
                byte[] answer = (status == 200 ? "ok" : "internal_error").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Post(String path, JsonNode body, int status) {
    }
}
