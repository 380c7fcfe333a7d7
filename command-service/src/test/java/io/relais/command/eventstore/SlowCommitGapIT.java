package io.relais.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relais.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gap rule of BRIEF §8 (issue 9, item 5), with the timeouts shrunk so the test is quick but keep their order:
 * idle-in-transaction 10 s &lt; gap timeout 20 s. A transaction that took its global index early and commits late, after
 * later events were relayed, is still relayed (the relay waits for the gap); a transaction held open longer than the
 * database allows is aborted by PostgreSQL before the gap timeout can pass, so it never stores an event the relay
 * could skip (shown with a 1 s session timeout, to keep the test short).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.event-store.gap-timeout=20s",
        "RELAIS_COMMAND_DB_IDLE_IN_TX_TIMEOUT_MS=10000"})
@EmbeddedKafka(kraft = true, partitions = 1)
class SlowCommitGapIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_gap");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void shouldRelayASlowCommit_thatLandsBehindLaterEvents_withinTheGapTimeout() throws Exception {
        String slowTask = UUID.randomUUID().toString();
        try (Connection slow = connect()) {
            long position = appendUncommitted(slow, slowTask, 10_000);
            String later = request("Demande rapide");
            await().atMost(Duration.ofSeconds(20)).until(() -> linked(eventOf(later)));
            assertThat(position).isLessThan(positionOf(later));

            Thread.sleep(1_500); // the commit comes late, behind later events, yet within the idle timeout
            slow.commit();
        }

        await("the slow commit relayed although later events went first").atMost(Duration.ofSeconds(20))
                .until(() -> linked(eventOf(slowTask)));
    }

    @Test
    void shouldNeverStoreAnEvent_whoseTransactionOutlivesTheDatabasesIdleTimeout() throws Exception {
        String abandoned = UUID.randomUUID().toString();
        try (Connection slow = connect()) {
            appendUncommitted(slow, abandoned, 1_000);
            Thread.sleep(2_500); // past the idle-in-transaction timeout: PostgreSQL ends the session

            assertThatThrownBy(slow::commit).isInstanceOf(SQLException.class);
        }
        request("Après l'abandon");

        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(abandoned)
                .query(Long.class).single()).isZero();
    }

    /** Appends a task event in a transaction left open, as a slow command would; answers the global index it took. */
    private static long appendUncommitted(Connection connection, String taskId, int idleTimeoutMillis)
            throws SQLException {
        connection.createStatement().execute("SET idle_in_transaction_session_timeout = " + idleTimeoutMillis);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Task', ?, ?, ?, NULL, 'io.relais.contract.task.TaskRequested', '2026-03-16T08:00:00Z')
                RETURNING globalindex""")) {
            insert.setString(1, taskId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, ("{\"taskId\":\"" + taskId + "\",\"title\":\"Demande lente\",\"type\":\"INVOICING\","
                    + "\"priority\":\"LOW\",\"requestedAt\":\"2026-03-16T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
            var result = insert.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
    }

    private String request(String title) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = http.withBasicAuth("claire", "demo-claire").postForEntity("/api/tasks",
                new HttpEntity<>("{\"title\": \"" + title + "\", \"type\": \"INVOICING\"}", headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return String.valueOf(created.getBody().get("id"));
    }

    private String eventOf(String taskId) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?").param(taskId)
                .query(String.class).single();
    }

    private long positionOf(String taskId) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?").param(taskId)
                .query(Long.class).single();
    }

    private boolean linked(String eventId) {
        return jdbc.sql("SELECT count(*) FROM event_chain WHERE event_id = ?").param(eventId).query(Long.class)
                .single() == 1;
    }
}
