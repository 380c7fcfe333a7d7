package io.relais.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relais.command.audit.ChainVerification.Problem;
import io.relais.command.audit.ChainVerification.Status;
import io.relais.command.task.TaskCommands;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tamper evidence on the real event store (issue 5): rows of {@code domainevententry} are altered and deleted with
 * plain SQL, as someone with database access could, and verify must pinpoint the position each time. Each test
 * repairs what it broke, so the chain is whole again before the next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.audit.head-interval=1h"})
@EmbeddedKafka(kraft = true, partitions = 1)
class EventChainTamperIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_chain");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    ChainHeadPublisher heads;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void someChainedEvents() throws Exception {
        for (int i = 0; i < 4; i++) {
            request("Tâche " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("event_chain") == count("domainevententry"));
        heads.publish();
    }

    @Test
    void shouldVerify_whenNothingWasTouched_andAnswerAuditorsOnly() {
        ChainVerification verification = verifier.verify();

        assertThat(verification.status()).isEqualTo(Status.VALID);
        assertThat(verification.chainLength()).isEqualTo(count("domainevententry"));
        assertThat(verification.unchainedEvents()).isZero();
        assertThat(verification.firstBreak()).isNull();
        assertThat(verification.head().signatureValid()).isTrue();
        assertThat(verification.head().matches()).isTrue();
        assertThat(http.withBasicAuth("audrey", "demo-audrey").getForEntity("/api/audit/verification", Map.class)
                .getBody().get("status")).isEqualTo("VALID");
        assertThat(http.withBasicAuth("marc", "demo-marc").getForEntity("/api/audit/verification", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldPinpointTheAlteredEvent_whenOneRowIsUpdated() {
        long position = middlePosition();
        byte[] original = jdbc.sql("SELECT payload FROM domainevententry WHERE globalindex = ?").param(position)
                .query(byte[].class).single();
        jdbc.sql("""
                UPDATE domainevententry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'DATA_ENTRY', 'INVOICING'), 'UTF8')
                WHERE globalindex = ?""").param(position).update();
        try {
            ChainVerification verification = verifier.verify();

            assertThat(verification.status()).isEqualTo(Status.BROKEN);
            assertThat(verification.firstBreak().position()).isEqualTo(position);
            assertThat(verification.firstBreak().chainIndex()).isEqualTo(indexOf(position));
            assertThat(verification.firstBreak().problem()).isEqualTo(Problem.ALTERED);
        } finally {
            jdbc.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(original, position).update();
        }
        assertThat(verifier.verify().status()).isEqualTo(Status.VALID);
    }

    @Test
    void shouldPinpointTheDeletedEvent_whenOneRowIsDeleted() {
        long position = middlePosition();
        Map<String, Object> row = row(position);
        jdbc.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(position).update();
        try {
            ChainVerification verification = verifier.verify();

            assertThat(verification.status()).isEqualTo(Status.BROKEN);
            assertThat(verification.firstBreak().position()).isEqualTo(position);
            assertThat(verification.firstBreak().problem()).isEqualTo(Problem.DELETED);
        } finally {
            restore(row);
        }
        assertThat(verifier.verify().status()).isEqualTo(Status.VALID);
    }

    @Test
    void shouldPinpointTheMissingLink_whenAnEventIsDeletedWithItsLink() {
        long position = middlePosition();
        long index = indexOf(position);
        Map<String, Object> row = row(position);
        Map<String, Object> link = link(position);
        jdbc.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(position).update();
        jdbc.sql("DELETE FROM event_chain WHERE position = ?").param(position).update();
        try {
            ChainVerification verification = verifier.verify();

            assertThat(verification.status()).isEqualTo(Status.BROKEN);
            assertThat(verification.firstBreak().chainIndex()).isEqualTo(index);
            assertThat(verification.firstBreak().problem()).isEqualTo(Problem.DELETED);
        } finally {
            restore(row);
            restoreLink(link);
        }
        assertThat(verifier.verify().status()).isEqualTo(Status.VALID);
    }

    @Test
    void shouldPinpointAnUnlinkedEvent_thatTheRelayHasPassed() {
        long newest = jdbc.sql("SELECT position FROM event_chain ORDER BY chain_index DESC LIMIT 1").query(Long.class)
                .single();
        Map<String, Object> link = link(newest);
        jdbc.sql("DELETE FROM event_chain WHERE position = ?").param(newest).update();
        try {
            ChainVerification verification = verifier.verify();

            assertThat(verification.status()).isEqualTo(Status.BROKEN);
            assertThat(verification.firstBreak().problem()).isEqualTo(Problem.INSERTED);
            assertThat(verification.firstBreak().position()).isEqualTo(newest);
            assertThat(verification.firstBreak().eventId()).isEqualTo(link.get("event_id"));
        } finally {
            restoreLink(link);
        }
        assertThat(verifier.verify().status()).isEqualTo(Status.VALID);
    }

    @Test
    void shouldDetectTheNewestEventsDeleted_withTheirLinks_fromTheSignedHead() {
        long head = jdbc.sql("SELECT position FROM event_chain ORDER BY chain_index DESC LIMIT 1").query(Long.class)
                .single();
        Map<String, Object> row = row(head);
        Map<String, Object> link = link(head);
        jdbc.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(head).update();
        jdbc.sql("DELETE FROM event_chain WHERE position = ?").param(head).update();
        try {
            ChainVerification verification = verifier.verify();

            assertThat(verification.status()).isEqualTo(Status.BROKEN);
            assertThat(verification.firstBreak().problem()).isEqualTo(Problem.REWRITTEN);
            assertThat(verification.firstBreak().position()).isEqualTo(head);
            assertThat(verification.head().detail()).contains("events were removed from its end");
        } finally {
            restore(row);
            restoreLink(link);
        }
        assertThat(verifier.verify().status()).isEqualTo(Status.VALID);
    }

    private Map<String, Object> row(long position) {
        return jdbc.sql("SELECT * FROM domainevententry WHERE globalindex = ?").param(position).query().singleRow();
    }

    private Map<String, Object> link(long position) {
        return jdbc.sql("SELECT * FROM event_chain WHERE position = ?").param(position).query().singleRow();
    }

    private long indexOf(long position) {
        return jdbc.sql("SELECT chain_index FROM event_chain WHERE position = ?").param(position).query(Long.class)
                .single();
    }

    private void restoreLink(Map<String, Object> link) {
        jdbc.sql("INSERT INTO event_chain (chain_index, position, event_id, hash, linked_at) VALUES (?, ?, ?, ?, ?)")
                .params(link.get("chain_index"), link.get("position"), link.get("event_id"), link.get("hash"),
                        link.get("linked_at"))
                .update();
    }

    private void restore(Map<String, Object> row) {
        jdbc.sql("""
                        INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                               eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.get("globalindex"), row.get("aggregateidentifier"), row.get("sequencenumber"),
                        row.get("type"), row.get("eventidentifier"), row.get("metadata"), row.get("payload"),
                        row.get("payloadrevision"), row.get("payloadtype"), row.get("timestamp"))
                .update();
    }

    private long middlePosition() {
        List<Long> positions = jdbc.sql("SELECT position FROM event_chain ORDER BY chain_index").query(Long.class).list();
        return positions.get(positions.size() / 2);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private void request(String title) {
        Instant at = Instant.parse("2026-03-16T08:30:00Z");
        commands.sendAndWait(new TaskCommands.RequestTask(UUID.randomUUID().toString(), title, null, "DATA_ENTRY",
                TaskPriority.NORMAL, null, 0, Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                CalendarSpec.FRANCE_DEFAULT, at.plusSeconds(86_400), List.of(),
                new Actor("claire", Set.of(Role.REQUESTER), "acme"), at));
    }
}
