package io.relais.kpi.requested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.kpi.KpiSerdes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TasksRequestedPerTypeTopologyTest {

    private static final Duration GRACE = Duration.ofHours(1);

    private static final Instant MONDAY = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant MONDAY_0915 = Instant.parse("2026-03-16T09:15:00Z");
    private static final Instant MONDAY_1630 = Instant.parse("2026-03-16T16:30:00Z");
    private static final Instant MONDAY_2350 = Instant.parse("2026-03-16T23:50:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-17T00:00:00Z");
    private static final Instant TUESDAY_0030 = Instant.parse("2026-03-17T00:30:00Z");
    private static final Instant TUESDAY_0800 = Instant.parse("2026-03-17T08:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-18T00:00:00Z");

    private static final String TASK_STARTED = "relais.task.started.v1";

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent> tasks;
    private TestOutputTopic<String, KpiValue> kpis;

    @BeforeEach
    void setUp() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "tasks-requested-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // without the record cache every update is forwarded at once, so each one can be asserted
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(new TasksRequestedPerTypeTopology(GRACE).build(new StreamsBuilder()),
                settings);
        tasks = driver.createInputTopic(Topics.TASKS.name(), KpiSerdes.KEY.serializer(),
                KpiSerdes.CLOUD_EVENT.serializer());
        kpis = driver.createOutputTopic(Topics.KPIS.name(), KpiSerdes.KEY.deserializer(),
                KpiSerdes.KPI_VALUE.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldCountOneThenTwo_whenTwoTasksOfOneTypeAreRequestedOnOneDay() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", MONDAY_1630));

        List<TestRecord<String, KpiValue>> output = kpis.readRecordsToList();

        assertThat(output).extracting(TestRecord::value).containsExactly(
                new KpiValue("tasks-requested", "task-type", "INVOICING", MONDAY, TUESDAY, 1),
                new KpiValue("tasks-requested", "task-type", "INVOICING", MONDAY, TUESDAY, 2));
        assertThat(output).extracting(TestRecord::getRecordTime).containsExactly(MONDAY_0915, MONDAY_1630);
    }

    @Test
    void shouldKeyEachRecordByItsKpiKey_whenPublishing() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "PAYROLL", TUESDAY_0800));

        List<TestRecord<String, KpiValue>> output = kpis.readRecordsToList();

        assertThat(output).hasSize(2).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.value().key()));
        assertThat(output).extracting(TestRecord::key).containsExactly(
                "tasks-requested|task-type=INVOICING|2026-03-16T00:00:00Z",
                "tasks-requested|task-type=PAYROLL|2026-03-17T00:00:00Z");
    }

    @Test
    void shouldCountInSeparateUtcDayWindows_whenTasksAreRequestedOnDifferentDays() {
        tasks.pipeInput("t-1", requested("t-1", 0, "CRM_UPDATE", MONDAY_1630));
        tasks.pipeInput("t-2", requested("t-2", 0, "CRM_UPDATE", TUESDAY_0800));

        assertThat(kpis.readValuesToList()).containsExactly(
                new KpiValue("tasks-requested", "task-type", "CRM_UPDATE", MONDAY, TUESDAY, 1),
                new KpiValue("tasks-requested", "task-type", "CRM_UPDATE", TUESDAY, WEDNESDAY, 1));
    }

    @Test
    void shouldCountEachTypeOnItsOwn_whenTypesDiffer() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "SUPPORT_L1", MONDAY_1630));
        tasks.pipeInput("t-3", requested("t-3", 0, "INVOICING", MONDAY_2350));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::group, KpiValue::value).containsExactly(
                tuple("INVOICING", 1.0), tuple("SUPPORT_L1", 1.0), tuple("INVOICING", 2.0));
    }

    @Test
    void shouldNotCountAgain_whenAnEventIsRedeliveredWithTheSameTaskAndSequence() {
        CloudEvent event = requested("t-1", 0, "INVOICING", MONDAY_0915);
        tasks.pipeInput("t-1", event);
        tasks.pipeInput("t-1", event);
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", MONDAY_1630));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::value).containsExactly(1.0, 2.0);
    }

    @Test
    void shouldNotCountAgain_whenTheRequestIsRedeliveredAfterALaterEventOfTheTask() {
        CloudEvent request = requested("t-1", 0, "INVOICING", MONDAY_0915);
        tasks.pipeInput("t-1", request);
        tasks.pipeInput("t-1", event("t-1", 1, TASK_STARTED, "{}", MONDAY_1630));
        tasks.pipeInput("t-1", request);

        assertThat(kpis.readValuesToList()).extracting(KpiValue::value).containsExactly(1.0);
    }

    @Test
    void shouldIgnoreTheEvent_whenItIsNotATaskRequest() {
        tasks.pipeInput("t-1", event("t-1", 1, TASK_STARTED, "{}", MONDAY_0915));

        assertThat(kpis.isEmpty()).isTrue();
    }

    @Test
    void shouldSkipTheEventAndGoOn_whenATaskRequestCarriesUndecodableData() {
        tasks.pipeInput("t-1", event("t-1", 0, "relais.task.requested.v1", "not json", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", MONDAY_1630));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::value).containsExactly(1.0);
    }

    @Test
    void shouldWindowByTheRecordTimestamp_whenTheEventHasNoTime() {
        CloudEvent untimed = CloudEventBuilder.v1(requested("t-1", 0, "INVOICING", MONDAY_0915))
                .withTime(null)
                .build();
        assertThat(untimed.getTime()).isNull();
        tasks.pipeInput("t-1", untimed, TUESDAY_0800);

        assertThat(kpis.readValuesToList()).extracting(KpiValue::windowStart, KpiValue::windowEnd)
                .containsExactly(tuple(TUESDAY, WEDNESDAY));
    }

    @Test
    void shouldStillCountALateRequest_whenItArrivesWithinTheGrace() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", TUESDAY_0030));
        tasks.pipeInput("t-3", requested("t-3", 0, "INVOICING", MONDAY_2350));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::windowStart, KpiValue::value)
                .containsExactly(tuple(MONDAY, 1.0), tuple(TUESDAY, 1.0), tuple(MONDAY, 2.0));
    }

    @Test
    void shouldNotCountALateRequest_whenItArrivesAfterTheGrace() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", TUESDAY_0800));
        tasks.pipeInput("t-3", requested("t-3", 0, "INVOICING", MONDAY_2350));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::windowStart, KpiValue::value)
                .containsExactly(tuple(MONDAY, 1.0), tuple(TUESDAY, 1.0));
    }

    private static CloudEvent requested(String taskId, long sequence, String type, Instant at) {
        byte[] data = KpiSerdes.json(TaskRequested.class).serializer()
                .serialize(Topics.TASKS.name(), new TaskRequested(taskId, "Tâche " + taskId, null, type,
                        TaskPriority.NORMAL, null, 0, "claire", Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                        CalendarSpec.FRANCE_DEFAULT, at.plusSeconds(86_400), at));
        return event(taskId, sequence, "relais.task.requested.v1", new String(data, StandardCharsets.UTF_8), at);
    }

    private static CloudEvent event(String taskId, long sequence, String type, String data, Instant at) {
        return CloudEventBuilder.v1()
                .withId(taskId + "-" + sequence)
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(type)
                .withSubject(taskId)
                .withTime(at.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
