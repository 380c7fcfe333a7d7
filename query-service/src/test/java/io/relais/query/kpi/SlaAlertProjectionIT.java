package io.relais.query.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.projection.ContractJson;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** SLA alerts as kpi-streams publishes them (plain JSON, key = task id), read back through GET /api/sla-alerts. */
class SlaAlertProjectionIT extends IntegrationTestSupport {

    private static final Instant REQUESTED = Instant.parse("2026-03-16T08:00:00Z");

    @Test
    void shouldListAlertsNewestFirst_filteredByKind_andOnceEach_whenReDelivered() throws Exception {
        String type = "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String taskId = UUID.randomUUID().toString();
        SlaAlert atRisk = alert(taskId, type, SlaAlert.Kind.AT_RISK, REQUESTED.plus(Duration.ofMinutes(48)));
        SlaAlert breached = alert(taskId, type, SlaAlert.Kind.BREACHED, REQUESTED.plus(Duration.ofHours(1)));

        send(atRisk);
        send(breached);
        send(breached);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(type, "").size() == 2);
        JsonNode all = alertsOf(type, "");
        assertThat(all.get(0).get("kind").asText()).isEqualTo("BREACHED");
        assertThat(all.get(0).get("crossedAt").asText()).isEqualTo("2026-03-16T09:00:00Z");
        assertThat(all.get(0).get("budgetSeconds").asLong()).isEqualTo(3600);
        assertThat(alertsOf(type, "&kind=AT_RISK")).hasSize(1);
        // the task is not in the task projection: its alerts count as open
        assertThat(alertsOf(type, "&open=true")).hasSize(2);
        assertThat(alertsOf(type, "&open=false")).isEmpty();
    }

    @Test
    void shouldRefuseRequesters_andRejectAnUnknownKind() {
        assertThat(getAs("claire", "/api/sla-alerts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/sla-alerts?kind=LATE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode alertsOf(String type, String filters) {
        JsonNode all = get("/api/sla-alerts?limit=5000" + filters).getBody();
        var ofType = ContractJson.mapper().createArrayNode();
        all.forEach(node -> {
            if (type.equals(node.path("type").asText())) {
                ofType.add(node);
            }
        });
        return ofType;
    }

    private void send(SlaAlert alert) throws Exception {
        text().send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), alert.taskId(),
                ContractJson.mapper().writeValueAsString(alert))).get();
    }

    private static SlaAlert alert(String taskId, String type, SlaAlert.Kind kind, Instant crossedAt) {
        return new SlaAlert(taskId, kind, type, TaskPriority.HIGH, null, "Assistance Plus", "CALENDAR_HOURS(1)",
                REQUESTED, REQUESTED.plus(Duration.ofHours(1)), crossedAt, crossedAt.plusSeconds(1),
                Duration.between(REQUESTED, crossedAt).getSeconds() + 1, 3600);
    }
}
