package io.relais.query.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import io.relais.testsupport.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
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
 * Issue 11, the Slack part: SLA alerts, escalations and incidents posted to incoming webhooks (WireMock standing in
 * for Slack), routed per provider, in Block Kit, without personal data, retried until Slack takes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class SlackNotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer SLACK = slack();

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
        String base = SLACK.baseUrl();
        registry.add("relais.slack.webhook-url", () -> base + "/default");
        registry.add("relais.slack.by-provider.assistance-plus", () -> base + "/assistance-plus");
        registry.add("relais.slack.dashboard-url", () -> "http://relais.example.test/dashboard/");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop();
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
        assertThat(posts().stream().filter(p -> p.status() == 500)).as("Slack's refusal was retried").hasSize(1);
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
        return posts().stream().filter(p -> p.status() == 200 && p.body().toString()
                .contains(taskId.toString().substring(0, 8))).toList();
    }

    /** What Slack received, in the order it received it. */
    private static List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        for (ServeEvent served : SLACK.getAllServeEvents()) {
            try {
                posts.add(new Post(served.getRequest().getUrl(), JSON.readTree(served.getRequest().getBodyAsString()),
                        served.getResponse().getStatus()));
            } catch (IOException notJson) {
                throw new AssertionError("Slack received a body that is not JSON", notJson);
            }
        }
        Collections.reverse(posts);
        return posts;
    }

    /** Two channels; the default one refuses its first post, as Slack does when it is down. */
    private static WireMockServer slack() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post("/default").inScenario("default channel").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("internal_error")).willSetStateTo("up"));
        server.stubFor(post("/default").inScenario("default channel").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        server.stubFor(post("/assistance-plus").willReturn(aResponse().withStatus(200).withBody("ok")));
        return server;
    }

    private record Post(String path, JsonNode body, int status) {
    }
}
