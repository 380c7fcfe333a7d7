package io.relais.query.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.Topics;
import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.PersonalDataEnvelope;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.ContractEvents;
import io.relais.query.StandaloneQueryService;
import io.relais.query.access.AccessEvents;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import io.relais.testsupport.TestDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Issue 11, outbound webhooks: a local HTTP receiver (WireMock) stands in for Zapier and Make. The service runs as a
 * real application on a database and a broker of its own; the restart test closes it and starts another on the same
 * database and broker, as a redeployment would.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestDatabase DATABASE = TestDatabase.create("query_webhooks");
    private static final Instant AT = Instant.parse("2026-03-16T09:00:00Z");
    /** The receivers' clock, to check the signed timestamp against, as a receiver does. */
    private static final Clock RECEIVER_CLOCK = Clock.systemUTC();
    private static final int MAX_ATTEMPTS = 4;

    private static EmbeddedKafkaBroker broker;
    private static WireMockServer receiver;
    private static ConfigurableApplicationContext service;
    private static TestRestTemplate http;
    private static final List<DefaultKafkaProducerFactory<?, ?>> producers = new ArrayList<>();
    private static KafkaTemplate<String, CloudEvent> cloudEvents;
    private static KafkaTemplate<String, String> text;

    @BeforeAll
    static void start(EmbeddedKafkaBroker embeddedBroker) {
        broker = embeddedBroker;
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        startService();
        cloudEvents = template(new CloudEventSerializer());
        text = template(new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producers.forEach(DefaultKafkaProducerFactory::reset);
        if (service != null) {
            service.close();
        }
        receiver.stop();
    }

    @BeforeEach
    void receiverAnswers200() {
        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/zapier")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post(urlEqualTo("/make")).willReturn(aResponse().withStatus(202)));
    }

    /** Each test its own subscriptions: those of a finished test would receive the next test's events. */
    @AfterEach
    void deleteSubscriptions() {
        for (JsonNode subscription : asAdmin(HttpMethod.GET, "/api/webhooks/subscriptions", null).getBody()) {
            asAdmin(HttpMethod.DELETE, "/api/webhooks/subscriptions/" + subscription.get("id").asText(), null);
        }
    }

    @Test
    void shouldDeliverTaskEventsSlaAlertsAndAccessEvents_asSignedStructuredCloudEvents_toTheSubscriptionsAskingForThem()
            throws Exception {
        JsonNode zapier = subscribe("Zapier: tout", "/zapier",
                List.of("relais.task.*", "relais.sla-alert.breached.v1", "relais.access.*"));
        JsonNode make = subscribe("Make: incidents", "/make", List.of("relais.task.incident-reported.v1"));
        assertThat(zapier.get("secret").asText()).startsWith("whsec_");

        UUID taskId = UUID.randomUUID();
        String subject = DataSubjects.ofTask(taskId.toString());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TaskRequested requested = new TaskRequested(taskId.toString(),
                PersonalDataEnvelope.seal(key, subject, "title", "Relance client Dupont"), null, "PAYROLL",
                TaskPriority.HIGH, null, 0, "claire", Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                CalendarSpec.FRANCE_DEFAULT, AT.plusSeconds(86_400), AT);
        CloudEvent requestedEvent = TaskEvents.requestedEvent(requested, 0);
        CloudEvent incident = TaskEvents.incidentReported(taskId, 1, IncidentSeverity.HIGH, AT.plusSeconds(60));
        String grantId = UUID.randomUUID().toString();
        CloudEvent granted = ContractEvents.event(grantId, 0, AccessEvents.granted(grantId, "amina",
                "payroll-files", UUID.randomUUID().toString(), AT, AT.plusSeconds(86_400)), AccessEvents.ADMIN, AT);
        // a record that is no CloudEvent first: skipped, it holds nothing up behind it in its partition
        text.send(Topics.TASKS.name(), taskId.toString(), "not a CloudEvent at all").get();
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), requestedEvent).get();
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), incident).get();
        cloudEvents.send(Topics.ACCESS.name(), grantId, granted).get();
        publishAlert(taskId, SlaAlert.Kind.AT_RISK);
        publishAlert(taskId, SlaAlert.Kind.BREACHED);
        String breachedId = WebhookEvent.slaAlertId(taskId.toString(), SlaAlert.Kind.BREACHED);

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(zapier, "DELIVERED").size() == 4
                && deliveries(make, "DELIVERED").size() == 1);
        // nothing else was recorded: the at-risk alert was read before the breach (same partition, earlier offset),
        // so had it matched the filter, its delivery would be listed by now
        assertThat(deliveries(zapier, null)).hasSize(4);
        assertThat(received("/zapier")).hasSize(4);
        assertThat(received("/make")).hasSize(1);

        Map<String, LoggedRequest> toZapier = byEventId(received("/zapier"));
        assertThat(toZapier.keySet()).as("the subscription's filter: not the at-risk alert")
                .containsExactlyInAnyOrder(requestedEvent.getId(), incident.getId(), granted.getId(), breachedId);
        for (LoggedRequest request : toZapier.values()) {
            assertSigned(request, zapier.get("secret").asText());
            assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        }
        JsonNode task = JSON.readTree(toZapier.get(requestedEvent.getId()).getBodyAsString());
        assertThat(task.get("specversion").asText()).isEqualTo("1.0");
        assertThat(task.get("id").asText()).isEqualTo(requestedEvent.getId());
        assertThat(task.get("type").asText()).isEqualTo("relais.task.requested.v1");
        assertThat(task.get("source").asText()).isEqualTo("/relais/command-service");
        assertThat(task.get("subject").asText()).isEqualTo(taskId.toString());
        assertThat(task.get("actor").asText()).isEqualTo("claire");
        assertThat(task.at("/data/type").asText()).isEqualTo("PAYROLL");
        assertThat(task.at("/data/title").asText()).as("personal data stays sealed")
                .isEqualTo(requested.title()).startsWith("relais:enc:v1:");
        assertThat(toZapier.get(requestedEvent.getId()).getBodyAsString()).doesNotContain("Dupont");

        JsonNode alert = JSON.readTree(toZapier.get(breachedId).getBodyAsString());
        assertThat(alert.get("type").asText()).isEqualTo("relais.sla-alert.breached.v1");
        assertThat(alert.get("source").asText()).isEqualTo("/relais/kpi-streams");
        assertThat(alert.get("subject").asText()).isEqualTo(taskId.toString());
        assertThat(alert.at("/data/kind").asText()).isEqualTo("BREACHED");
        assertThat(alert.at("/data/budgetSeconds").asLong()).isEqualTo(28_800);

        JsonNode access = JSON.readTree(toZapier.get(granted.getId()).getBodyAsString());
        assertThat(access.get("type").asText()).isEqualTo("relais.access.granted.v1");
        assertThat(access.at("/data/grantId").asText()).isEqualTo(grantId);
        assertThat(access.at("/data/principal").asText()).isEqualTo("amina");

        LoggedRequest toMake = received("/make").get(0);
        assertThat(toMake.getHeader("webhook-id")).isEqualTo(incident.getId());
        assertSigned(toMake, make.get("secret").asText());
        assertThat(WebhookSignatures.verify(zapier.get("secret").asText(), toMake.getHeader("webhook-id"),
                toMake.getHeader("webhook-timestamp"), toMake.getBodyAsString(), toMake.getHeader("webhook-signature"),
                RECEIVER_CLOCK.instant(), WebhookSignatures.DEFAULT_TOLERANCE))
                .as("each subscription signs with its own secret").isFalse();
        assertThat(JSON.readTree(toMake.getBodyAsString()).at("/data/severity").asText()).isEqualTo("HIGH");

        JsonNode delivered = deliveries(make, "DELIVERED").get(0);
        assertThat(delivered.get("eventId").asText()).isEqualTo(incident.getId());
        assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.get("lastResponseCode").asInt()).isEqualTo(202);
        JsonNode detail = asAdmin(HttpMethod.GET, "/api/webhooks/deliveries/" + delivered.get("id").asText(), null)
                .getBody();
        assertThat(detail.get("event")).as("the body it sends, as sent")
                .isEqualTo(JSON.readTree(toMake.getBodyAsString()));
        assertThat(asAdmin(HttpMethod.GET, "/api/webhooks/subscriptions/" + make.get("id").asText(), null).getBody()
                .has("secret")).as("the secret is shown once").isFalse();
    }

    @Test
    void shouldDeliverOnTheThirdAttempt_whenTheReceiverFailsTwice_withEveryAttemptVisible() throws Exception {
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        JsonNode subscription = subscribe("Make: escalations", "/flaky", List.of("relais.task.escalated.v1"));
        UUID taskId = UUID.randomUUID();
        CloudEvent escalated = TaskEvents.escalated(taskId, 2, "Client mécontent", AT);

        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), escalated).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries(subscription, "DELIVERED").isEmpty());
        JsonNode delivery = deliveries(subscription, null).get(0);
        assertThat(delivery.get("eventId").asText()).isEqualTo(escalated.getId());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        List<JsonNode> attempts = attempts(delivery);
        assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(a -> a.get("responseCode").asInt()).containsExactly(500, 503, 200);
        assertThat(attempts).allSatisfy(a -> assertThat(a.get("latencyMs").asLong()).isNotNegative());
        assertThat(attempts.get(0).get("error").asText()).contains("500");
        assertThat(attempts.get(2).get("error").isNull()).isTrue();
        Instant first = Instant.parse(attempts.get(0).get("attemptedAt").asText());
        Instant second = Instant.parse(attempts.get(1).get("attemptedAt").asText());
        Instant third = Instant.parse(attempts.get(2).get("attemptedAt").asText());
        assertThat(Duration.between(first, second)).as("first back-off").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(second, third)).as("doubled").isGreaterThanOrEqualTo(Duration.ofMillis(400));
        List<LoggedRequest> requests = received("/flaky");
        assertThat(requests).hasSize(3)
                .allSatisfy(request -> assertThat(request.getHeader("webhook-id")).isEqualTo(escalated.getId()))
                .allSatisfy(request -> assertSigned(request, subscription.get("secret").asText()));
    }

    @Test
    void shouldDeadLetterAfterMaxAttempts_whenTheReceiverAlwaysFails_andRedeliverOnRequest() throws Exception {
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        JsonNode subscription = subscribe("Zapier: cancellations", "/down", List.of("relais.task.cancelled.v1"));
        UUID taskId = UUID.randomUUID();
        CloudEvent cancelled = TaskEvents.cancelled(taskId, 1, "Doublon", AT);

        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), cancelled).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries(subscription, "DEAD").isEmpty());
        JsonNode dead = deliveries(subscription, "DEAD").get(0);
        String deliveryId = dead.get("id").asText();
        assertThat(dead.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(dead.get("lastResponseCode").asInt()).isEqualTo(500);
        assertThat(dead.get("deadAt").isNull()).isFalse();
        assertThat(dead.get("nextAttemptAt").isNull()).as("no further attempt").isTrue();
        assertThat(attempts(dead)).extracting(a -> a.get("responseCode").asInt()).containsOnly(500)
                .hasSize(MAX_ATTEMPTS);
        assertThat(received("/down")).hasSize(MAX_ATTEMPTS);
        assertThat(ids(asAdmin(HttpMethod.GET, "/api/webhooks/dead-letters", null).getBody())).contains(deliveryId);

        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(204)));
        ResponseEntity<JsonNode> redelivery = asAdmin(HttpMethod.POST,
                "/api/webhooks/deliveries/" + deliveryId + "/redelivery", null);

        assertThat(redelivery.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redelivery.getBody().get("status").asText()).isIn("PENDING", "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries(subscription, "DELIVERED").isEmpty());
        assertThat(attempts(dead)).extracting(a -> a.get("responseCode").asInt()).hasSize(MAX_ATTEMPTS + 1)
                .endsWith(204);
        assertThat(received("/down")).hasSize(MAX_ATTEMPTS + 1).last()
                .satisfies(request -> assertThat(request.getHeader("webhook-id")).isEqualTo(cancelled.getId()));
        assertThat(ids(asAdmin(HttpMethod.GET, "/api/webhooks/dead-letters", null).getBody()))
                .doesNotContain(deliveryId);

        ResponseEntity<JsonNode> again = asAdmin(HttpMethod.POST,
                "/api/webhooks/deliveries/" + deliveryId + "/redelivery", null);
        assertProblem(again, HttpStatus.CONFLICT, "only a dead letter");
        assertThat(again.getBody().get("type").asText()).isEqualTo("urn:relais:problem:webhook-delivery-not-dead");
    }

    @Test
    void shouldLoseAndDuplicateNothing_acrossARestart_andRecordARepublishedEventOnce() throws Exception {
        receiver.stubFor(post(urlEqualTo("/crm")).willReturn(aResponse().withStatus(200)));
        JsonNode subscription = subscribe("CRM sync", "/crm", List.of("relais.task.*", "relais.sla-alert.*"));
        UUID before = UUID.randomUUID();
        CloudEvent beforeRestart = TaskEvents.started(before, 2, AT);
        cloudEvents.send(Topics.TASKS.name(), before.toString(), beforeRestart).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received("/crm").size() == 1);

        service.close();
        List<String> whileDown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID taskId = UUID.randomUUID();
            CloudEvent event = TaskEvents.putOnHold(taskId, 3, "En attente du client", AT.plusSeconds(i));
            cloudEvents.send(Topics.TASKS.name(), taskId.toString(), event).get();
            whileDown.add(event.getId());
        }
        publishAlert(before, SlaAlert.Kind.AT_RISK);
        whileDown.add(WebhookEvent.slaAlertId(before.toString(), SlaAlert.Kind.AT_RISK));
        // the same event published again (a producer retry, a relay re-sending after a crash) ...
        cloudEvents.send(Topics.TASKS.name(), before.toString(), beforeRestart).get();
        // ... then one more event of the same task, same partition: once it is delivered, the copy has been read
        CloudEvent sentinel = TaskEvents.resumed(before, 4, AT.plusSeconds(600));
        cloudEvents.send(Topics.TASKS.name(), before.toString(), sentinel).get();
        startService();

        await().atMost(Duration.ofSeconds(90)).until(() -> byEventId(received("/crm")).containsKey(sentinel.getId())
                && byEventId(received("/crm")).keySet().containsAll(whileDown));
        List<String> deliveredIds = received("/crm").stream().map(r -> r.getHeader("webhook-id")).toList();
        assertThat(deliveredIds).as("every event once, the republished one too")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concat(List.of(beforeRestart.getId(), sentinel.getId()),
                        whileDown));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription, "DELIVERED").size()
                == whileDown.size() + 2);
        assertThat(deliveries(subscription, null)).hasSize(whileDown.size() + 2);

        // and with the service up: the same SLA alert raised again gets no second delivery either
        publishAlert(before, SlaAlert.Kind.AT_RISK);
        CloudEvent last = TaskEvents.completed(before, 5, 30, AT.plusSeconds(900));
        publishAlert(before, SlaAlert.Kind.BREACHED);
        cloudEvents.send(Topics.TASKS.name(), before.toString(), last).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> byEventId(received("/crm")).keySet().containsAll(
                List.of(last.getId(), WebhookEvent.slaAlertId(before.toString(), SlaAlert.Kind.BREACHED))));
        assertThat(received("/crm").stream().map(r -> r.getHeader("webhook-id")).toList()).doesNotHaveDuplicates();
    }

    @Test
    void shouldSendNothingAgain_whenTheProjectionsAreRebuilt() throws Exception {
        receiver.stubFor(post(urlEqualTo("/crm")).willReturn(aResponse().withStatus(200)));
        JsonNode subscription = subscribe("CRM sync", "/crm", List.of("relais.task.*"));
        UUID taskId = UUID.randomUUID();
        CloudEvent started = TaskEvents.started(taskId, 2, AT);
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), started).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(subscription, "DELIVERED").size() == 1);

        ResponseEntity<JsonNode> rebuild = asAdmin(HttpMethod.POST, "/api/admin/projections/rebuild", null);
        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String job = "/api/admin/projections/rebuild/" + rebuild.getBody().get("id").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> asAdmin(HttpMethod.GET, job, null).getBody()
                .get("status").asText().equals("DONE"));
        JsonNode done = asAdmin(HttpMethod.GET, job, null).getBody();
        assertThat(done.get("listeners").toString()).as("the webhook listeners are not rebuilt")
                .doesNotContain("webhook");
        done.get("topics").forEach(progress -> assertThat(progress.get("group").asText())
                .as("the webhooks' consumer group keeps its offsets").doesNotEndWith("-webhooks"));
        assertThat(done.get("truncatedTables").toString()).doesNotContain("webhook");

        CloudEvent after = TaskEvents.completed(taskId, 3, 20, AT.plusSeconds(60));
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), after).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(subscription, "DELIVERED").size() == 2);
        assertThat(received("/crm")).extracting(request -> request.getHeader("webhook-id"))
                .as("sent once, before the rebuild; nothing sent again").containsExactly(started.getId(), after.getId());
    }

    @Test
    void shouldRefuseBadSubscriptions_withProblems_andNonAdmins_with403_writingNothing() {
        assertProblem(create(Map.of("name", "x", "url", "ftp://files.example.test/in",
                "eventTypes", List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "'url' must be an absolute http");
        assertProblem(create(Map.of("name", "x", "url", "http://169.254.169.254/latest/meta-data/",
                "eventTypes", List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "169.254.169.254, an internal address");
        assertProblem(create(Map.of("name", "x", "url", "http://10.20.30.40:8080/hook",
                "eventTypes", List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "RELAIS_WEBHOOKS_ALLOWED_PRIVATE_ADDRESSES");
        assertProblem(create(Map.of("name", "x", "url", "http://[::1]:" + receiver.port() + "/hook",
                "eventTypes", List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "an internal address");
        assertProblem(create(Map.of("name", "x", "url", "hooks.zapier.com/catch",
                "eventTypes", List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "no scheme");
        assertProblem(create(Map.of("name", "x", "url", "https://hooks zapier", "eventTypes",
                List.of("relais.task.*"))), HttpStatus.BAD_REQUEST, "'url'");
        ResponseEntity<JsonNode> unknownType = create(Map.of("name", "x", "url", "https://hook.eu1.make.com/abc",
                "eventTypes", List.of("relais.task.*", "relais.process.defined.v1", "task.*")));
        assertProblem(unknownType, HttpStatus.BAD_REQUEST, "Unknown event type");
        assertThat(unknownType.getBody().get("unknownEventTypes").toString())
                .isEqualTo("[\"relais.process.defined.v1\",\"task.*\"]");
        assertProblem(create(Map.of("name", "x", "url", "https://hook.eu1.make.com/abc",
                "eventTypes", List.of())), HttpStatus.BAD_REQUEST, "'eventTypes'");
        assertProblem(create(Map.of("name", "x", "url", "https://hook.eu1.make.com/abc",
                "eventTypes", List.of("relais.task.*"), "secret", "whsec_mine")), HttpStatus.BAD_REQUEST,
                "Unknown field 'secret'");
        assertThat(asAdmin(HttpMethod.GET, "/api/webhooks/subscriptions", null).getBody()).isEmpty();

        Map<String, Object> valid = Map.of("name", "x", "url", "https://hook.eu1.make.com/abc",
                "eventTypes", List.of("relais.task.*"));
        for (String user : List.of("marc", "audrey", "victor", "claire", "amina")) {
            ResponseEntity<JsonNode> refused = http.withBasicAuth(user, "demo-" + user).exchange(
                    "/api/webhooks/subscriptions", HttpMethod.POST, json(valid), JsonNode.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(http.withBasicAuth(user, "demo-" + user).getForEntity("/api/webhooks/dead-letters",
                    JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/webhooks/subscriptions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asAdmin(HttpMethod.GET, "/api/webhooks/subscriptions", null).getBody()).isEmpty();
        assertProblem(asAdmin(HttpMethod.GET, "/api/webhooks/subscriptions/" + UUID.randomUUID(), null),
                HttpStatus.NOT_FOUND, "No webhook subscription");
        assertProblem(asAdmin(HttpMethod.GET, "/api/webhooks/deliveries/" + UUID.randomUUID() + "/attempts", null),
                HttpStatus.NOT_FOUND, "No webhook delivery");
    }

    @Test
    void shouldRecordNothingForAPausedSubscription_andResumeWithTheEventsAfterIt_andSignWithARotatedSecret() throws Exception {
        JsonNode paused = subscribe("Zapier: ratings", "/zapier", List.of("relais.task.rated.v1"));
        JsonNode witness = subscribe("Make: ratings", "/make", List.of("relais.task.rated.v1"));
        assertThat(asAdmin(HttpMethod.POST, "/api/webhooks/subscriptions/" + paused.get("id").asText() + "/pause",
                null).getBody().get("active").asBoolean()).isFalse();
        UUID taskId = UUID.randomUUID();
        CloudEvent whilePaused = TaskEvents.rated(taskId, 6, 4, AT);
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), whilePaused).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received("/make").size() == 1);

        asAdmin(HttpMethod.POST, "/api/webhooks/subscriptions/" + paused.get("id").asText() + "/resume", null);
        CloudEvent afterResume = TaskEvents.rated(taskId, 7, 5, AT.plusSeconds(60));
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), afterResume).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received("/make").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/zapier").size() == 1);

        assertThat(received("/zapier").get(0).getHeader("webhook-id")).isEqualTo(afterResume.getId());
        assertThat(deliveries(paused, null)).extracting(d -> d.get("eventId").asText())
                .containsExactly(afterResume.getId());
        assertThat(deliveries(witness, null)).hasSize(2);

        JsonNode rotated = asAdmin(HttpMethod.POST, "/api/webhooks/subscriptions/" + paused.get("id").asText()
                + "/secret-rotation", null).getBody();
        String newSecret = rotated.get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(paused.get("secret").asText());
        CloudEvent afterRotation = TaskEvents.rated(taskId, 8, 3, AT.plusSeconds(120));
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), afterRotation).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received("/zapier").size() == 2);
        LoggedRequest signedAnew = byEventId(received("/zapier")).get(afterRotation.getId());
        assertSigned(signedAnew, newSecret);
        assertThat(WebhookSignatures.verify(paused.get("secret").asText(), signedAnew.getHeader("webhook-id"),
                signedAnew.getHeader("webhook-timestamp"), signedAnew.getBodyAsString(),
                signedAnew.getHeader("webhook-signature"), RECEIVER_CLOCK.instant(),
                WebhookSignatures.DEFAULT_TOLERANCE)).as("the old secret signs nothing any more").isFalse();
    }

    /**
     * The group's committed offsets lost (here deleted; in production dropped by the broker after
     * offsets.retention.minutes, or a new group id, or a reset): it starts over from the first record of each topic
     * (auto-offset-reset earliest). A subscription created meanwhile gets only what was appended after its creation; an
     * older one gets nothing twice (its keys).
     */
    @Test
    void shouldSendANewSubscriptionOnlyTheRecordsAppendedAfterItsCreation_whenTheWebhookGroupReadsTheTopicsAgain()
            throws Exception {
        receiver.stubFor(post(urlEqualTo("/crm")).willReturn(aResponse().withStatus(200)));
        JsonNode existing = subscribe("CRM sync", "/crm", List.of("relais.task.*"));
        UUID taskId = UUID.randomUUID();
        CloudEvent e0 = TaskEvents.started(taskId, 2, AT);
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), e0).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> byEventId(received("/crm")).containsKey(e0.getId()));

        JsonNode everything = subscribe("Zapier: everything", "/zapier", List.of("relais.*"));
        CloudEvent e1 = TaskEvents.completed(taskId, 3, 20, AT.plusSeconds(60));
        cloudEvents.send(Topics.TASKS.name(), taskId.toString(), e1).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> byEventId(received("/crm")).containsKey(e1.getId())
                && byEventId(received("/zapier")).containsKey(e1.getId()));

        String webhookGroup = service.getEnvironment().getRequiredProperty("spring.kafka.consumer.group-id")
                + "-webhooks";
        service.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            // retried while the coordinator still counts the closed service's consumers as members
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.deleteConsumerGroups(List.of(webhookGroup)).all().get();
                return true;
            });
            assertThat(admin.listConsumerGroupOffsets(webhookGroup).partitionsToOffsetAndMetadata().get())
                    .as("no committed offset left: the group starts from the first records").isEmpty();
            startService();

            await().atMost(Duration.ofSeconds(90)).until(() -> readToTheEnd(admin, webhookGroup));
        }
        // the dispatcher polls every 100 ms: what the re-read recorded is sent (or still pending) by now
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(everything, "PENDING").isEmpty()
                && deliveries(existing, "PENDING").isEmpty());
        assertThat(received("/zapier")).extracting(request -> request.getHeader("webhook-id"))
                .as("only what was appended after its creation, not the history read again")
                .containsExactly(e1.getId());
        assertThat(deliveries(everything, null)).extracting(delivery -> delivery.get("eventId").asText())
                .containsExactly(e1.getId());
        assertThat(received("/crm")).extracting(request -> request.getHeader("webhook-id"))
                .as("the older subscription: each once, read twice").containsExactlyInAnyOrder(e0.getId(), e1.getId());
        assertThat(deliveries(existing, null)).hasSize(2);
    }

    // --- helpers

    private static void startService() {
        service = StandaloneQueryService.start(DATABASE, broker,
                "relais.kafka.retry-initial-interval=100ms",
                "relais.kafka.retry-max-interval=200ms",
                "relais.webhooks.poll-interval=100ms",
                "relais.webhooks.timeout=5s",
                "relais.webhooks.max-attempts=" + MAX_ATTEMPTS,
                "relais.webhooks.backoff-initial=200ms",
                "relais.webhooks.backoff-multiplier=2",
                "relais.webhooks.backoff-max=1s",
                // WireMock, the receiver, listens on the loopback: allowed as a self-hosted receiver would be
                "relais.webhooks.allowed-private-addresses=127.0.0.1");
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }

    /** The group has committed, on every partition of the topics the webhooks read, the partition's end. */
    private static boolean readToTheEnd(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        admin.describeTopics(WebhookStartOffsets.TOPICS).allTopicNames().get().values().forEach(topic ->
                topic.partitions().forEach(partition -> latest.put(
                        new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                || committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    private static <V> KafkaTemplate<String, V> template(Serializer<V> values) {
        var factory = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                values);
        producers.add(factory);
        return new KafkaTemplate<>(factory);
    }

    private static void publishAlert(UUID taskId, SlaAlert.Kind kind) throws Exception {
        SlaAlert alert = new SlaAlert(taskId.toString(), kind, "PAYROLL", TaskPriority.HIGH, null, "backoffice-pro",
                "CALENDAR_HOURS(8)", AT, AT.plus(Duration.ofHours(8)), AT.plus(Duration.ofHours(8)),
                AT.plus(Duration.ofHours(8)), 28_800, 28_800);
        text.send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), alert.taskId(),
                ContractJson.mapper().writeValueAsString(alert))).get();
    }

    private JsonNode subscribe(String name, String path, List<String> eventTypes) {
        ResponseEntity<JsonNode> created = create(Map.of("name", name, "url", receiver.baseUrl() + path,
                "eventTypes", eventTypes));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().toString())
                .isEqualTo("/api/webhooks/subscriptions/" + created.getBody().get("id").asText());
        assertThat(created.getBody().get("active").asBoolean()).isTrue();
        return created.getBody();
    }

    private ResponseEntity<JsonNode> create(Map<String, Object> body) {
        return asAdmin(HttpMethod.POST, "/api/webhooks/subscriptions", body);
    }

    private static ResponseEntity<JsonNode> asAdmin(HttpMethod method, String path, Object body) {
        return http.withBasicAuth("admin", "demo-admin").exchange(path, method, json(body), JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private List<JsonNode> deliveries(JsonNode subscription, String status) {
        String path = "/api/webhooks/subscriptions/" + subscription.get("id").asText() + "/deliveries"
                + (status == null ? "" : "?status=" + status);
        ResponseEntity<JsonNode> answer = asAdmin(HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> list = new ArrayList<>();
        answer.getBody().forEach(list::add);
        return list;
    }

    private List<JsonNode> attempts(JsonNode delivery) {
        List<JsonNode> list = new ArrayList<>();
        asAdmin(HttpMethod.GET, "/api/webhooks/deliveries/" + delivery.get("id").asText() + "/attempts", null)
                .getBody().forEach(list::add);
        return list;
    }

    private static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static Map<String, LoggedRequest> byEventId(List<LoggedRequest> requests) {
        Map<String, LoggedRequest> byId = new java.util.LinkedHashMap<>();
        requests.forEach(request -> byId.put(request.getHeader("webhook-id"), request));
        return byId;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** As a receiver checks it: the signature over id, timestamp and the raw body, and a recent timestamp. */
    private static void assertSigned(LoggedRequest request, String secret) {
        assertThat(WebhookSignatures.verify(secret, request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getBodyAsString(), request.getHeader("webhook-signature"),
                RECEIVER_CLOCK.instant(), WebhookSignatures.DEFAULT_TOLERANCE))
                .as("signature of " + request.getHeader("webhook-id")).isTrue();
        assertThat(request.getHeader("webhook-id")).as("the id receivers dedupe on is the event's")
                .isEqualTo(readId(request.getBodyAsString()));
    }

    private static String readId(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
