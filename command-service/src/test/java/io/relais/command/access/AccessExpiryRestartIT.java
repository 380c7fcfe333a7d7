package io.relais.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relais.command.CommandServiceApplication;
import io.relais.command.access.AccessCommands.GrantAccess;
import io.relais.command.access.AccessCommands.RevokeAccess;
import io.relais.contract.access.AccessLevel;
import io.relais.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A grant's expiry is a persistent deadline: scheduled by one run of the service, it fires in the next one, once,
 * even though it fell due while no service was running; a grant revoked before its expiry never expires.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class AccessExpiryRestartIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_access_expiry");

    @Test
    void shouldExpireOnce_afterARestart_whenTheExpiryFellDueWhileTheServiceWasDown(EmbeddedKafkaBroker broker)
            throws Exception {
        String expiring = UUID.randomUUID().toString();
        String revoked = UUID.randomUUID().toString();
        Instant expiresAt;
        try (ConfigurableApplicationContext first = start(broker)) {
            // read once the service is up: a slow start must not let the expiry pass before the grant is made
            Instant now = Instant.now();
            expiresAt = now.plusSeconds(5);
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(grant(expiring, now, expiresAt));
            commands.sendAndWait(grant(revoked, now, expiresAt));
            commands.sendAndWait(new RevokeAccess(revoked, "Plus utile", "admin", now.plusMillis(10)));
            assertThat(pendingDeadlines(first.getBean(JdbcClient.class), expiring)).isOne();
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 500);

        try (ConfigurableApplicationContext second = start(broker)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(jdbc, expiring)).containsExactly("AccessGranted", "AccessExpired"));
            assertThat(pendingDeadlines(jdbc, expiring)).isZero();
            Thread.sleep(2_000); // several polling rounds later: still once
            assertThat(eventTypes(jdbc, expiring)).containsExactly("AccessGranted", "AccessExpired");
            assertThat(eventTypes(jdbc, revoked)).containsExactly("AccessGranted", "AccessRevoked");
            assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM access_grant_lookup WHERE grant_id = ?")
                    .param(expiring).query(Boolean.class).single()).isTrue();
        }
    }

    private static GrantAccess grant(String id, Instant now, Instant expiresAt) {
        return new GrantAccess(id, "agent-" + id.substring(0, 8), "acme", "payroll-folder", AccessLevel.READ,
                "Paie de mars", null, expiresAt, "admin", now);
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE.url(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--spring.datasource.password=" + DATABASE.password(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--db-scheduler.polling-interval=500ms");
    }

    private static long pendingDeadlines(JdbcClient jdbc, String grantId) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE position(? IN task_data) > 0")
                .param(grantId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
    }

    private static List<String> eventTypes(JdbcClient jdbc, String aggregateId) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(aggregateId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
