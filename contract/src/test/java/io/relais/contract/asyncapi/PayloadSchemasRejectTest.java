package io.relais.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.relais.contract.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payload and header schemas of {@code asyncapi.yaml} bite: each test starts from a shipped example that
 * validates, breaks one thing and expects the validator to name that thing. Without these, a schema that
 * accepted anything would pass every positive check.
 */
class PayloadSchemasRejectTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.load();
    private static final ObjectMapper JSON = AsyncApiDocument.plainJson();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String KPI_MESSAGE = "KpiValue";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRejectThePayload_whenAnyRequiredFieldIsMissing(EventType type) {
        ObjectNode example = example(type);
        assertThat(DOC.validatePayload(type.name(), example)).as("the untouched example is valid").isEmpty();

        List<String> fields = new ArrayList<>();
        example.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isNotEmpty();
        for (String field : fields) {
            ObjectNode broken = example.deepCopy();
            broken.remove(field);

            assertThat(DOC.validatePayload(type.name(), broken)).as("%s without %s", type, field)
                    .anySatisfy(error -> {
                        assertThat(error.getType()).isEqualTo("required");
                        assertThat(error.getProperty()).isEqualTo(field);
                    });
        }
    }

    @Test
    void shouldRejectTheKpiValue_whenItsValueIsMissing() {
        ObjectNode value = example("kpi-value.json");
        value.remove("value");

        assertThat(DOC.validatePayload(KPI_MESSAGE, value)).extracting(ValidationMessage::getType).contains("required");
    }

    static Stream<Arguments> badSlaAlerts() {
        return Stream.of(
                Arguments.of("kind", NODES.textNode("LATE"), "enum"),
                Arguments.of("kind", NODES.nullNode(), "type"),
                Arguments.of("priority", NODES.textNode("URGENT"), "enum"),
                Arguments.of("taskId", NODES.textNode("task-42"), "format"),
                Arguments.of("crossedAt", NODES.textNode("2026-03-18 13:00"), "format"),
                Arguments.of("slaPolicy", NODES.textNode("ASAP"), "pattern"),
                Arguments.of("elapsedSeconds", NODES.textNode("PT24H"), "type"),
                Arguments.of("budgetSeconds", NODES.numberNode(-1), "minimum"),
                Arguments.of("severity", NODES.textNode("HIGH"), "additionalProperties"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSlaAlerts")
    void shouldRejectTheSlaAlert_whenAFieldIsWrongOrUnknown(String field, JsonNode value, String keyword) {
        ObjectNode alert = example("sla-alert.json");
        assertThat(DOC.validatePayload("SlaAlert", alert)).as("the untouched example is valid").isEmpty();
        alert.set(field, value);

        assertThat(DOC.validatePayload("SlaAlert", alert)).extracting(ValidationMessage::getType).contains(keyword);
    }

    @Test
    void shouldRejectTheSlaAlert_whenAnyFieldIsMissing() {
        ObjectNode example = example("sla-alert.json");
        List<String> fields = new ArrayList<>();
        example.fieldNames().forEachRemaining(fields::add);

        for (String field : fields) {
            ObjectNode broken = example.deepCopy();
            broken.remove(field);

            assertThat(DOC.validatePayload("SlaAlert", broken)).as("without %s", field)
                    .anySatisfy(error -> assertThat(error.getType()).isEqualTo("required"));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRejectThePayload_whenItCarriesAnUnknownField(EventType type) {
        ObjectNode broken = example(type);
        broken.put("actor", "claire");

        assertThat(DOC.validatePayload(type.name(), broken))
                .anySatisfy(error -> {
                    assertThat(error.getType()).isEqualTo("additionalProperties");
                    assertThat(error.getProperty()).isEqualTo("actor");
                });
    }

    static Stream<Arguments> nestedUnknownFields() {
        return Stream.of(
                Arguments.of(EventType.TASK_REQUESTED, "/calendar"),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "/calendar"),
                Arguments.of(EventType.PROCESS_DEFINED, "/procedure"),
                Arguments.of(EventType.PROCESS_REVISED, "/procedure/raci"),
                Arguments.of(EventType.TASK_COMPLETED, "/checklist/0"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("nestedUnknownFields")
    void shouldRejectThePayload_whenANestedObjectCarriesAnUnknownField(EventType type, String pointer) {
        ObjectNode broken = example(type);
        ((ObjectNode) broken.at(pointer)).put("extra", true);

        assertThat(DOC.validatePayload(type.name(), broken)).extracting(ValidationMessage::getType)
                .contains("additionalProperties");
    }

    static Stream<Arguments> badEnumValues() {
        return Stream.of(
                Arguments.of(EventType.TASK_REQUESTED, "", "priority", "URGENT"),
                Arguments.of(EventType.TASK_REQUESTED, "", "priority", "high"),
                Arguments.of(EventType.TASK_REQUESTED, "", "confidentiality", "SECRET"),
                Arguments.of(EventType.TASK_REQUESTED, "/calendar", "holidays", "DE"),
                Arguments.of(EventType.TASK_REPRIORITIZED, "", "to", "URGENT"),
                Arguments.of(EventType.TASK_REPRIORITIZED, "", "from", "MEDIUM"),
                Arguments.of(EventType.INCIDENT_REPORTED, "", "kind", "BUG"),
                Arguments.of(EventType.INCIDENT_REPORTED, "", "severity", "BLOCKER"));
    }

    @ParameterizedTest(name = "{0} {2}={3}")
    @MethodSource("badEnumValues")
    void shouldRejectThePayload_whenAnEnumValueIsUnknown(EventType type, String parent, String field, String value) {
        ObjectNode broken = example(type);
        ((ObjectNode) broken.at(parent)).put(field, value);

        assertThat(DOC.validatePayload(type.name(), broken)).extracting(ValidationMessage::getType).contains("enum");
    }

    static Stream<Arguments> badFormats() {
        return Stream.of(
                Arguments.of(EventType.TASK_REQUESTED, "", "taskId", NODES.textNode("task-42")),
                Arguments.of(EventType.TASK_REQUESTED, "", "processId", NODES.textNode("relances")),
                Arguments.of(EventType.TASK_REQUESTED, "", "dueAt", NODES.textNode("2026-03-18 13:00")),
                Arguments.of(EventType.TASK_APPROVED, "", "approvedAt", NODES.textNode("1773678000")),
                Arguments.of(EventType.INCIDENT_REPORTED, "", "incidentId", NODES.textNode("INC-1")),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "", "startsOn", NODES.textNode("01/03/2026")),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "", "plannedEndOn", NODES.textNode("2027-02-30")),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "/calendar", "closedDays",
                        NODES.arrayNode().add("2026-12-24T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0} {2}={3}")
    @MethodSource("badFormats")
    void shouldRejectThePayload_whenAnIdOrInstantOrDateIsMalformed(EventType type, String parent, String field,
                                                                    JsonNode value) {
        ObjectNode broken = example(type);
        ((ObjectNode) broken.at(parent)).set(field, value);

        assertThat(DOC.validatePayload(type.name(), broken)).extracting(ValidationMessage::getType).contains("format");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(EventType.TASK_REQUESTED, "title", NODES.nullNode(), "type"),
                Arguments.of(EventType.TASK_REQUESTED, "processVersion", NODES.textNode("2"), "type"),
                Arguments.of(EventType.TASK_REQUESTED, "processVersion", NODES.numberNode(-1), "minimum"),
                Arguments.of(EventType.TASK_REQUESTED, "slaPolicy", NODES.textNode("ASAP"), "pattern"),
                Arguments.of(EventType.TASK_REQUESTED, "calendar", NODES.textNode("FR"), "type"),
                Arguments.of(EventType.TASK_RATED, "rating", NODES.numberNode(11), "maximum"),
                Arguments.of(EventType.TASK_RATED, "rating", NODES.numberNode(7.5), "type"),
                Arguments.of(EventType.TASK_COMPLETED, "timeSpentMinutes", NODES.numberNode(-5), "minimum"),
                Arguments.of(EventType.TASK_COMPLETED, "checklist", NODES.nullNode(), "type"),
                Arguments.of(EventType.INCIDENT_REPORTED, "description", NODES.nullNode(), "type"),
                Arguments.of(EventType.ENGAGEMENT_ENDED, "reason", NODES.nullNode(), "type"),
                Arguments.of(EventType.TASK_CANCELLED, "reason", NODES.textNode(""), "minLength"),
                Arguments.of(EventType.PROCESS_DEFINED, "version", NODES.numberNode(2), "const"),
                Arguments.of(EventType.PROCESS_REVISED, "version", NODES.numberNode(1), "minimum"),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "internalHourlyRate", NODES.textNode("45.00"), "type"),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "providerHourlyRate", NODES.numberNode(0), "exclusiveMinimum"),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "agents", NODES.arrayNode(), "minItems"),
                Arguments.of(EventType.ENGAGEMENT_STARTED, "dpaSigned", NODES.textNode("yes"), "type"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badValues")
    void shouldRejectThePayload_whenAFieldHasTheWrongTypeOrRange(EventType type, String field, JsonNode value,
                                                                 String keyword) {
        ObjectNode broken = example(type);
        broken.set(field, value);

        assertThat(DOC.validatePayload(type.name(), broken)).extracting(ValidationMessage::getType).contains(keyword);
    }

    @Test
    void shouldRejectTheHeaders_whenCeTypeNamesAnotherEvent() {
        JsonNode assignedHeaders = headers(EventType.TASK_ASSIGNED);

        assertThat(DOC.validateHeaders(EventType.TASK_ASSIGNED.name(), assignedHeaders)).isEmpty();
        assertThat(DOC.validateHeaders(EventType.TASK_REQUESTED.name(), assignedHeaders))
                .extracting(ValidationMessage::getType).contains("const");
        assertThat(DOC.validateHeaders(EventType.PROCESS_DEFINED.name(), headers(EventType.PROCESS_DEFINED)))
                .isEmpty();
        assertThat(DOC.validateHeaders(EventType.ENGAGEMENT_ENDED.name(), headers(EventType.PROCESS_DEFINED)))
                .extracting(ValidationMessage::getType).contains("const");
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("ce_subject", null, "required"),
                Arguments.of("ce_aggregatesequence", null, "required"),
                Arguments.of("ce_aggregatesequence", "-1", "pattern"),
                Arguments.of("ce_aggregatesequence", "01", "pattern"),
                Arguments.of("ce_specversion", "0.3", "const"),
                Arguments.of("ce_source", "/someone/else", "const"),
                Arguments.of("ce_time", "yesterday", "format"),
                Arguments.of("ce_actorroles", "REQUESTER;ADMIN", "pattern"),
                Arguments.of("content-type", "application/xml", "const"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badHeaders")
    void shouldRejectTheHeaders_whenACloudEventsAttributeIsMissingOrWrong(String header, String value,
                                                                           String keyword) {
        ObjectNode broken = headers(EventType.TASK_REQUESTED).deepCopy();
        if (value == null) {
            broken.remove(header);
        } else {
            broken.put(header, value);
        }

        Set<ValidationMessage> errors = DOC.validateHeaders(EventType.TASK_REQUESTED.name(), broken);

        assertThat(errors).extracting(ValidationMessage::getType).contains(keyword);
    }

    @Test
    void shouldAcceptHeaders_withoutTheActor_whenNoCallerCausedTheEvent() {
        ObjectNode headers = headers(EventType.TASK_REQUESTED).deepCopy();
        headers.remove(List.of("ce_actor", "ce_actorroles", "ce_actororganisation", "ce_correlationid"));
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(DOC.validateHeaders(EventType.TASK_REQUESTED.name(), headers)).isEmpty();
    }

    private static ObjectNode headers(EventType type) {
        return (ObjectNode) DOC.componentMessages().get(type.name()).path("examples").path(0).path("headers");
    }

    private static ObjectNode example(EventType type) {
        return example(type.cloudEventType() + ".json");
    }

    private static ObjectNode example(String file) {
        try (InputStream in = EventType.class.getResourceAsStream("examples/" + file)) {
            assertThat(in).as("example %s", file).isNotNull();
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
