package io.relais.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.command.task.TaskCommands;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import java.util.Set;
import io.relais.contract.Topics;
import io.relais.contract.task.TaskPriority;
import io.relais.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.producer.value-serializer=io.relais.command.relay.FailingFirstSendsSerializer"})
@EmbeddedKafka(kraft = true, partitions = 1)
class RelayRetryIT {

    private static final TestDatabase DATABASE = TestDatabase.create("relay");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRetryAFailedSend_untilAcknowledged_neverSkippingAnEvent() {
        FailingFirstSendsSerializer.FAILURES_LEFT.set(2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            Instant at = Instant.parse("2026-03-16T08:30:00Z");
            commands.sendAndWait(new TaskCommands.RequestTask(id, "Tâche " + i, null, "DATA_ENTRY",
                    TaskPriority.NORMAL, null, 0, Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                    CalendarSpec.FRANCE_DEFAULT, at.plusSeconds(86_400), List.of(),
                    new Actor("claire", Set.of(Role.REQUESTER), "acme"), at));
            ids.add(id);
        }

        List<String> relayed = new ArrayList<>();
        try (Consumer<String, CloudEvent> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> relayed.add(record.key()));
                assertThat(relayed).containsExactlyInAnyOrderElementsOf(ids);
            });
        }
        assertThat(FailingFirstSendsSerializer.FAILURES_LEFT).hasValue(0);

        long lastGlobalIndex = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TrackingToken token = transactions.fetchInTransaction(() -> tokens.fetchToken("kafka-relay", 0));
            assertThat(((GapAwareTrackingToken) token).getIndex()).isEqualTo(lastGlobalIndex);
        });
    }

    private Consumer<String, CloudEvent> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps("relay-retry-it", "false", broker);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, CloudEvent> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new CloudEventDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.TASKS.name()));
        return consumer;
    }
}
