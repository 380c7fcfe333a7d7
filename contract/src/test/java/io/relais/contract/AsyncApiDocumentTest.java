package io.relais.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.contract.actor.Role;
import io.relais.contract.asyncapi.AsyncApiDocument;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.Raci;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) is what downstream subscribers code against: it must name every
 * topic as {@link Topics} creates it, one message per {@link EventType} on the right channel, and payload schemas
 * that the shipped examples and the records, as the relay serializes them, satisfy.
 * {@code io.relais.contract.asyncapi.PayloadSchemasRejectTest} proves the same schemas refuse wrong payloads.
 */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.load();
    private static final String KPI_MESSAGE = "KpiValue";
    private static final String SLA_ALERT_MESSAGE = "SlaAlert";
    private static final String CHAIN_HEAD_MESSAGE = "ChainHead";
    private static final String DENIED_ATTEMPT_MESSAGE = "DeniedAttemptRecorded";

    /** Reads examples into records the way EventContractExamplesTest does: nothing unknown, nothing missing. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Writes records as the command side's relay does (CloudEventMapper): ISO-8601 instants, record field names. */
    private static final ObjectMapper WIRE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ObjectMapper PLAIN = AsyncApiDocument.plainJson();

    // --- the document -----------------------------------------------------------------------------------------

    @Test
    void shouldBeAnAsyncApi300Document_whenParsedFromTheContractJar() {
        JsonNode root = DOC.root();

        assertThat(root.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(root.path("info").path("title").asText()).isNotBlank();
        assertThat(root.path("info").path("version").asText()).isEqualTo("1.0.0");
        assertThat(root.path("defaultContentType").asText()).isEqualTo(CloudEventAttributes.DATA_CONTENT_TYPE);
        assertThat(root.path("info").path("description").asText())
                .contains("binary", "ce_subject", "ce_aggregatesequence", "retention.ms=-1", "compacted",
                        CloudEventAttributes.SOURCE);
    }

    @Test
    void shouldNameOnlyTheLocalBroker_whenListingServersAndHosts() {
        Map<String, JsonNode> servers = new java.util.LinkedHashMap<>();
        DOC.root().path("servers").fields().forEachRemaining(s -> servers.put(s.getKey(), s.getValue()));

        assertThat(servers).hasSize(1);
        JsonNode server = servers.values().iterator().next();
        assertThat(server.path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(server.path("protocol").asText()).isEqualTo("kafka");
        assertThat(DOC.allValuesOf("host")).extracting(JsonNode::asText).containsOnly("127.0.0.1:9092");
        assertThat(DOC.text()).doesNotContain("://").doesNotContainIgnoringCase("localhost");
    }

    @Test
    void shouldResolveEveryReference_whenFollowingTheRefsOfTheDocument() {
        List<String> refs = DOC.allRefs();

        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> assertThat(DOC.resolve(ref).isMissingNode())
                .as("%s resolves inside the document", ref).isFalse());
    }

    static Stream<TopicSpec> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void shouldDescribeTheTopic_withTheTopicSpecsPartitionsAndRetention_whenTheContractCreatesIt(TopicSpec topic) {
        String channelKey = DOC.channelKeyOf(topic.name()).orElseThrow(() ->
                new AssertionError("no channel has address " + topic.name()));
        JsonNode kafka = DOC.channels().get(channelKey).path("bindings").path("kafka");

        assertThat(kafka.path("topic").asText()).isEqualTo(topic.name());
        assertThat(kafka.path("partitions").asInt()).isEqualTo(topic.partitions());
        assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong()).isEqualTo(topic.retentionMs());
        assertThat(kafka.path("topicConfiguration").path("cleanup.policy")).extracting(JsonNode::asText)
                .containsExactly(topic.cleanupPolicy().kafkaValue());
    }

    @Test
    void shouldHaveOneChannelPerTopic_andNoOther() {
        assertThat(DOC.channels().values()).extracting(channel -> channel.path("address").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldReceiveEveryMessageOfItsChannel_whenListingOperations() {
        assertThat(DOC.operations()).hasSameSizeAs(DOC.channels());
        DOC.operations().forEach((name, operation) -> {
            assertThat(operation.path("action").asText()).as(name).isEqualTo("receive");
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(channelRef).as(name).startsWith("#/channels/");
            String channelKey = channelRef.substring("#/channels/".length());
            List<String> received = new ArrayList<>();
            operation.path("messages").forEach(ref -> received.add(ref.path("$ref").asText()));
            assertThat(received).as(name).containsExactlyInAnyOrderElementsOf(
                    DOC.componentMessageNamesOf(channelKey).stream()
                            .map(message -> channelRef + "/messages/" + message).toList());
        });
    }

    // --- one message per event type ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDocumentExactlyOneMessage_onTheEventTypesTopic_forEveryEventType(EventType type) {
        assertThat(DOC.messageNamesFor(type)).as("messages whose ce_type is %s", type.cloudEventType())
                .containsExactly(type.name());
        JsonNode message = DOC.componentMessages().get(type.name());
        assertThat(message.path("name").asText()).isEqualTo(type.name());
        assertThat(message.path("title").asText()).isNotBlank();
        assertThat(DOC.headerConst(message, "ce_aggregatetype")).contains(type.aggregateType());
        assertThat(DOC.deref(message.path("bindings").path("kafka").path("key")).path("type").asText())
                .isEqualTo("string");

        String channelKey = DOC.channelKeyOf(type.topic().name()).orElseThrow();
        DOC.channels().keySet().forEach(channel -> assertThat(DOC.componentMessageNamesOf(channel).contains(type.name()))
                .as("%s on channel %s", type, channel).isEqualTo(channel.equals(channelKey)));
    }

    @Test
    void shouldDocumentNoMessage_whenItsCloudEventTypeIsNotInTheCatalogue() {
        List<String> withoutCeType = new ArrayList<>();
        DOC.componentMessages().forEach((name, message) -> DOC.ceTypeOf(message).ifPresentOrElse(
                ceType -> assertThat(EventType.ofCloudEventType(ceType)).as("message %s", name)
                        .map(EventType::name).contains(name),
                () -> withoutCeType.add(name)));

        assertThat(withoutCeType).as("messages without CloudEvents headers")
                .containsExactlyInAnyOrder(KPI_MESSAGE, SLA_ALERT_MESSAGE, CHAIN_HEAD_MESSAGE,
                        DENIED_ATTEMPT_MESSAGE);
        assertThat(DOC.componentMessages()).hasSize(EventType.values().length + 4);
        String deniedChannel = DOC.channelKeyOf(Topics.DENIED_ATTEMPTS.name()).orElseThrow();
        assertThat(DOC.componentMessageNamesOf(deniedChannel)).containsExactly(DENIED_ATTEMPT_MESSAGE);
        String headsChannel = DOC.channelKeyOf(Topics.AUDIT_HEADS.name()).orElseThrow();
        assertThat(DOC.componentMessageNamesOf(headsChannel)).containsExactly(CHAIN_HEAD_MESSAGE);
        String kpiChannel = DOC.channelKeyOf(Topics.KPIS.name()).orElseThrow();
        assertThat(DOC.componentMessageNamesOf(kpiChannel)).containsExactly(KPI_MESSAGE);
        String slaAlertChannel = DOC.channelKeyOf(Topics.SLA_ALERTS.name()).orElseThrow();
        assertThat(DOC.componentMessageNamesOf(slaAlertChannel)).containsExactly(SLA_ALERT_MESSAGE);
        assertThat(EventType.ofCloudEventType("relais.task.deleted.v1")).isEmpty();
        assertThat(DOC.text()).doesNotContain("relais.task.deleted");
    }

    // --- schemas follow the records ---------------------------------------------------------------------------

    static Stream<Arguments> recordSchemas() {
        Stream<Arguments> events = Arrays.stream(EventType.values())
                .map(type -> Arguments.of(type.payloadClass().getSimpleName(), type.payloadClass()));
        Stream<Arguments> shared = Stream.of(
                Arguments.of("CalendarSpec", CalendarSpec.class),
                Arguments.of("Procedure", Procedure.class),
                Arguments.of("Raci", Raci.class),
                Arguments.of("ChecklistResult", ChecklistResult.class),
                Arguments.of("KpiValue", KpiValue.class),
                Arguments.of("SlaAlert", SlaAlert.class),
                Arguments.of("ChainHead", io.relais.contract.audit.ChainHead.class),
                Arguments.of("DeniedAttemptRecorded", io.relais.contract.audit.DeniedAttemptRecorded.class));
        return Stream.concat(events, shared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordSchemas")
    void shouldRequireEveryRecordComponent_andNothingElse_whenDescribingARecord(String schemaName, Class<?> record) {
        JsonNode schema = DOC.schema(schemaName);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue()).as("additionalProperties: false").isTrue();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(components);
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactlyElementsOf(components);
    }

    @Test
    void shouldAllowNull_onlyForTheFieldsTheCommandSideLeavesEmpty() {
        List<String> nullable = new ArrayList<>();
        DOC.root().path("components").path("schemas").fields().forEachRemaining(schema ->
                schema.getValue().path("properties").fields().forEachRemaining(property -> {
                    JsonNode type = property.getValue().path("type");
                    if (type.isArray() && type.toString().contains("\"null\"")) {
                        nullable.add(schema.getKey() + "." + property.getKey());
                    }
                }));

        assertThat(nullable).containsExactlyInAnyOrder("ChecklistResult.note", "TaskRequested.description",
                "TaskRequested.processId", "TaskRated.comment",
                // an alert names the SOP and the provider when there are some
                "SlaAlert.processId", "SlaAlert.assignedOrganisation",
                // a grant to the company's own staff hangs on no engagement; a grant may have no expiry
                "AccessGranted.engagementId", "AccessGranted.expiresAt", "AccessReviewed.comment",
                // an unauthenticated attempt has no principal; the rest is as the request carried it
                "DeniedAttemptRecorded.principal", "DeniedAttemptRecorded.remoteAddress",
                "DeniedAttemptRecorded.correlationId", "DeniedAttemptRecorded.reason");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldPointTheMessagePayloadAtTheRecordsSchema_forEveryEventType(EventType type) {
        assertThat(DOC.componentMessages().get(type.name()).path("payload").path("$ref").asText())
                .isEqualTo("#/components/schemas/" + type.payloadClass().getSimpleName());
    }

    @Test
    void shouldListExactlyTheJavaEnumConstants_inTheEnumSchemas() {
        assertEnum("TaskPriority", TaskPriority.values());
        assertEnum("Confidentiality", Confidentiality.values());
        assertEnum("IncidentKind", IncidentKind.values());
        assertEnum("IncidentSeverity", IncidentSeverity.values());
        assertEnum("SlaAlertKind", SlaAlert.Kind.values());
        assertEnum("ErasureCause", io.relais.contract.personal.ErasureCause.values());
        assertThat(DOC.schema("CloudEventHeaders").path("properties").path("ce_aggregatetype").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::aggregateType).distinct().toList());
    }

    @Test
    void shouldAcceptEveryRoleAndRoleList_inTheActorRolesHeader() {
        Pattern roles = Pattern.compile(DOC.schema("CloudEventHeaders").path("properties").path("ce_actorroles")
                .path("pattern").asText());

        for (Role role : Role.values()) {
            assertThat(roles.matcher(role.name()).matches()).as(role.name()).isTrue();
        }
        assertThat(roles.matcher("REQUESTER,APPROVER").matches()).isTrue();
        assertThat(roles.matcher("ROOT").matches()).isFalse();
        assertThat(roles.matcher("").matches()).isFalse();
    }

    @Test
    void shouldNameTheContractsCloudEventsAttributes_inTheSharedHeadersSchema() {
        JsonNode headers = DOC.schema("CloudEventHeaders");
        List<String> names = new ArrayList<>();
        headers.path("properties").fieldNames().forEachRemaining(names::add);

        assertThat(names).contains(Stream.of(CloudEventAttributes.AGGREGATE_SEQUENCE, CloudEventAttributes.AGGREGATE_TYPE,
                CloudEventAttributes.ACTOR, CloudEventAttributes.ACTOR_ROLES, CloudEventAttributes.ACTOR_ORGANISATION,
                CloudEventAttributes.CORRELATION_ID).map(a -> "ce_" + a).toArray(String[]::new));
        assertThat(headers.path("required")).extracting(JsonNode::asText)
                .contains("ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_aggregatesequence");
        assertThat(headers.path("properties").path("ce_source").path("const").asText())
                .isEqualTo(CloudEventAttributes.SOURCE);
    }

    // --- examples and serialized records validate -------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldEmbedAndValidateTheExampleFile_forEveryEventType(EventType type) throws IOException {
        JsonNode file = readExample(type.cloudEventType() + ".json");
        JsonNode example = onlyExample(type.name());

        assertThat(example.path("payload")).as("embedded example of %s", type).isEqualTo(file);
        assertThat(DOC.validatePayload(type.name(), file)).isEmpty();

        JsonNode headers = example.path("headers");
        assertThat(DOC.validateHeaders(type.name(), headers)).isEmpty();
        assertThat(headers.path("ce_type").asText()).isEqualTo(type.cloudEventType());
        assertThat(headers.path("ce_" + CloudEventAttributes.AGGREGATE_TYPE).asText()).isEqualTo(type.aggregateType());
        assertThat(headers.path("ce_subject").asText()).as("subject = aggregate id")
                .isEqualTo(file.path(aggregateIdField(type)).asText());
        // events no caller caused (a scheduled occurrence) carry no actor; the others name known roles
        if (headers.has("ce_" + CloudEventAttributes.ACTOR)) {
            assertThat(Role.values()).extracting(Role::name)
                    .contains(headers.path("ce_" + CloudEventAttributes.ACTOR_ROLES).asText().split(","));
        }
    }

    /** The payload field holding the aggregate id: {@code taskId}, ..., and {@code grantId} for access events. */
    private static String aggregateIdField(EventType type) {
        return type.aggregateType().equals("access") ? "grantId" : type.aggregateType() + "Id";
    }

    @Test
    void shouldEmbedAndValidateTheChainHeadExample_withoutCloudEventsHeaders() throws IOException {
        JsonNode file = readExample("chain-head.json");
        JsonNode example = onlyExample(CHAIN_HEAD_MESSAGE);

        assertThat(example.path("payload")).isEqualTo(file);
        assertThat(example.has("headers")).isFalse();
        assertThat(DOC.validatePayload(CHAIN_HEAD_MESSAGE, file)).isEmpty();
        assertThat(STRICT.treeToValue(file, io.relais.contract.audit.ChainHead.class).position()).isEqualTo(4242L);
        assertThat(STRICT.treeToValue(file, io.relais.contract.audit.ChainHead.class).index()).isEqualTo(4100L);
    }

    @Test
    void shouldEmbedAndValidateTheDeniedAttemptExample_withoutCloudEventsHeaders() throws IOException {
        JsonNode file = readExample("denied-attempt.json");
        JsonNode example = onlyExample(DENIED_ATTEMPT_MESSAGE);

        assertThat(example.path("payload")).isEqualTo(file);
        assertThat(DOC.validatePayload(DENIED_ATTEMPT_MESSAGE, file)).isEmpty();
        assertThat(STRICT.treeToValue(file, io.relais.contract.audit.DeniedAttemptRecorded.class).kind())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldEmbedAndValidateTheKpiValueExample_withoutCloudEventsHeaders() throws IOException {
        JsonNode file = readExample("kpi-value.json");
        JsonNode example = onlyExample(KPI_MESSAGE);

        assertThat(example.path("payload")).isEqualTo(file);
        assertThat(example.has("headers")).isFalse();
        assertThat(DOC.componentMessages().get(KPI_MESSAGE).has("headers")).isFalse();
        assertThat(DOC.validatePayload(KPI_MESSAGE, file)).isEmpty();
        KpiValue value = STRICT.treeToValue(file, KpiValue.class);
        assertThat(value.key()).matches(DOC.componentMessages().get(KPI_MESSAGE)
                .path("bindings").path("kafka").path("key").path("pattern").asText());
    }

    @Test
    void shouldEmbedAndValidateTheSlaAlertExample_withoutCloudEventsHeaders_keyedByTaskId() throws IOException {
        JsonNode file = readExample("sla-alert.json");
        JsonNode example = onlyExample(SLA_ALERT_MESSAGE);

        assertThat(example.path("payload")).isEqualTo(file);
        assertThat(example.has("headers")).isFalse();
        assertThat(DOC.componentMessages().get(SLA_ALERT_MESSAGE).has("headers")).isFalse();
        assertThat(DOC.validatePayload(SLA_ALERT_MESSAGE, file)).isEmpty();
        assertThat(DOC.componentMessages().get(SLA_ALERT_MESSAGE).path("bindings").path("kafka").path("key")
                .path("$ref").asText()).isEqualTo("#/components/schemas/AggregateId");
        STRICT.treeToValue(file, SlaAlert.class);
    }

    @Test
    void shouldValidateTheSerializedSlaAlert_whenBuiltInJava_withoutSopOrProvider() throws IOException {
        SlaAlert alert = new SlaAlert("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21", SlaAlert.Kind.AT_RISK, "CRM_UPDATE",
                TaskPriority.NORMAL, null, null, "BUSINESS_DAYS(2)", Instant.parse("2026-03-16T09:00:00Z"),
                Instant.parse("2026-03-18T17:00:00Z"), Instant.parse("2026-03-18T10:48:00Z"),
                Instant.parse("2026-03-18T10:48:00.000000001Z"), 74_880, 93_600);

        JsonNode wire = wire(alert);

        assertThat(DOC.validatePayload(SLA_ALERT_MESSAGE, wire)).isEmpty();
        assertThat(wire.path("elapsedSeconds").isIntegralNumber()).isTrue();
        assertThat(wire.path("kind").asText()).isEqualTo("AT_RISK");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldValidateTheSerializedRecord_whenBuiltFromTheExample(EventType type) throws IOException {
        Object event = STRICT.treeToValue(readExample(type.cloudEventType() + ".json"), type.payloadClass());

        JsonNode wire = PLAIN.readTree(WIRE.writeValueAsBytes(event));

        assertThat(DOC.validatePayload(type.name(), wire)).as("%s as the relay writes it", type).isEmpty();
    }

    @Test
    void shouldValidateTheSerializedKpiValue_whenBuiltInJava() throws IOException {
        KpiValue value = new KpiValue("tasks-requested", "task-type", "INVOICING",
                Instant.parse("2026-03-14T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"), 3);

        assertThat(DOC.validatePayload(KPI_MESSAGE, wire(value))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(io.relais.contract.kpi.WindowKind.class)
    void shouldValidateTheSerializedKpiValueAndMatchTheKeyPattern_forEveryWindowKind(
            io.relais.contract.kpi.WindowKind kind) throws IOException {
        KpiValue value = new KpiValue("on-time-rate", "provider", "Assistance Plus",
                Instant.parse("2026-03-13T10:00:00Z"), Instant.parse("2026-03-14T10:00:00Z"), 0.75, kind);

        assertThat(DOC.validatePayload(KPI_MESSAGE, wire(value))).isEmpty();
        assertThat(value.key()).matches(DOC.componentMessages().get(KPI_MESSAGE)
                .path("bindings").path("kafka").path("key").path("pattern").asText());
    }

    @Test
    void shouldValidateSerializedRecords_whenOptionalFieldsAreNullAndInstantsHaveFractions() throws IOException {
        Instant now = Instant.parse("2026-03-13T16:00:00.123456789Z");
        String taskId = "6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21";
        var adHoc = new TaskRequested(taskId, "Mettre à jour le CRM", null, "CRM_UPDATE", TaskPriority.NORMAL, null, 0,
                "paul", Confidentiality.INTERNAL, "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT,
                now.plusSeconds(3600), now);
        var completed = new TaskCompleted(taskId, 0, List.of(new ChecklistResult("Montant vérifié", false, null)),
                "amina", now);
        var rated = new TaskRated(taskId, 0, null, "paul", now);
        var resumed = new TaskResumed(taskId, now);

        assertThat(DOC.validatePayload(EventType.TASK_REQUESTED.name(), wire(adHoc))).isEmpty();
        assertThat(DOC.validatePayload(EventType.TASK_COMPLETED.name(), wire(completed))).isEmpty();
        assertThat(DOC.validatePayload(EventType.TASK_RATED.name(), wire(rated))).isEmpty();
        assertThat(DOC.validatePayload(EventType.TASK_RESUMED.name(), wire(resumed))).isEmpty();
        assertThat(wire(adHoc).path("requestedAt").asText()).isEqualTo("2026-03-13T16:00:00.123456789Z");
        assertThat(wire(adHoc).path("calendar").path("closedDays").isArray()).isTrue();
    }

    @Test
    void shouldValidateTheEngagementsDates_asIsoDatesAndItsRatesAsNumbers() throws IOException {
        JsonNode wire = PLAIN.readTree(WIRE.writeValueAsBytes(STRICT.treeToValue(
                readExample("relais.engagement.started.v1.json"), EventType.ENGAGEMENT_STARTED.payloadClass())));

        assertThat(wire.path("startsOn").asText()).isEqualTo(LocalDate.of(2026, 3, 1).toString());
        assertThat(wire.path("internalHourlyRate").isNumber()).isTrue();
        assertThat(DOC.validatePayload(EventType.ENGAGEMENT_STARTED.name(), wire)).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void assertEnum(String schemaName, Enum<?>[] constants) {
        assertThat(DOC.schema(schemaName).path("type").asText()).isEqualTo("string");
        assertThat(DOC.schema(schemaName).path("enum")).as(schemaName).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(constants).map(Enum::name).toList());
    }

    private static JsonNode onlyExample(String message) {
        JsonNode examples = DOC.componentMessages().get(message).path("examples");
        assertThat(examples.size()).as("examples of %s", message).isEqualTo(1);
        return examples.get(0);
    }

    private static JsonNode wire(Object record) throws IOException {
        return PLAIN.readTree(WIRE.writeValueAsBytes(record));
    }

    static JsonNode readExample(String name) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("examples/" + name)) {
            assertThat(in).as("example %s is shipped with the contract", name).isNotNull();
            return PLAIN.readTree(in);
        }
    }
}
