package io.relais.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** The wired application, exactly-once v2, against a real (in-process KRaft) broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.kpi.state-dir=${java.io.tmpdir}/relais-kpi-it-${random.uuid}"})
@EmbeddedKafka(kraft = true, partitions = 3)
class KpiStreamsIT {

    private static final Instant AT = Instant.parse("2026-03-16T09:15:00Z");

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Properties kpiStreamsSettings;

    @Test
    void shouldPublishTheCountReadCommitted_whenATaskRequestFollowsAPoisonRecord() throws Exception {
        assertThat(kpiStreamsSettings).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2);
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        try (Producer<String, byte[]> raw = new DefaultKafkaProducerFactory<>(producerProps, new StringSerializer(),
                new ByteArraySerializer()).createProducer();
             Producer<String, CloudEvent> events = new DefaultKafkaProducerFactory<>(producerProps,
                     new StringSerializer(), new CloudEventSerializer()).createProducer()) {
            raw.send(new ProducerRecord<>(Topics.TASKS.name(), "poison", "\u0000garbage".getBytes())).get();
            events.send(new ProducerRecord<>(Topics.TASKS.name(), "t-1", requested("t-1", "PAYROLL"))).get();
        }

        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps("kpi-it", "false", broker);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<KpiValue> seen = new ArrayList<>();
        // read_committed: only what the streams' transactions committed, as the query service reads it
        try (Consumer<String, KpiValue> consumer = new DefaultKafkaConsumerFactory<>(consumerProps,
                new StringDeserializer(), KpiSerdes.KPI_VALUE.deserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.KPIS.name()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                // the tests share the broker: only this test's task type, and its daily request count
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if ("PAYROLL".equals(record.value().group()) && "tasks-requested".equals(record.value().kpi())
                            && record.value().windowKind() == io.relais.contract.kpi.WindowKind.DAY) {
                        seen.add(record.value());
                    }
                });
                assertThat(seen).containsExactly(new KpiValue("tasks-requested", "task-type", "PAYROLL",
                        Instant.parse("2026-03-16T00:00:00Z"), Instant.parse("2026-03-17T00:00:00Z"), 1));
            });
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200));

        // the poison record was set aside, as read, with the reason and where it came from
        Map<String, Object> letterProps = KafkaTestUtils.consumerProps("kpi-dlt-it", "false", broker);
        letterProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> letters = new DefaultKafkaConsumerFactory<>(letterProps,
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())
                .createConsumer()) {
            letters.subscribe(List.of(Topics.deadLetterName(Topics.TASKS.name(),
                    DeadLetterDeserializationHandler.CONSUMER)));
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> copied = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                letters.poll(Duration.ofMillis(200)).forEach(copied::add);
                return !copied.isEmpty();
            });
            assertThat(copied).hasSize(1);
            assertThat(copied.get(0).key()).isEqualTo("poison");
            assertThat(copied.get(0).value()).isEqualTo("\u0000garbage".getBytes());
            assertThat(new String(copied.get(0).headers().lastHeader(DeadLetterDeserializationHandler.REASON_HEADER)
                    .value())).isNotBlank();
            assertThat(new String(copied.get(0).headers().lastHeader("kafka_dlt-original-topic").value()))
                    .isEqualTo(Topics.TASKS.name());
        }
    }

    /**
     * A task requested long ago and never worked on: its at-risk and breach instants passed before the app started,
     * so the first timer raises both, once, in one committed transaction.
     */
    @Test
    void shouldPublishTheSlaAlertsReadCommitted_onceEach_whenATasksDeadlinesPassedBeforeTheAppStarted()
            throws Exception {
        String taskId = "9d6a1f7e-5c3b-4e2a-8f10-2b3c4d5e6f70";
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        try (Producer<String, CloudEvent> events = new DefaultKafkaProducerFactory<>(producerProps,
                new StringSerializer(), new CloudEventSerializer()).createProducer()) {
            events.send(new ProducerRecord<>(Topics.TASKS.name(), taskId,
                    requested(taskId, "INVOICING", "CALENDAR_HOURS(1)", AT.plusSeconds(3600)))).get();
        }

        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps("sla-it", "false", broker);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<SlaAlert> seen = new ArrayList<>();
        try (Consumer<String, SlaAlert> consumer = new DefaultKafkaConsumerFactory<>(consumerProps,
                new StringDeserializer(), KpiSerdes.SLA_ALERT.deserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.SLA_ALERTS.name()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(taskId)) {
                        seen.add(record.value());
                    }
                });
                assertThat(seen).extracting(SlaAlert::kind, SlaAlert::crossedAt).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SlaAlert.Kind.AT_RISK, AT.plusSeconds(48 * 60)),
                        org.assertj.core.groups.Tuple.tuple(SlaAlert.Kind.BREACHED, AT.plusSeconds(3600)));
            });
            // a few more timer rounds: nothing is raised twice
            Thread.sleep(3_000);
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (record.key().equals(taskId)) {
                    seen.add(record.value());
                }
            });
        }
        assertThat(seen).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.taskId()).isEqualTo(taskId);
            assertThat(alert.slaPolicy()).isEqualTo("CALENDAR_HOURS(1)");
            assertThat(alert.requestedAt()).isEqualTo(AT);
            assertThat(alert.dueAt()).isEqualTo(AT.plusSeconds(3600));
            assertThat(alert.budgetSeconds()).isEqualTo(3600);
            assertThat(alert.elapsedSeconds()).isGreaterThan(3600);
        });
    }

    @Test
    void shouldOpenHealthOnly_everythingElseNeedsAnAuthenticatedCaller() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
        var closed = http.getForEntity("/actuator/env", String.class);
        assertThat(closed.getStatusCode().value()).isEqualTo(401);
        assertThat(closed.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    private static CloudEvent requested(String taskId, String type) {
        return requested(taskId, type, "BUSINESS_DAYS(2)", AT.plusSeconds(2 * 86_400));
    }

    private static CloudEvent requested(String taskId, String type, String slaPolicy, Instant dueAt) {
        byte[] data = KpiSerdes.json(TaskRequested.class).serializer()
                .serialize("x", new TaskRequested(taskId, "Préparer la paie", null, type, TaskPriority.HIGH, null,
                        0, "claire", Confidentiality.CONFIDENTIAL, slaPolicy, CalendarSpec.FRANCE_DEFAULT,
                        dueAt, AT));
        return CloudEventBuilder.v1()
                .withId(taskId + "-0")
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType("relais.task.requested.v1")
                .withSubject(taskId)
                .withTime(AT.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, 0L)
                .withData(data)
                .build();
    }

}
