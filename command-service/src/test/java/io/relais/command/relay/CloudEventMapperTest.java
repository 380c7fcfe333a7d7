package io.relais.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import java.time.LocalDate;
import java.util.List;
import io.relais.contract.task.TaskRequested;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CloudEventMapper mapper = new CloudEventMapper();

    @Test
    void shouldCarryAggregateIdAndSequence_asSubjectAndExtension() throws Exception {
        TaskRequested requested = new TaskRequested("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21",
                "Relancer les factures impayées d'octobre", "Clients Dupont et Martin", "PAYMENT_REMINDER",
                TaskPriority.HIGH, "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d", 2, "claire", Confidentiality.CONFIDENTIAL,
                "BUSINESS_HOURS(24)", new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR",
                        List.of(LocalDate.parse("2026-12-24"))),
                Instant.parse("2026-03-18T13:00:00Z"), Instant.parse("2026-03-13T16:00:00Z"),
                List.of("crm", "accounting-software"));
        var message = new GenericDomainEventMessage<>("Task", requested.taskId(), 0L, requested,
                MetaData.emptyInstance(), "event-1", Instant.parse("2026-03-14T09:15:00.123Z"));

        CloudEvent event = mapper.toCloudEvent(message);

        assertThat(event.getId()).isEqualTo("event-1");
        assertThat(event.getType()).isEqualTo("relais.task.requested.v1");
        assertThat(event.getSource()).hasToString(CloudEventAttributes.SOURCE);
        assertThat(event.getSubject()).isEqualTo(requested.taskId());
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2026, 3, 14, 9, 15, 0, 123_000_000, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE)).isEqualTo(0L);
        assertThat(event.getExtension(CloudEventAttributes.AGGREGATE_TYPE)).isEqualTo("task");
        assertThat(json.readTree(event.getData().toBytes())).isEqualTo(contractExample("relais.task.requested.v1.json"));
    }

    @Test
    void shouldCarryTheChainLink_andHashExactlyThePublishedAttributesAndData() {
        var started = new io.relais.contract.task.TaskStarted("t-1", "amina", Instant.parse("2026-03-16T08:00:00Z"));
        var message = new GenericDomainEventMessage<>("Task", "t-1", 2L, started,
                MetaData.with("relais.actor", "amina").and("relais.correlationId", "c-9"), "event-7",
                Instant.parse("2026-03-16T08:00:00.000123Z"));

        var link = mapper.chainLink(message, 5, 41);
        CloudEvent event = mapper.toCloudEvent(message, new EventChainLedger.StoredLink(5, 41, "event-7", "ab".repeat(32)));

        assertThat(link.index()).isEqualTo(5);
        assertThat(link.position()).isEqualTo(41);
        assertThat(link.eventId()).isEqualTo(event.getId());
        assertThat(link.type()).isEqualTo(event.getType());
        assertThat(link.subject()).isEqualTo(event.getSubject());
        assertThat(link.sequence()).isEqualTo(2L);
        assertThat(link.actor()).isEqualTo("amina").isEqualTo(event.getExtension(CloudEventAttributes.ACTOR));
        assertThat(link.correlationId()).isEqualTo("c-9")
                .isEqualTo(event.getExtension(CloudEventAttributes.CORRELATION_ID));
        assertThat(link.time()).isEqualTo(event.getTime().toInstant());
        assertThat(link.data()).isEqualTo(event.getData().toBytes());
        assertThat(event.getExtension(CloudEventAttributes.CHAIN_INDEX)).isEqualTo(5L);
        assertThat(event.getExtension(CloudEventAttributes.CHAIN_POSITION)).isEqualTo(41L);
        assertThat(event.getExtension(CloudEventAttributes.CHAIN_HASH)).isEqualTo("ab".repeat(32));
    }

    @Test
    void shouldRefuseToPublish_anEventOutsideTheContract() {
        var message = new GenericDomainEventMessage<>("Task", "t-1", 3L, "unknown-payload");

        assertThatThrownBy(() -> mapper.toCloudEvent(message))
                .isInstanceOf(CloudEventMapper.UnpublishedEventException.class)
                .hasMessageContaining("java.lang.String");
    }

    private JsonNode contractExample(String name) throws Exception {
        try (InputStream in = TaskRequested.class.getResourceAsStream("/io/relais/contract/examples/" + name)) {
            return json.readTree(in);
        }
    }
}
