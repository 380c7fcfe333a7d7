package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relais.testsupport.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Retention of delivered webhooks, on the real PostgreSQL with the service's schema (Flyway, every migration): the
 * repository and the purge as the service wires them, without the rest of the service, under a clock the test moves.
 */
class WebhookRetentionIT {

    private static final TestDatabase DATABASE = TestDatabase.create("query_webhook_retention");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String TYPE = "relais.task.started.v1";

    private static JdbcClient jdbc;
    private static WebhookRepository repository;
    private final MovableClock clock = new MovableClock(NOW);

    @BeforeAll
    static void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DATABASE.url(), DATABASE.user(),
                DATABASE.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        repository = new WebhookRepository(jdbc, new DataSourceTransactionManager(dataSource));
    }

    /** The purge is global: each test starts from no subscription, hence no delivery, attempt or key. */
    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM webhook_subscription").update();
    }

    @Test
    void shouldPurgeOldDeliveredDeliveriesAndTheirAttempts_andKeepRecentDeliveredDeadAndPendingOnes() {
        UUID subscription = subscribe();
        UUID oldDelivered = deliveredAt(subscription, "old-delivered", NOW.minus(RETENTION).minusSeconds(1));
        UUID recentDelivered = deliveredAt(subscription, "recent-delivered", NOW.minus(RETENTION).plusSeconds(60));
        UUID oldDead = deadAt(subscription, "old-dead", NOW.minus(Duration.ofDays(90)));
        UUID oldPending = pendingSince(subscription, "old-pending", NOW.minus(Duration.ofDays(90)));
        assertThat(attemptCount(oldDelivered)).isEqualTo(2);

        int purged = retention(WebhookRetention.BATCH).purge();

        assertThat(purged).isEqualTo(1);
        assertThat(repository.delivery(oldDelivered)).isEmpty();
        assertThat(attemptCount(oldDelivered)).as("its attempts went with it").isZero();
        assertThat(status(recentDelivered)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(attemptCount(recentDelivered)).isEqualTo(2);
        assertThat(status(oldDead)).as("a dead letter waits for an administrator").isEqualTo(DeliveryStatus.DEAD);
        assertThat(attemptCount(oldDead)).isEqualTo(1);
        assertThat(status(oldPending)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(attemptCount(oldPending)).isEqualTo(1);
        assertThat(repository.deadLetters(10)).extracting(DeliveryView::id).containsExactly(oldDead);
    }

    @Test
    void shouldRecordNothing_whenThePurgedEventIsReadAgain_butStillRecordANewEvent() {
        UUID subscription = subscribe();
        deliveredAt(subscription, "purged-event", NOW.minus(Duration.ofDays(45)));
        assertThat(retention(WebhookRetention.BATCH).purge()).isEqualTo(1);
        assertThat(repository.deliveries(subscription, null, 10)).isEmpty();

        // the record read again: the -webhooks group's offsets lost, the topic keeps every record
        int readAgain = repository.record(TYPE, () -> event("purged-event"), "relais.tasks.v1", 0, 7, NOW);
        int newEvent = repository.record(TYPE, () -> event("new-event"), "relais.tasks.v1", 0, 8, NOW);

        assertThat(readAgain).as("its dedup key outlived the delivery").isZero();
        assertThat(newEvent).isEqualTo(1);
        assertThat(repository.deliveries(subscription, null, 10)).extracting(DeliveryView::eventId)
                .containsExactly("new-event");
        assertThat(repository.claimDue(NOW, NOW.plusSeconds(60), 10)).extracting(WebhookRepository.DueDelivery::eventId)
                .as("nothing of the purged event is due").containsExactly("new-event");
    }

    @Test
    void shouldPurgeInBoundedBatches_untilNothingOldIsLeft() {
        UUID subscription = subscribe();
        for (int i = 0; i < 5; i++) {
            deliveredAt(subscription, "old-" + i, NOW.minus(Duration.ofDays(40)).plusSeconds(i));
        }
        UUID recent = deliveredAt(subscription, "recent", NOW.minus(Duration.ofDays(1)));

        int firstBatch = repository.purgeDelivered(NOW.minus(RETENTION), 2);
        assertThat(firstBatch).as("one statement deletes at most its limit").isEqualTo(2);
        assertThat(repository.deliveries(subscription, null, 10)).extracting(DeliveryView::eventId)
                .as("the oldest first").doesNotContain("old-0", "old-1").contains("old-2", "old-3", "old-4");

        int rest = retention(2).purge();

        assertThat(rest).isEqualTo(3);
        assertThat(repository.deliveries(subscription, null, 10)).extracting(DeliveryView::id).containsExactly(recent);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_attempt").query(Integer.class).single())
                .as("the recent delivery's two").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery_key WHERE subscription_id = :id")
                .param("id", subscription).query(Integer.class).single()).as("every key kept").isEqualTo(6);
    }

    @Test
    void shouldPurgeOnItsSchedule_onceTheClockHasMovedPastTheRetention() {
        UUID subscription = subscribe();
        UUID delivered = deliveredAt(subscription, "delivered-yesterday", NOW.minus(Duration.ofDays(1)));
        WebhookRetention retention = new WebhookRetention(repository, properties(Duration.ofMillis(50)), clock);
        retention.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> purgeRuns() >= 2);
            assertThat(repository.delivery(delivered)).as("not old enough yet").isPresent();

            clock.moveTo(NOW.plus(RETENTION));

            await().atMost(Duration.ofSeconds(10)).until(() -> repository.delivery(delivered).isEmpty());
            assertThat(attemptCount(delivered)).isZero();
        } finally {
            retention.stop();
        }
    }

    // --- helpers

    /** Runs of the purge so far, seen as the clock's readings: the purge reads the clock once per run. */
    private int purgeRuns() {
        return clock.readings();
    }

    private WebhookRetention retention(int batchSize) {
        return new WebhookRetention(repository, properties(Duration.ofHours(1)), clock, batchSize);
    }

    private static WebhookProperties properties(Duration purgeInterval) {
        return new WebhookProperties(true, null, null, null, null, null, null, null, RETENTION, purgeInterval, null,
                null);
    }

    private static UUID subscribe() {
        UUID id = UUID.randomUUID();
        repository.insertSubscription(id, "CRM sync", URI.create("http://127.0.0.1:9/crm"), List.of("relais.task.*"),
                "whsec_test", true, "admin", NOW.minus(Duration.ofDays(365)), Map::of);
        return id;
    }

    private static UUID recorded(UUID subscription, String eventId, Instant at) {
        assertThat(repository.record(TYPE, () -> event(eventId), "relais.tasks.v1", 0, 1, at)).isEqualTo(1);
        return repository.deliveries(subscription, null, 100).stream()
                .filter(delivery -> delivery.eventId().equals(eventId)).findFirst().orElseThrow().id();
    }

    /** Delivered at {@code at}, after one failed attempt. */
    private static UUID deliveredAt(UUID subscription, String eventId, Instant at) {
        UUID id = recorded(subscription, eventId, at.minusSeconds(60));
        repository.recordAttempt(id, new WebhookRepository.Attempt(at.minusSeconds(30), 12, 500, "HTTP 500"),
                backoff(), 8);
        repository.recordAttempt(id, new WebhookRepository.Attempt(at, 12, 200, null), backoff(), 8);
        return id;
    }

    private static UUID deadAt(UUID subscription, String eventId, Instant at) {
        UUID id = recorded(subscription, eventId, at.minusSeconds(60));
        repository.recordAttempt(id, new WebhookRepository.Attempt(at, 12, 500, "HTTP 500"), backoff(), 1);
        return id;
    }

    /** Recorded long ago, failed once, due again: a receiver down for long (a paused subscription is the same). */
    private static UUID pendingSince(UUID subscription, String eventId, Instant at) {
        UUID id = recorded(subscription, eventId, at);
        repository.recordAttempt(id, new WebhookRepository.Attempt(at, 12, 503, "HTTP 503"), backoff(), 8);
        return id;
    }

    private static WebhookBackoff backoff() {
        return new WebhookBackoff(Duration.ofSeconds(30), 4.0, Duration.ofHours(6));
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(id, TYPE, "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\"}");
    }

    private static DeliveryStatus status(UUID delivery) {
        return repository.delivery(delivery).orElseThrow().delivery().status();
    }

    private static int attemptCount(UUID delivery) {
        return jdbc.sql("SELECT count(*) FROM webhook_attempt WHERE delivery_id = :id").param("id", delivery)
                .query(Integer.class).single();
    }

    /** A clock the test moves, which counts how often it was read. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;
        private final AtomicInteger readings = new AtomicInteger();

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        int readings() {
            return readings.get();
        }

        @Override
        public Instant instant() {
            readings.incrementAndGet();
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
