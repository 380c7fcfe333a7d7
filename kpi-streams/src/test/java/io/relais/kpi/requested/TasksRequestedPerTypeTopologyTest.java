package io.relais.kpi.requested;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.kpi.KpiSerdes;
import java.net.URI;
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

    private static final Instant MONDAY_0915 = Instant.parse("2026-03-16T09:15:00Z");
    private static final Instant MONDAY_1630 = Instant.parse("2026-03-16T16:30:00Z");
    private static final Instant TUESDAY_0800 = Instant.parse("2026-03-17T08:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-17T00:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-18T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent> tasks;
    private TestOutputTopic<String, KpiValue> kpis;

    @BeforeEach
    void setUp() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "tasks-requested-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(
                new TasksRequestedPerTypeTopology(Duration.ofHours(1)).build(new StreamsBuilder()), settings);
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
    void shouldCountRequestsOfOneTypeOnOneDay_oneThenTwo_atTheEventTimes() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", MONDAY_1630));

        List<TestRecord<String, KpiValue>> output = kpis.readRecordsToList();

        assertThat(output).extracting(TestRecord::value).containsExactly(
                new KpiValue("tasks-requested", "task-type", "INVOICING", MONDAY, TUESDAY, 1),
                new KpiValue("tasks-requested", "task-type", "INVOICING", MONDAY, TUESDAY, 2));
        assertThat(output).extracting(TestRecord::getRecordTime).containsExactly(MONDAY_0915, MONDAY_1630);
        assertThat(output).extracting(TestRecord::key)
                .containsOnly("tasks-requested|task-type=INVOICING|2026-03-16T00:00:00Z");
    }

    @Test
    void shouldCountEachUtcDayInItsOwnWindow() {
        tasks.pipeInput("t-1", requested("t-1", 0, "CRM_UPDATE", MONDAY_1630));
        tasks.pipeInput("t-2", requested("t-2", 0, "CRM_UPDATE", TUESDAY_0800));

        assertThat(kpis.readValuesToList()).containsExactly(
                new KpiValue("tasks-requested", "task-type", "CRM_UPDATE", MONDAY, TUESDAY, 1),
                new KpiValue("tasks-requested", "task-type", "CRM_UPDATE", TUESDAY, WEDNESDAY, 1));
    }

    @Test
    void shouldCountTypesSeparately() {
        tasks.pipeInput("t-1", requested("t-1", 0, "INVOICING", MONDAY_0915));
        tasks.pipeInput("t-2", requested("t-2", 0, "SUPPORT_L1", MONDAY_1630));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::group, KpiValue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INVOICING", 1.0),
                        org.assertj.core.groups.Tuple.tuple("SUPPORT_L1", 1.0));
    }

    @Test
    void shouldNotCountARedeliveredEvent_sameTaskAndSequence() {
        CloudEvent event = requested("t-1", 0, "INVOICING", MONDAY_0915);
        tasks.pipeInput("t-1", event);
        tasks.pipeInput("t-1", event);
        tasks.pipeInput("t-2", requested("t-2", 0, "INVOICING", MONDAY_1630));

        assertThat(kpis.readValuesToList()).extracting(KpiValue::value).containsExactly(1.0, 2.0);
    }

    @Test
    void shouldIgnoreOtherEventTypes() {
        tasks.pipeInput("t-1", event("t-1", 1, "relais.task.started.v1", "{}", MONDAY_0915));

        assertThat(kpis.isEmpty()).isTrue();
    }

    private static CloudEvent requested(String taskId, long sequence, String type, Instant at) {
        String data = new String(write(new TaskRequested(taskId, "Tâche " + taskId, type, TaskPriority.NORMAL, at)));
        return event(taskId, sequence, "relais.task.requested.v1", data, at);
    }

    private static CloudEvent event(String taskId, long sequence, String type, String data, Instant at) {
        return CloudEventBuilder.v1()
                .withId(taskId + "-" + sequence)
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(type)
                .withSubject(taskId)
                .withTime(at.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withData(data.getBytes())
                .build();
    }

    private static byte[] write(Object value) {
        return KpiSerdes.json(Object.class).serializer().serialize("x", value);
    }
}
