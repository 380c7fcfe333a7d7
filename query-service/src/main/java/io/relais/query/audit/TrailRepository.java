package io.relais.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_trail_event}: the raw trail, the query side's copy of every chained event. */
@Repository
class TrailRepository {

    private static final String SELECT = """
            SELECT chain_index, position, event_id, event_type, subject, aggregate_type, sequence, event_time, actor, actor_roles,
                   actor_organisation, correlation_id, data, chain_hash, topic, received_at
            FROM audit_trail_event""";

    private final JdbcClient jdbc;

    TrailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event once: a re-delivery (same event id, same position) changes nothing. Says whether it was new.
     * A record that reuses a stored position or id for another event is not stored either; the caller reports it.
     */
    boolean insert(TrailEvent event, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO audit_trail_event (chain_index, position, event_id, event_type, subject, aggregate_type,
                            sequence, event_time, occurred_at, actor, actor_roles, actor_organisation, correlation_id,
                            data, chain_hash, topic, received_at)
                        VALUES (:chainIndex, :position, :eventId, :type, :subject, :aggregateType, :sequence, :eventTime,
                                :occurredAt, :actor, :actorRoles, :actorOrganisation, :correlationId, :data, :chainHash,
                                :topic, :receivedAt)
                        ON CONFLICT DO NOTHING""")
                .param("chainIndex", event.chainIndex())
                .param("position", event.position())
                .param("eventId", event.eventId())
                .param("type", event.type())
                .param("subject", event.subject())
                .param("aggregateType", event.aggregateType(), java.sql.Types.VARCHAR)
                .param("sequence", event.sequence())
                .param("eventTime", event.time().toString())
                .param("occurredAt", Timestamp.from(event.time()))
                .param("actor", event.actor(), java.sql.Types.VARCHAR)
                .param("actorRoles", event.actorRoles(), java.sql.Types.VARCHAR)
                .param("actorOrganisation", event.actorOrganisation(), java.sql.Types.VARCHAR)
                .param("correlationId", event.correlationId(), java.sql.Types.VARCHAR)
                .param("data", event.data())
                .param("chainHash", event.chainHash())
                .param("topic", event.topic())
                .param("receivedAt", Timestamp.from(receivedAt))
                .update() == 1;
    }

    /**
     * A record that carries no chain position (published before the relay chained events), noted once in
     * {@code projection_event_skipped} so that its absence from the trail is never silent.
     */
    void recordUnchained(String subject, long sequence, String eventId, String type) {
        jdbc.sql("""
                        INSERT INTO projection_event_skipped (projection, aggregate_id, sequence, event_id, event_type,
                                                              reason)
                        VALUES ('audit-trail', :subject, :sequence, :eventId, :type, 'no chain position')
                        ON CONFLICT DO NOTHING""")
                .param("subject", subject).param("sequence", sequence).param("eventId", eventId).param("type", type)
                .update();
    }

    /**
     * The stored event at {@code position}, with {@code eventId} or linked as {@code chainIndex}, if any (to tell a
     * re-delivery from a clash).
     */
    Optional<StoredEvent> clash(long chainIndex, long position, String eventId) {
        return jdbc.sql(SELECT + " WHERE position = :position OR event_id = :eventId OR chain_index = :chainIndex"
                        + " LIMIT 1")
                .param("position", position).param("eventId", eventId).param("chainIndex", chainIndex)
                .query(TrailRepository::row).optional();
    }

    /** Up to {@code limit} events linked after link {@code afterIndex}, in chain order: the verification's walk. */
    List<StoredEvent> chain(long afterIndex, int limit) {
        return jdbc.sql(SELECT + " WHERE chain_index > :after ORDER BY chain_index LIMIT :limit")
                .param("after", afterIndex)
                .param("limit", limit)
                .query(TrailRepository::row)
                .list();
    }

    Optional<StoredEvent> atIndex(long chainIndex) {
        return jdbc.sql(SELECT + " WHERE chain_index = :chainIndex").param("chainIndex", chainIndex)
                .query(TrailRepository::row).optional();
    }

    /** Up to {@code limit} events after {@code after}, in position order, of one aggregate if {@code subject} is set. */
    List<StoredEvent> page(long after, int limit, Optional<String> subject) {
        return jdbc.sql(SELECT + " WHERE position > :after" + (subject.isPresent() ? " AND subject = :subject" : "")
                        + " ORDER BY position LIMIT :limit")
                .param("after", after)
                .param("limit", limit)
                .param("subject", subject.orElse(null), java.sql.Types.VARCHAR)
                .query(TrailRepository::row)
                .list();
    }

    /** The newest arrival in the copy, if any: the verification's measure of lag. */
    Optional<Instant> lastReceivedAt() {
        return Optional.ofNullable(jdbc.sql("SELECT max(received_at) FROM audit_trail_event")
                .query(Timestamp.class).single()).map(Timestamp::toInstant);
    }

    /** A stored row, with when it arrived. */
    record StoredEvent(TrailEvent event, Instant receivedAt) {
    }

    /**
     * The stored time; a value that is no instant any more (the row was edited) reads as the epoch, which the
     * verification then reports as an altered event rather than failing.
     */
    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static StoredEvent row(ResultSet row, int rowNumber) throws SQLException {
        return new StoredEvent(new TrailEvent(row.getLong("chain_index"), row.getLong("position"), row.getString("event_id"),
                row.getString("event_type"), row.getString("subject"), row.getString("aggregate_type"),
                row.getLong("sequence"), time(row.getString("event_time")), row.getString("actor"),
                row.getString("actor_roles"), row.getString("actor_organisation"), row.getString("correlation_id"),
                row.getBytes("data"), row.getString("chain_hash"), row.getString("topic")),
                row.getTimestamp("received_at").toInstant());
    }
}
