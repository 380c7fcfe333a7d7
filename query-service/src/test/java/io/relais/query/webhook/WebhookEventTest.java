package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.query.ContractEvents;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import io.relais.query.task.TaskEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-16T09:00:00Z");

    @Test
    void shouldCarryEveryAttributeAndTheData_asAStructuredCloudEvent_whenReadFromKafkasBinaryMode() throws Exception {
        UUID taskId = UUID.randomUUID();
        CloudEvent published = TaskEvents.incidentReported(taskId, 3, IncidentSeverity.HIGH, AT);
        CloudEvent read = ContractEvents.throughKafka(Topics.TASKS.name(), published);

        WebhookEvent event = WebhookEvent.of(read);

        JsonNode body = JSON.readTree(event.body());
        assertThat(event.id()).isEqualTo(published.getId());
        assertThat(event.type()).isEqualTo("relais.task.incident-reported.v1");
        assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        assertThat(body.get("id").asText()).isEqualTo(published.getId());
        assertThat(body.get("source").asText()).isEqualTo("/relais/command-service");
        assertThat(body.get("type").asText()).isEqualTo("relais.task.incident-reported.v1");
        assertThat(body.get("subject").asText()).isEqualTo(taskId.toString());
        assertThat(Instant.parse(body.get("time").asText())).isEqualTo(AT);
        assertThat(body.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(body.get("aggregatesequence").asText()).isEqualTo("3");
        assertThat(body.get("actor").asText()).isEqualTo(published.getExtension("actor").toString());
        assertThat(body.get("data")).as("the data as published, as JSON")
                .isEqualTo(JSON.readTree(published.getData().toBytes()));
        assertThat(body.get("data").get("severity").asText()).isEqualTo("HIGH");
    }

    @Test
    void shouldWrapAnSlaAlert_withAnIdDerivedFromTaskAndKind_stableAcrossReReads() throws Exception {
        String taskId = UUID.randomUUID().toString();
        String breached = alert(taskId, SlaAlert.Kind.BREACHED);

        WebhookEvent first = WebhookEvent.ofSlaAlert(breached);
        WebhookEvent again = WebhookEvent.ofSlaAlert(breached);
        WebhookEvent atRisk = WebhookEvent.ofSlaAlert(alert(taskId, SlaAlert.Kind.AT_RISK));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(atRisk.id()).isNotEqualTo(first.id());
        assertThat(first.id()).isEqualTo(UUID.nameUUIDFromBytes(("relais.sla-alerts.v1/" + taskId + "/BREACHED")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        JsonNode body = JSON.readTree(first.body());
        assertThat(body.get("type").asText()).isEqualTo("relais.sla-alert.breached.v1");
        assertThat(atRisk.type()).isEqualTo("relais.sla-alert.at-risk.v1");
        assertThat(body.get("source").asText()).isEqualTo("/relais/kpi-streams");
        assertThat(body.get("subject").asText()).isEqualTo(taskId);
        assertThat(body.get("time").asText()).isEqualTo("2026-03-16T17:00:00Z");
        assertThat(body.get("data")).isEqualTo(JSON.readTree(breached));
    }

    @Test
    void shouldRefuseAnSlaAlert_withoutTaskOrKind() {
        assertThatThrownBy(() -> WebhookEvent.ofSlaAlert("{\"taskId\":\"t-1\"}"))
                .isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> WebhookEvent.ofSlaAlert("not json")).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void shouldMatchExactTypesAndFamilies_andNameThePatternsThatMatchNothing() {
        List<String> incidentsAndAlerts = List.of("relais.task.incident-reported.v1", "relais.sla-alert.*");

        assertThat(WebhookEventTypes.anyMatches(incidentsAndAlerts, "relais.task.incident-reported.v1")).isTrue();
        assertThat(WebhookEventTypes.anyMatches(incidentsAndAlerts, "relais.sla-alert.breached.v1")).isTrue();
        assertThat(WebhookEventTypes.anyMatches(incidentsAndAlerts, "relais.task.requested.v1")).isFalse();
        assertThat(WebhookEventTypes.anyMatches(List.of("relais.task.*"), "relais.task.requested.v2"))
                .as("a family takes the types added to it later").isTrue();
        assertThat(WebhookEventTypes.anyMatches(List.of("relais.task.*"), "relais.access.granted.v1")).isFalse();
        assertThat(WebhookEventTypes.unknown(List.of("relais.task.*", "relais.access.*", "relais.sla-alert.*",
                "relais.*", "relais.access.granted.v1", "relais.task.incident-reported.*"))).isEmpty();
        assertThat(WebhookEventTypes.unknown(List.of("relais.process.defined.v1", "task.*", "*",
                "relais.task.requested", "relais.kpi.*"))).containsExactly("relais.process.defined.v1", "task.*",
                "*", "relais.task.requested", "relais.kpi.*");
    }

    private static String alert(String taskId, SlaAlert.Kind kind) throws Exception {
        return ContractJson.mapper().writeValueAsString(new SlaAlert(taskId, kind, "PAYROLL", TaskPriority.HIGH, null,
                "backoffice-pro", "CALENDAR_HOURS(8)", AT, AT.plusSeconds(28_800), AT.plusSeconds(28_800),
                AT.plusSeconds(28_800), 28_800, 28_800));
    }
}
