package io.relais.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The JSON examples shipped with the contract are what subscribers read: each must map onto its record
 * exactly (no unknown field, no missing field) and come back out unchanged.
 */
class EventContractExamplesTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRoundTripTheExample_forEveryPublishedEventType(EventType type) throws IOException {
        JsonNode example = readExample(type.cloudEventType() + ".json");

        Object event = STRICT.treeToValue(example, type.payloadClass());

        assertThat((JsonNode) STRICT.valueToTree(event)).isEqualTo(example);
    }

    @Test
    void shouldReadTaskRequestedExample_withEveryField() throws IOException {
        TaskRequested event = STRICT.treeToValue(readExample("relais.task.requested.v1.json"), TaskRequested.class);

        assertThat(event.taskId()).isEqualTo("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21");
        assertThat(event.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(event.type()).isEqualTo("PAYMENT_REMINDER");
        assertThat(event.processVersion()).isEqualTo(2);
        assertThat(event.slaPolicy()).isEqualTo("BUSINESS_HOURS(24)");
        assertThat(event.calendar().zone()).isEqualTo("Europe/Paris");
        assertThat(event.calendar().closedDays()).containsExactly(java.time.LocalDate.parse("2026-12-24"));
        assertThat(event.dueAt()).isEqualTo(Instant.parse("2026-03-18T13:00:00Z"));
        assertThat(event.requestedAt()).isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
        assertThat(event.resources()).containsExactly("crm", "accounting-software");
    }

    @Test
    void shouldRoundTripKpiValueExample_andKeyItByKpiDimensionGroupAndWindow() throws IOException {
        JsonNode example = readExample("kpi-value.json");

        KpiValue value = STRICT.treeToValue(example, KpiValue.class);

        assertThat((JsonNode) STRICT.valueToTree(value)).isEqualTo(example);
        assertThat(value.key()).isEqualTo("tasks-requested|task-type=INVOICING|2026-03-14T00:00:00Z");
    }

    @Test
    void shouldRoundTripSlaAlertExample_withItsDurationsInWholeSeconds() throws IOException {
        JsonNode example = readExample("sla-alert.json");

        SlaAlert alert = STRICT.treeToValue(example, SlaAlert.class);

        // through the bytes, as a subscriber reads it (a tree built from a long holds a LongNode, not an IntNode)
        assertThat(STRICT.readTree(STRICT.writeValueAsBytes(alert))).isEqualTo(example);
        assertThat(alert.kind()).isEqualTo(SlaAlert.Kind.BREACHED);
        assertThat(alert.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(alert.budgetSeconds()).isEqualTo(24 * 3600);
        assertThat(alert.crossedAt()).isEqualTo(Instant.parse("2026-03-18T13:00:00Z"));
        assertThat(alert.detectedAt()).isAfterOrEqualTo(alert.crossedAt());
    }

    @Test
    void shouldKeepHourlyRatesExact_asDecimalsNotFloats() throws IOException {
        var started = STRICT.treeToValue(readExample("relais.engagement.started.v1.json"),
                io.relais.contract.engagement.EngagementStarted.class);

        assertThat(started.internalHourlyRate()).isEqualByComparingTo("45.00");
        assertThat(started.providerHourlyRate()).isEqualByComparingTo("18.00");
    }

    @Test
    void shouldPublishEachAggregateTypeOnItsOwnTopic() {
        assertThat(EventType.TASK_APPROVED.topic()).isEqualTo(Topics.TASKS);
        assertThat(EventType.PROCESS_REVISED.topic()).isEqualTo(Topics.PROCESSES);
        assertThat(EventType.ENGAGEMENT_ENDED.topic()).isEqualTo(Topics.ENGAGEMENTS);
    }

    @Test
    void shouldNameEveryCloudEventTypeWithItsVersion() {
        for (EventType type : EventType.values()) {
            assertThat(type.cloudEventType()).endsWith(".v" + type.version());
            assertThat(EventType.ofCloudEventType(type.cloudEventType())).contains(type);
            assertThat(EventType.ofPayload(type.payloadClass())).contains(type);
        }
    }

    private static JsonNode readExample(String name) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("examples/" + name)) {
            assertThat(in).as("example %s is shipped with the contract", name).isNotNull();
            return STRICT.readTree(in);
        }
    }
}
