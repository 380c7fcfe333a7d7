package io.relais.query.access;

import io.relais.contract.access.AccessLevel;
import io.relais.query.projection.CloudEventFields;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code access_grant} (the registry, current state) and {@code access_history} (every access event applied). */
@Repository
public class AccessRepository {

    private static final String SELECT_GRANT = """
            SELECT grant_id, principal, organisation, resource, level, purpose, engagement_id, expires_at, status,
                   granted_by, granted_at, ended_by, ended_at, end_reason, last_review_decision, last_reviewed_by,
                   last_reviewed_at, last_event_at
            FROM access_grant""";
    private static final String SELECT_HISTORY = """
            SELECT grant_id, sequence, event_id, kind, principal, organisation, resource, level, actor, actor_roles,
                   correlation_id, occurred_at, reason, decision, expires_at, engagement_id, chain_position
            FROM access_history""";

    private final JdbcClient jdbc;

    AccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The grant's row, locked until the projection's transaction ends; empty if never granted. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<GrantView> lock(String grantId) {
        return jdbc.sql(SELECT_GRANT + " WHERE grant_id = :grantId FOR UPDATE")
                .param("grantId", grantId)
                .query(this::grant)
                .optional();
    }

    /** Writes the grant as folded; {@code sequence} is the aggregate sequence of the event that made it so. */
    @Transactional(propagation = Propagation.MANDATORY)
    void save(GrantView grant, long sequence) {
        jdbc.sql("""
                        INSERT INTO access_grant (grant_id, principal, organisation, resource, level, purpose,
                            engagement_id, expires_at, status, granted_by, granted_at, ended_by, ended_at, end_reason,
                            last_review_decision, last_reviewed_by, last_reviewed_at, last_event_at, sequence)
                        VALUES (:grantId, :principal, :organisation, :resource, :level, :purpose, :engagementId,
                                :expiresAt, :status, :grantedBy, :grantedAt, :endedBy, :endedAt, :endReason,
                                :lastReviewDecision, :lastReviewedBy, :lastReviewedAt, :lastEventAt, :sequence)
                        ON CONFLICT (grant_id) DO UPDATE SET status = EXCLUDED.status, ended_by = EXCLUDED.ended_by,
                            ended_at = EXCLUDED.ended_at, end_reason = EXCLUDED.end_reason,
                            last_review_decision = EXCLUDED.last_review_decision,
                            last_reviewed_by = EXCLUDED.last_reviewed_by,
                            last_reviewed_at = EXCLUDED.last_reviewed_at, last_event_at = EXCLUDED.last_event_at,
                            sequence = EXCLUDED.sequence""")
                .param("grantId", grant.grantId())
                .param("principal", grant.principal())
                .param("organisation", grant.organisation(), Types.VARCHAR)
                .param("resource", grant.resource())
                .param("level", grant.level().name())
                .param("purpose", grant.purpose(), Types.VARCHAR)
                .param("engagementId", grant.engagementId(), Types.VARCHAR)
                .param("expiresAt", timestamp(grant.expiresAt()), Types.TIMESTAMP)
                .param("status", grant.status().name())
                .param("grantedBy", grant.grantedBy(), Types.VARCHAR)
                .param("grantedAt", timestamp(grant.grantedAt()))
                .param("endedBy", grant.endedBy(), Types.VARCHAR)
                .param("endedAt", timestamp(grant.endedAt()), Types.TIMESTAMP)
                .param("endReason", grant.endReason(), Types.VARCHAR)
                .param("lastReviewDecision", grant.lastReviewDecision(), Types.VARCHAR)
                .param("lastReviewedBy", grant.lastReviewedBy(), Types.VARCHAR)
                .param("lastReviewedAt", timestamp(grant.lastReviewedAt()), Types.TIMESTAMP)
                .param("lastEventAt", timestamp(grant.lastEventAt()))
                .param("sequence", sequence)
                .update();
    }

    /**
     * A plain insert: the sequence check lets each event through once, so a second row for the same (grant,
     * sequence) means the tables disagree, and the primary key makes that fail loudly. Principal, organisation and
     * resource are the grant's, whatever a later event's data repeats.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(AccessEvent.Known event, GrantView grant) {
        AccessStep step = event.step();
        CloudEventFields.Attributes recorded = event.recorded();
        jdbc.sql("""
                        INSERT INTO access_history (grant_id, sequence, event_id, kind, principal, organisation,
                            resource, level, actor, actor_roles, correlation_id, occurred_at, reason, decision,
                            expires_at, engagement_id, chain_position)
                        VALUES (:grantId, :sequence, :eventId, :kind, :principal, :organisation, :resource, :level,
                                :actor, :actorRoles, :correlationId, :occurredAt, :reason, :decision, :expiresAt,
                                :engagementId, :chainPosition)""")
                .param("grantId", grant.grantId())
                .param("sequence", event.sequence())
                .param("eventId", recorded.eventId())
                .param("kind", step.kind().name())
                .param("principal", grant.principal())
                .param("organisation", grant.organisation(), Types.VARCHAR)
                .param("resource", grant.resource())
                .param("level", step.level() == null ? null : step.level().name(), Types.VARCHAR)
                .param("actor", step.actor(), Types.VARCHAR)
                .param("actorRoles", recorded.actorRoles().toArray(String[]::new))
                .param("correlationId", recorded.correlationId(), Types.VARCHAR)
                .param("occurredAt", timestamp(step.at()))
                .param("reason", step.reason(), Types.VARCHAR)
                .param("decision", step.decision(), Types.VARCHAR)
                .param("expiresAt", timestamp(step.expiresAt()), Types.TIMESTAMP)
                .param("engagementId", step.engagementId(), Types.VARCHAR)
                .param("chainPosition", event.chainPosition(), Types.BIGINT)
                .update();
    }

    Optional<GrantView> find(String grantId) {
        return jdbc.sql(SELECT_GRANT + " WHERE grant_id = :grantId").param("grantId", grantId).query(this::grant)
                .optional();
    }

    /** Newest first; a filter left empty matches every grant. */
    List<GrantView> list(Optional<String> principal, Optional<String> resource, Optional<GrantStatus> status,
                         Optional<String> organisation, int limit) {
        List<String> conditions = new ArrayList<>();
        principal.ifPresent(p -> conditions.add("principal = :principal"));
        resource.ifPresent(r -> conditions.add("resource = :resource"));
        status.ifPresent(s -> conditions.add("status = :status"));
        organisation.ifPresent(o -> conditions.add("organisation = :organisation"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var statement = jdbc.sql(SELECT_GRANT + where + " ORDER BY granted_at DESC, grant_id DESC LIMIT :limit")
                .param("limit", limit);
        if (principal.isPresent()) {
            statement = statement.param("principal", principal.get());
        }
        if (resource.isPresent()) {
            statement = statement.param("resource", resource.get());
        }
        if (status.isPresent()) {
            statement = statement.param("status", status.get().name());
        }
        if (organisation.isPresent()) {
            statement = statement.param("organisation", organisation.get());
        }
        return statement.query(this::grant).list();
    }

    /** The grant's events, in its sequence order. */
    List<HistoryEntry> historyOf(String grantId) {
        return jdbc.sql(SELECT_HISTORY + " WHERE grant_id = :grantId ORDER BY sequence")
                .param("grantId", grantId).query(this::entry).list();
    }

    /**
     * The events of the grants of {@code principal} and/or {@code resource} that took effect in
     * {@code [from, to]} (either end open when empty), in the order they took effect.
     */
    public List<HistoryEntry> history(Optional<String> principal, Optional<String> resource,
                                      Optional<Instant> from, Optional<Instant> to, int limit) {
        List<String> conditions = new ArrayList<>();
        principal.ifPresent(p -> conditions.add("principal = :principal"));
        resource.ifPresent(r -> conditions.add("resource = :resource"));
        from.ifPresent(f -> conditions.add("occurred_at >= :from"));
        to.ifPresent(t -> conditions.add("occurred_at <= :to"));
        var statement = jdbc.sql(SELECT_HISTORY + " WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY occurred_at, grant_id, sequence LIMIT :limit")
                .param("limit", limit);
        if (principal.isPresent()) {
            statement = statement.param("principal", principal.get());
        }
        if (resource.isPresent()) {
            statement = statement.param("resource", resource.get());
        }
        if (from.isPresent()) {
            statement = statement.param("from", timestamp(from.get()));
        }
        if (to.isPresent()) {
            statement = statement.param("to", timestamp(to.get()));
        }
        return statement.query(this::entry).list();
    }

    /**
     * Every recorded event, up to {@code instant}, of the grants of {@code principal} and/or {@code resource} granted
     * at or before it, in each grant's sequence order: what {@link AccessFold} rebuilds the state as of then from.
     */
    List<HistoryEntry> stepsUpTo(Instant instant, Optional<String> principal, Optional<String> resource) {
        List<String> conditions = new ArrayList<>();
        conditions.add("kind = 'GRANTED'");
        conditions.add("occurred_at <= :at");
        principal.ifPresent(p -> conditions.add("principal = :principal"));
        resource.ifPresent(r -> conditions.add("resource = :resource"));
        var statement = jdbc.sql(SELECT_HISTORY + " WHERE occurred_at <= :at AND grant_id IN (SELECT grant_id FROM"
                        + " access_history WHERE " + String.join(" AND ", conditions) + ") ORDER BY grant_id, sequence")
                .param("at", timestamp(instant));
        if (principal.isPresent()) {
            statement = statement.param("principal", principal.get());
        }
        if (resource.isPresent()) {
            statement = statement.param("resource", resource.get());
        }
        return statement.query(this::entry).list();
    }

    private GrantView grant(ResultSet row, int rowNumber) throws SQLException {
        return new GrantView(row.getString("grant_id"), row.getString("principal"), row.getString("organisation"),
                row.getString("resource"), AccessLevel.valueOf(row.getString("level")), row.getString("purpose"),
                row.getString("engagement_id"), instant(row, "expires_at"),
                GrantStatus.valueOf(row.getString("status")), row.getString("granted_by"),
                instant(row, "granted_at"), row.getString("ended_by"), instant(row, "ended_at"),
                row.getString("end_reason"), row.getString("last_review_decision"),
                row.getString("last_reviewed_by"), instant(row, "last_reviewed_at"), instant(row, "last_event_at"));
    }

    private HistoryEntry entry(ResultSet row, int rowNumber) throws SQLException {
        Array roles = row.getArray("actor_roles");
        try {
            String level = row.getString("level");
            long position = row.getLong("chain_position");
            Long chainPosition = row.wasNull() ? null : position;
            return new HistoryEntry(row.getString("grant_id"), row.getLong("sequence"), row.getString("event_id"),
                    AccessEventKind.valueOf(row.getString("kind")), row.getString("principal"),
                    row.getString("organisation"), row.getString("resource"),
                    level == null ? null : AccessLevel.valueOf(level), row.getString("actor"),
                    roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                    row.getString("correlation_id"), instant(row, "occurred_at"), row.getString("reason"),
                    row.getString("decision"), instant(row, "expires_at"), row.getString("engagement_id"),
                    chainPosition);
        } finally {
            if (roles != null) {
                roles.free();
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
