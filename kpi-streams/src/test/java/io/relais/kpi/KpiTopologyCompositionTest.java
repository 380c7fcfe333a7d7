package io.relais.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.kpi.rolling.HealthWeights;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The topology the service runs, as KpiStreamsConfiguration composes it: every topology on one builder. */
class KpiTopologyCompositionTest {

    private static final Instant FRIDAY_1700 = Instant.parse("2026-03-13T16:00:00Z");

    private final KpiStreamsProperties properties = new KpiStreamsProperties("composition-test",
            Path.of("unused"), Duration.ofMillis(200), Duration.ofHours(1), (short) 1, null, null, null);

    @Test
    void shouldReadTheTaskEventsThroughOneSourceNode_whenTheTopologiesAreComposed() {
        String description = KpiStreamsConfiguration.topology(properties).describe().toString();

        Matcher sources = Pattern.compile("Source: .*\\(topics: \\[" + Pattern.quote(Topics.TASKS.name()) + "]\\)")
                .matcher(description);
        assertThat(sources.results().count()).as(description).isEqualTo(1);
        assertThat(description).contains(Topics.KPIS.name(), Topics.SLA_ALERTS.name());
    }

    @Test
    void shouldDefaultToATimerEverySecondAndAtRiskAt80Percent_whenNothingIsConfigured() {
        assertThat(properties.sla().punctuationInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.sla().atRiskRatio()).isEqualTo(0.8);
    }

    @Test
    void shouldDefaultToPublishingEverySecondAndTheSeedsPhaseWeights_whenNothingIsConfigured() {
        assertThat(properties.rolling().publishInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.rolling().wipInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.health().growth()).isEqualTo(HealthWeights.GROWTH_DEFAULTS);
        assertThat(properties.health().transformation()).isEqualTo(HealthWeights.TRANSFORMATION_DEFAULTS);
        assertThat(properties.health().sale()).isEqualTo(HealthWeights.SALE_DEFAULTS);
    }

    @Test
    void shouldKeepTheDefaultsOfThePhase_whenOnlySomeWeightsAreConfigured() {
        HealthWeights weights = new HealthWeights(new HealthWeights.Phase(1.0, null, null, null, null, null), null,
                null);

        assertThat(weights.growth()).isEqualTo(new HealthWeights.Phase(1.0, 0.4, 0.0, 0.0, 0.0, 0.2));
        assertThat(weights.sale()).isEqualTo(HealthWeights.SALE_DEFAULTS);
    }

    @Test
    void shouldCountTheRequestAndRaiseItsSlaAlerts_whenOneRequestGoesThroughTheComposedTopology() {
        Topology topology = KpiStreamsConfiguration.topology(properties);
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "composition-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, settings, FRIDAY_1700)) {
            TestInputTopic<String, CloudEvent> tasks = driver.createInputTopic(Topics.TASKS.name(),
                    KpiSerdes.KEY.serializer(), KpiSerdes.CLOUD_EVENT.serializer());
            TestOutputTopic<String, KpiValue> kpis = driver.createOutputTopic(Topics.KPIS.name(),
                    KpiSerdes.KEY.deserializer(), KpiSerdes.KPI_VALUE.deserializer());
            TestOutputTopic<String, SlaAlert> alerts = driver.createOutputTopic(Topics.SLA_ALERTS.name(),
                    KpiSerdes.KEY.deserializer(), KpiSerdes.SLA_ALERT.deserializer());

            tasks.pipeInput("t-1", requested("t-1", "BUSINESS_HOURS(24)"));
            driver.advanceWallClockTime(Duration.between(FRIDAY_1700, Instant.parse("2026-03-18T13:00:00Z")));

            assertThat(kpis.readValuesToList()).filteredOn(value -> value.kpi().equals("tasks-requested")
                            && value.windowKind() == WindowKind.DAY)
                    .extracting(KpiValue::dimension, KpiValue::group, KpiValue::value)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("overall", "all", 1.0),
                            org.assertj.core.groups.Tuple.tuple("task-type", "INVOICING", 1.0),
                            org.assertj.core.groups.Tuple.tuple("process", "ad-hoc", 1.0));
            assertThat(alerts.readValuesToList()).extracting(SlaAlert::taskId, SlaAlert::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("t-1", SlaAlert.Kind.AT_RISK),
                    org.assertj.core.groups.Tuple.tuple("t-1", SlaAlert.Kind.BREACHED));
        }
    }

    private static CloudEvent requested(String taskId, String policy) {
        byte[] data = KpiSerdes.json(TaskRequested.class).serializer().serialize("x", new TaskRequested(taskId,
                "Factures", null, "INVOICING", TaskPriority.NORMAL, null, 0, "claire", Confidentiality.INTERNAL,
                policy, CalendarSpec.FRANCE_DEFAULT, Instant.parse("2026-03-18T13:00:00Z"), FRIDAY_1700));
        return CloudEventBuilder.v1()
                .withId(taskId + "-0")
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(EventType.TASK_REQUESTED.cloudEventType())
                .withSubject(taskId)
                .withTime(FRIDAY_1700.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, 0L)
                .withData(data)
                .build();
    }
}
