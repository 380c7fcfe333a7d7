package io.relais.query.audit;

import io.relais.contract.audit.DeniedAttemptRecorded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code audit_denied_attempt}: the refused requests of every service, from {@code relais.denied-attempts.v1} and
 * from this service's own {@code security_event} table, in the order they were recorded here ({@code trail_seq}).
 */
@Repository
class DeniedAttempts {

    private final JdbcClient jdbc;

    DeniedAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent on the attempt's id: relayed at least once, stored once. */
    void record(DeniedAttemptRecorded attempt, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO audit_denied_attempt (id, occurred_at, service, kind, principal, method, path,
                                                          remote_address, correlation_id, reason, received_at)
                        VALUES (:id, :occurredAt, :service, :kind, :principal, :method, :path, :remoteAddress,
                                :correlationId, :reason, :receivedAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", attempt.id())
                .param("occurredAt", Timestamp.from(attempt.occurredAt()))
                .param("service", attempt.service())
                .param("kind", attempt.kind())
                .param("principal", attempt.principal(), java.sql.Types.VARCHAR)
                .param("method", attempt.method(), java.sql.Types.VARCHAR)
                .param("path", attempt.path(), java.sql.Types.VARCHAR)
                .param("remoteAddress", attempt.remoteAddress(), java.sql.Types.VARCHAR)
                .param("correlationId", attempt.correlationId(), java.sql.Types.VARCHAR)
                .param("reason", attempt.reason(), java.sql.Types.VARCHAR)
                .param("receivedAt", Timestamp.from(receivedAt))
                .update();
    }

    /**
     * Moves this service's own refusals ({@code security_event} rows not relayed yet) into the trail and marks them
     * relayed, in one transaction; concurrent callers skip each other's rows.
     */
    @Transactional
    int absorbLocal(Instant now) {
        return jdbc.sql("""
                        WITH taken AS (
                            UPDATE security_event SET relayed_at = :now
                            WHERE id IN (SELECT id FROM security_event WHERE relayed_at IS NULL
                                         ORDER BY occurred_at FOR UPDATE SKIP LOCKED)
                            RETURNING *)
                        INSERT INTO audit_denied_attempt (id, occurred_at, service, kind, principal, method, path,
                                                          remote_address, correlation_id, reason, received_at)
                        SELECT id::text, occurred_at, service, kind, principal, method, path, remote_address,
                               correlation_id, reason, :now FROM taken ORDER BY occurred_at
                        ON CONFLICT (id) DO NOTHING""")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Up to {@code limit} attempts recorded after {@code after} ({@code trail_seq}), in that order. */
    List<DeniedLine> page(long after, int limit) {
        return jdbc.sql("""
                        SELECT trail_seq, id, occurred_at, service, kind, principal, method, path, remote_address,
                               correlation_id, reason
                        FROM audit_denied_attempt WHERE trail_seq > :after ORDER BY trail_seq LIMIT :limit""")
                .param("after", after).param("limit", limit).query(DeniedAttempts::line).list();
    }

    /** One refused request as a trail line. */
    record DeniedLine(String kind, long deniedSeq, String id, Instant occurredAt, String service, String refusal,
                      String principal, String method, String path, String remoteAddress, String correlationId,
                      String reason) {
    }

    private static DeniedLine line(ResultSet row, int rowNumber) throws SQLException {
        return new DeniedLine("denied-attempt", row.getLong("trail_seq"), row.getString("id"),
                row.getTimestamp("occurred_at").toInstant(), row.getString("service"), row.getString("kind"),
                row.getString("principal"), row.getString("method"), row.getString("path"),
                row.getString("remote_address"), row.getString("correlation_id"), row.getString("reason"));
    }
}
