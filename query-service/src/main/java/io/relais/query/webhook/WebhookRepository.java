package io.relais.query.webhook;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriptions and where each starts, their deliveries (the outbox), every attempt and the dedup keys, in
 * PostgreSQL (V9, V11, V12).
 */
@Repository
class WebhookRepository {

    /** An active subscription's filter, as the listener matches events against it. */
    record ActiveSubscription(UUID id, List<String> eventTypes) {
    }

    /** A delivery claimed for sending, with what it needs: where, the body, the secret to sign with. */
    record DueDelivery(UUID deliveryId, String eventId, String body, URI url, String secret) {
    }

    /** What one attempt gave. */
    record Attempt(Instant at, long latencyMs, Integer responseCode, String error) {
        boolean delivered() {
            return responseCode != null && responseCode / 100 == 2;
        }
    }

    enum Redelivery { QUEUED, NOT_DEAD, NOT_FOUND }

    private static final String SUBSCRIPTION_COLUMNS =
            "subscription_id, name, url, event_types, active, created_by, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "delivery_id, subscription_id, event_id, event_type, status, "
            + "attempts, created_at, next_attempt_at, last_attempt_at, last_response_code, last_error, delivered_at, "
            + "dead_at";
    private static final int ERROR_LENGTH = 500;
    /**
     * The PostgreSQL advisory lock between creating a subscription (exclusive) and recording deliveries (shared), see
     * {@link #insertSubscription}; transaction-scoped, so never left held.
     */
    private static final String START_LOCK = "hashtext('relais.webhook_subscription_start')";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    WebhookRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    // --- subscriptions

    /**
     * The subscription and where it starts, in one transaction: {@code startOffsets} (the topics' end offsets, asked of
     * the broker) is called inside it, so that if it fails nothing is written. Meanwhile this transaction holds
     * {@link #START_LOCK} exclusively, and {@link #record} shares it: a record the listeners are recording now waits
     * or is waited for, and one at or past a start offset (readable only after the broker answered) is recorded after
     * this commit, hence for this subscription. Without it, such a record read in the window between the broker's
     * answer and this commit would be missed.
     */
    void insertSubscription(UUID id, String name, URI url, List<String> eventTypes, String secret, boolean active,
                            String createdBy, Instant at, Supplier<Map<TopicPartition, Long>> startOffsets) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(" + START_LOCK + ")").query((row, n) -> 1).single();
            Map<TopicPartition, Long> starts = startOffsets.get();
            jdbc.sql("""
                            INSERT INTO webhook_subscription (subscription_id, name, url, event_types, secret, active,
                                                              created_by, created_at, updated_at)
                            VALUES (:id, :name, :url, :types, :secret, :active, :by, :at, :at)""")
                    .param("id", id).param("name", name).param("url", url.toString())
                    .param("types", eventTypes.toArray(String[]::new)).param("secret", secret).param("active", active)
                    .param("by", createdBy).param("at", Timestamp.from(at))
                    .update();
            starts.forEach((partition, offset) -> jdbc.sql("""
                            INSERT INTO webhook_subscription_start (subscription_id, topic, partition, start_offset)
                            VALUES (:id, :topic, :partition, :offset)""")
                    .param("id", id).param("topic", partition.topic()).param("partition", partition.partition())
                    .param("offset", offset)
                    .update());
        });
    }

    Optional<SubscriptionView> subscription(UUID id) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscription WHERE subscription_id = :id")
                .param("id", id).query((row, n) -> subscription(row)).optional();
    }

    List<SubscriptionView> subscriptions() {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscription ORDER BY created_at, subscription_id")
                .query((row, n) -> subscription(row)).list();
    }

    boolean setActive(UUID id, boolean active, Instant at) {
        return jdbc.sql("UPDATE webhook_subscription SET active = :active, updated_at = :at WHERE subscription_id = :id")
                .param("active", active).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    boolean replaceSecret(UUID id, String secret, Instant at) {
        return jdbc.sql("UPDATE webhook_subscription SET secret = :secret, updated_at = :at WHERE subscription_id = :id")
                .param("secret", secret).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** With its deliveries and their attempts (ON DELETE CASCADE): what was pending is not sent. */
    boolean deleteSubscription(UUID id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE subscription_id = :id").param("id", id).update() == 1;
    }

    // --- the outbox, filled by the listeners

    /**
     * Records the event ({@code event} is only built if someone asks for {@code type}) for every active subscription that asks for its type, in one transaction, before the
     * listener returns and the record's offset is committed. A record read again (a crash before the commit, a
     * rebalance, the same event published twice, the group's offsets lost) finds its keys in
     * {@code webhook_delivery_key} and adds nothing, even once its delivery was purged ({@link #purgeDelivered}).
     * A subscription never gets a record below its start offset in that partition ({@code webhook_subscription_start},
     * V12): the record was on the topic before the subscription was created, and is only read again because the
     * group's offsets were lost. One created before V12 has no start offsets, only its keys.
     *
     * @return how many deliveries were added
     */
    int record(String type, Supplier<WebhookEvent> event, String topic, int partition, long offset, Instant at) {
        Integer added = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock_shared(" + START_LOCK + ")").query((row, n) -> 1).single();
            List<ActiveSubscription> subscribers = activeSubscriptions(topic, partition, offset).stream()
                    .filter(subscription -> WebhookEventTypes.anyMatches(subscription.eventTypes(), type))
                    .toList();
            if (subscribers.isEmpty()) {
                return 0;
            }
            WebhookEvent delivered = event.get();
            int count = 0;
            for (ActiveSubscription subscription : subscribers) {
                // the key first, in the same statement: a concurrent reader of the same record waits for it, then
                // finds it and records nothing
                count += jdbc.sql("""
                                WITH new_key AS (
                                    INSERT INTO webhook_delivery_key (subscription_id, event_id, recorded_at)
                                    VALUES (:subscription, :eventId, :at)
                                    ON CONFLICT DO NOTHING
                                    RETURNING subscription_id)
                                INSERT INTO webhook_delivery (delivery_id, subscription_id, event_id, event_type, body,
                                    source_topic, source_partition, source_offset, status, created_at, next_attempt_at)
                                SELECT :delivery, subscription_id, :eventId, :type, :body, :topic, :partition, :offset,
                                       'PENDING', :at, :at
                                FROM new_key
                                ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING""")
                        .param("delivery", UUID.randomUUID()).param("subscription", subscription.id())
                        .param("eventId", delivered.id()).param("type", delivered.type())
                        .param("body", delivered.body())
                        .param("topic", topic).param("partition", partition).param("offset", offset)
                        .param("at", Timestamp.from(at))
                        .update();
            }
            return count;
        });
        return added == null ? 0 : added;
    }

    /** The active subscriptions created before the record at {@code offset} of {@code topic}-{@code partition}. */
    private List<ActiveSubscription> activeSubscriptions(String topic, int partition, long offset) {
        return jdbc.sql("""
                        SELECT subscription_id, event_types FROM webhook_subscription s
                        WHERE active AND NOT EXISTS (
                            SELECT 1 FROM webhook_subscription_start start
                            WHERE start.subscription_id = s.subscription_id AND start.topic = :topic
                              AND start.partition = :partition AND start.start_offset > :offset)""")
                .param("topic", topic).param("partition", partition).param("offset", offset)
                .query((row, n) -> new ActiveSubscription(row.getObject(1, UUID.class), strings(row.getArray(2))))
                .list();
    }

    // --- the dispatcher

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions: their due time moves to {@code leaseUntil},
     * so that no other dispatcher (another instance) takes them meanwhile, and so that they are due again if this one
     * dies before recording the attempt. SKIP LOCKED: concurrent dispatchers claim different rows.
     */
    List<DueDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET next_attempt_at = :leaseUntil
                        FROM webhook_subscription s
                        WHERE s.subscription_id = d.subscription_id AND d.delivery_id IN (
                            SELECT due.delivery_id FROM webhook_delivery due
                            JOIN webhook_subscription sub ON sub.subscription_id = due.subscription_id
                            WHERE due.status = 'PENDING' AND due.next_attempt_at <= :now AND sub.active
                            ORDER BY due.next_attempt_at
                            LIMIT :limit
                            FOR UPDATE OF due SKIP LOCKED)
                        RETURNING d.delivery_id, d.event_id, d.body, s.url, s.secret""")
                .param("leaseUntil", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((row, n) -> new DueDelivery(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        URI.create(row.getString(4)), row.getString(5)))
                .list();
    }

    /**
     * Records one attempt and what follows from it: DELIVERED on a 2xx; else due again after the back-off, or DEAD
     * once {@code maxAttempts} attempts (since the last redelivery) failed. Only a PENDING delivery changes: one
     * deleted meanwhile, or already settled by another dispatcher whose lease ran out, is left as it is.
     */
    void recordAttempt(UUID deliveryId, Attempt attempt, WebhookBackoff backoff, int maxAttempts) {
        transaction.executeWithoutResult(status -> {
            List<int[]> counted = jdbc.sql("""
                            UPDATE webhook_delivery SET attempts = attempts + 1
                            WHERE delivery_id = :id AND status = 'PENDING'
                            RETURNING attempts, attempts_before_redelivery""")
                    .param("id", deliveryId)
                    .query((row, n) -> new int[] {row.getInt(1), row.getInt(2)}).list();
            if (counted.isEmpty()) {
                return;
            }
            int number = counted.get(0)[0];
            int failures = number - counted.get(0)[1];
            String error = attempt.error() == null ? null
                    : attempt.error().substring(0, Math.min(ERROR_LENGTH, attempt.error().length()));
            jdbc.sql("""
                            INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, latency_ms, response_code,
                                                         error)
                            VALUES (:id, :attempt, :at, :latency, :code, :error)""")
                    .param("id", deliveryId).param("attempt", number).param("at", Timestamp.from(attempt.at()))
                    .param("latency", attempt.latencyMs()).param("code", attempt.responseCode(), Types.INTEGER)
                    .param("error", error, Types.VARCHAR)
                    .update();
            DeliveryStatus outcome = attempt.delivered() ? DeliveryStatus.DELIVERED
                    : failures >= maxAttempts ? DeliveryStatus.DEAD : DeliveryStatus.PENDING;
            Timestamp at = Timestamp.from(attempt.at());
            jdbc.sql("""
                            UPDATE webhook_delivery SET status = :status, last_attempt_at = :at,
                                last_response_code = :code, last_error = :error, next_attempt_at = :next,
                                delivered_at = :deliveredAt, dead_at = :deadAt
                            WHERE delivery_id = :id""")
                    .param("status", outcome.name()).param("at", at)
                    .param("code", attempt.responseCode(), Types.INTEGER).param("error", error, Types.VARCHAR)
                    .param("next", outcome == DeliveryStatus.PENDING
                            ? Timestamp.from(backoff.nextAttempt(attempt.at(), failures)) : null, Types.TIMESTAMP)
                    .param("deliveredAt", outcome == DeliveryStatus.DELIVERED ? at : null, Types.TIMESTAMP)
                    .param("deadAt", outcome == DeliveryStatus.DEAD ? at : null, Types.TIMESTAMP)
                    .param("id", deliveryId)
                    .update();
        });
    }

    // --- retention

    /**
     * Deletes up to {@code limit} deliveries DELIVERED before {@code deliveredBefore}, the oldest first, with their
     * attempts (ON DELETE CASCADE), in one statement: a bounded batch, so a large purge never holds many row locks for
     * long. Their dedup keys stay in {@code webhook_delivery_key} (written here too, for a row recorded without one).
     * PENDING and DEAD deliveries are never purged. SKIP LOCKED: concurrent purges (several instances) take different
     * rows.
     *
     * @return how many deliveries were deleted
     */
    int purgeDelivered(Instant deliveredBefore, int limit) {
        return jdbc.sql("""
                        WITH purged AS (
                            DELETE FROM webhook_delivery WHERE delivery_id IN (
                                SELECT delivery_id FROM webhook_delivery
                                WHERE status = 'DELIVERED' AND delivered_at < :before
                                ORDER BY delivered_at
                                LIMIT :limit
                                FOR UPDATE SKIP LOCKED)
                            RETURNING subscription_id, event_id, created_at),
                        kept AS (
                            INSERT INTO webhook_delivery_key (subscription_id, event_id, recorded_at)
                            SELECT subscription_id, event_id, created_at FROM purged
                            ON CONFLICT DO NOTHING)
                        SELECT count(*) FROM purged""")
                .param("before", Timestamp.from(deliveredBefore)).param("limit", limit)
                .query(Integer.class).single();
    }

    // --- what administrators see

    List<DeliveryView> deliveries(UUID subscriptionId, DeliveryStatus status, int limit) {
        JdbcClient.StatementSpec query = jdbc.sql("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery WHERE subscription_id = :subscription"
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, delivery_id LIMIT :limit")
                .param("subscription", subscriptionId)
                .param("limit", limit);
        if (status != null) {
            query = query.param("status", status.name());
        }
        return query.query((row, n) -> delivery(row)).list();
    }

    /** Every subscription's dead letters, the most recently dead first. */
    List<DeliveryView> deadLetters(int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE status = 'DEAD'"
                        + " ORDER BY dead_at DESC, delivery_id LIMIT :limit")
                .param("limit", limit)
                .query((row, n) -> delivery(row)).list();
    }

    Optional<DeliveryDetail> delivery(UUID id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + ", body FROM webhook_delivery WHERE delivery_id = :id")
                .param("id", id)
                .query((row, n) -> new DeliveryDetail(delivery(row), row.getString("body"))).optional();
    }

    List<AttemptView> attempts(UUID deliveryId) {
        return jdbc.sql("""
                        SELECT attempt, attempted_at, latency_ms, response_code, error FROM webhook_attempt
                        WHERE delivery_id = :id ORDER BY attempt""")
                .param("id", deliveryId)
                .query((row, n) -> new AttemptView(row.getInt(1), instant(row, 2), row.getLong(3),
                        (Integer) row.getObject(4), row.getString(5)))
                .list();
    }

    /** A dead letter is due again, now, with a fresh attempt budget; its past attempts stay listed. */
    Redelivery redeliver(UUID id, Instant now) {
        int queued = jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, dead_at = NULL,
                            attempts_before_redelivery = attempts
                        WHERE delivery_id = :id AND status = 'DEAD'""")
                .param("now", Timestamp.from(now)).param("id", id).update();
        if (queued == 1) {
            return Redelivery.QUEUED;
        }
        return delivery(id).isPresent() ? Redelivery.NOT_DEAD : Redelivery.NOT_FOUND;
    }

    private static SubscriptionView subscription(ResultSet row) throws SQLException {
        return new SubscriptionView(row.getObject("subscription_id", UUID.class), row.getString("name"),
                URI.create(row.getString("url")), strings(row.getArray("event_types")), row.getBoolean("active"),
                row.getString("created_by"), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static DeliveryView delivery(ResultSet row) throws SQLException {
        return new DeliveryView(row.getObject("delivery_id", UUID.class), row.getObject("subscription_id", UUID.class),
                row.getString("event_id"), row.getString("event_type"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"), instant(row, "created_at"),
                instant(row, "next_attempt_at"), instant(row, "last_attempt_at"),
                (Integer) row.getObject("last_response_code"), row.getString("last_error"),
                instant(row, "delivered_at"), instant(row, "dead_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
