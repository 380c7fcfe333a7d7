package io.relais.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/live read by a plain HTTP client: a task change arrives once committed, only to callers who may see the
 * task; KPIs and SLA alerts only to the roles that read them.
 */
class LiveUpdatesIT extends IntegrationTestSupport {

    @Autowired
    LiveUpdates live;
    @Value("${relais.live.max-subscribers}")
    int maxSubscribers;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-05-04T07:00:00Z");

    @Test
    void shouldPushATaskChangeAfterCommitAndOnlyToCallersWhoMaySeeTheTask() throws Exception {
        UUID id = UUID.randomUUID();
        try (SseClient marc = SseClient.connect(baseUrl(), "marc");
             SseClient yann = SseClient.connect(baseUrl(), "yann");
             SseClient claire = SseClient.connect(baseUrl(), "claire")) {
            assertThat(marc.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));

            cloudEvents().send(Topics.TASKS.name(), id.toString(), TaskEvents.requestedEvent(
                    TaskEvents.requested(id, "Relance client Dupont", "PAYMENT_REMINDER", T0), 0)).get();

            SseClient.Event requested = marc.await(task(id, 0), WAIT);
            assertThat(requested.data().get("status").asText()).isEqualTo("REQUESTED");
            // pushed after commit: the change is readable the moment it is announced
            ResponseEntity<JsonNode> read = get("/api/tasks/" + id);
            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody().get("version").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(requested.data().has("title")).as("no personal field is pushed").isFalse();
            assertThat(claire.await(task(id, 0), WAIT).data().get("status").asText())
                    .as("the requester sees her own task").isEqualTo("REQUESTED");

            // assigned to yann's organisation: from this event on, yann may see the task
            cloudEvents().send(Topics.TASKS.name(), id.toString(),
                    TaskEvents.assigned(id, 1, "yann", "assistance-plus", T0.plusSeconds(60))).get();
            SseClient.Event assigned = yann.await(task(id, 1), WAIT);
            assertThat(assigned.data().get("status").asText()).isEqualTo("ASSIGNED");
            marc.await(task(id, 1), WAIT);
            // one partition per task, one queue per stream: had yann received the request, it would come first
            assertThat(yann.events()).filteredOn(task(id, 0)).as("yann may not see the task before").isEmpty();

            // completed by yann's organisation is still his; a task of another provider never reaches him
            UUID other = UUID.randomUUID();
            cloudEvents().send(Topics.TASKS.name(), other.toString(), TaskEvents.requestedEvent(
                    TaskEvents.requested(other, "Saisie des notes de frais", "DATA_ENTRY", T0), 0)).get();
            cloudEvents().send(Topics.TASKS.name(), other.toString(),
                    TaskEvents.assigned(other, 1, "amina", "backoffice-pro", T0.plusSeconds(60))).get();
            cloudEvents().send(Topics.TASKS.name(), id.toString(),
                    TaskEvents.completed(id, 2, 20, T0.plusSeconds(120))).get();
            marc.await(task(other, 1), WAIT);
            assertThat(yann.await(task(id, 2), WAIT).data().get("status").asText()).isEqualTo("DONE");
            assertThat(yann.events()).filteredOn(event -> event.name().equals("task"))
                    .extracting(event -> event.data().get("taskId").asText())
                    .as("only the task assigned to assistance-plus").containsOnly(id.toString());
            assertThat(yann.events()).filteredOn(event -> event.name().equals("kpi")
                    || event.name().equals("sla-alert")).as("an agent reads no KPI").isEmpty();
        }
    }

    @Test
    void shouldPushSlaAlertsAndKpisToTheRolesThatReadThemOnly() throws Exception {
        String taskId = UUID.randomUUID().toString();
        try (SseClient viewer = SseClient.connect(baseUrl(), "victor");
             SseClient agent = SseClient.connect(baseUrl(), "amina")) {
            SlaAlert alert = new SlaAlert(taskId, SlaAlert.Kind.BREACHED, "LIVE_TEST", TaskPriority.CRITICAL, null,
                    "backoffice-pro", "CALENDAR_HOURS(1)", T0, T0.plusSeconds(3600), T0.plusSeconds(3600),
                    T0.plusSeconds(3601), 3601, 3600);
            text().send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), taskId,
                    ContractJson.mapper().writeValueAsString(alert))).get();
            SseClient.Event pushed = viewer.await(event -> event.name().equals("sla-alert")
                    && event.data().get("taskId").asText().equals(taskId), WAIT);
            assertThat(pushed.data().get("kind").asText()).isEqualTo("BREACHED");
            assertThat(pushed.data().get("dueAt").asText()).isEqualTo(T0.plusSeconds(3600).toString());
            List<JsonNode> stored = List.of(get("/api/sla-alerts?kind=BREACHED").getBody().findParents("taskId")
                    .stream().filter(node -> node.get("taskId").asText().equals(taskId)).toArray(JsonNode[]::new));
            assertThat(stored).as("stored before it was pushed").hasSize(1);

            String group = "live-" + UUID.randomUUID();
            KpiValue value = new KpiValue(Kpis.THROUGHPUT, Kpis.BY_TASK_TYPE, group, T0, T0.plus(Duration.ofDays(1)), 7);
            text().send(new ProducerRecord<>(Topics.KPIS.name(), value.key(),
                    ContractJson.mapper().writeValueAsString(value))).get();
            SseClient.Event kpi = viewer.await(event -> event.name().equals("kpi")
                    && event.data().get("group").asText().equals(group), WAIT);
            assertThat(kpi.data().get("key").asText()).isEqualTo(value.key());
            assertThat(kpi.data().get("value").asDouble()).isEqualTo(7.0);

            assertThat(agent.events()).extracting(SseClient.Event::name).as("an agent reads no KPI nor alert")
                    .containsOnly("ready");
        }
    }

    @Test
    void shouldEndOpenStreamsAndForgetThem_whenTheServiceStops() throws Exception {
        int before = live.subscriberCount();
        try (SseClient marc = SseClient.connect(baseUrl(), "marc")) {
            assertThat(live.subscriberCount()).isEqualTo(before + 1);
            live.closeAll(); // what the context's shutdown does, so that graceful shutdown is not held up
            assertThat(marc.ended(WAIT)).as("the stream ended").isTrue();
            assertThat(live.subscriberCount()).isZero();
        }
    }

    @Test
    void shouldAnswer503WithAProblem_whenEveryStreamSlotIsTaken() throws Exception {
        try {
            // the slots taken in-process (as many HTTP streams would, without as many password checks)
            Actor viewer = new Actor("victor", Set.of(Role.VIEWER), "acme");
            while (live.subscriberCount() < maxSubscribers) {
                live.subscribe(viewer);
            }
            var refused = SseClient.open(baseUrl(), "marc");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:relais:problem:temporarily-unavailable");
            assertThat(problem.get("detail").asText()).contains(maxSubscribers + " live update streams");
        } finally {
            live.closeAll();
        }
    }

    @Test
    void shouldAnswer401ToAnonymousCallersAndKeepUnknownApiPathsAProblem() {
        var anonymous = SseClient.open(baseUrl(), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertProblem(get("/api/no-such-thing"), HttpStatus.NOT_FOUND, "");
    }

    private String baseUrl() {
        return http.getRootUri();
    }

    private static java.util.function.Predicate<SseClient.Event> task(UUID id, long version) {
        return event -> event.name().equals("task") && event.data().get("taskId").asText().equals(id.toString())
                && event.data().get("version").asLong() == version;
    }
}
