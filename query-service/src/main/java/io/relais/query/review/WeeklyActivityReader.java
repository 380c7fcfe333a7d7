package io.relais.query.review;

import io.relais.contract.EventType;
import io.relais.query.review.WeeklyReview.Count;
import io.relais.query.review.WeeklyReview.Escalation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened to tasks during a week, from the task projection's timeline ({@code task_timeline}, one row per
 * event, at the event's own time): incidents, reworks, and the state of tasks at the week's end. The task feature's
 * readers answer per task and per caller; these are company-wide counts for a period, which none of them serves.
 */
@Component
class WeeklyActivityReader {

    /** The task {@code t} was approved or cancelled before {@code :end}. */
    private static final String CLOSED_BY_END = "EXISTS (SELECT 1 FROM task_timeline c WHERE c.task_id = t.task_id"
            + " AND c.event_type IN (:closing) AND c.occurred_at < :end)";
    private static final List<String> CLOSING = List.of(EventType.TASK_APPROVED.cloudEventType(),
            EventType.TASK_CANCELLED.cloudEventType());

    private final JdbcClient jdbc;

    WeeklyActivityReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code IncidentReported} in {@code [from, to)} per severity (as the event's data states it). */
    List<Count> incidentsBySeverity(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT coalesce(e.details ->> 'severity', '?') AS name, count(*) AS n FROM task_timeline e
                        WHERE e.event_type = :type AND e.occurred_at >= :from AND e.occurred_at < :to
                        GROUP BY 1 ORDER BY 1""")
                .param("type", EventType.INCIDENT_REPORTED.cloudEventType())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> new Count(row.getString("name"), row.getLong("n")))
                .list();
    }

    /** Per task type: the events of {@code type} in {@code [from, to)}, most first. */
    List<Count> eventsByTaskType(EventType type, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT t.type AS name, count(*) AS n FROM task_timeline e
                        JOIN task_projection t ON t.task_id = e.task_id
                        WHERE e.event_type = :type AND e.occurred_at >= :from AND e.occurred_at < :to
                        GROUP BY t.type ORDER BY n DESC, t.type""")
                .param("type", type.cloudEventType())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> new Count(row.getString("name"), row.getLong("n")))
                .list();
    }

    /** How many distinct tasks had an event of {@code type} in {@code [from, to)}. */
    long tasksWith(EventType type, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(DISTINCT e.task_id) FROM task_timeline e
                        WHERE e.event_type = :type AND e.occurred_at >= :from AND e.occurred_at < :to""")
                .param("type", type.cloudEventType())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    /** Tasks requested before {@code end} and neither approved nor cancelled before it. */
    long openAt(Instant end) {
        return jdbc.sql("SELECT count(*) FROM task_projection t WHERE t.requested_at < :end AND NOT " + CLOSED_BY_END)
                .param("end", Timestamp.from(end))
                .param("closing", CLOSING)
                .query(Long.class).single();
    }

    /**
     * Tasks escalated before {@code end} and still open then, oldest (last) escalation first; status is the task's
     * current one.
     */
    List<Escalation> openEscalationsAt(Instant end) {
        return jdbc.sql("""
                        SELECT t.task_id, t.type, t.priority, t.status, max(e.occurred_at) AS escalated_at
                        FROM task_timeline e JOIN task_projection t ON t.task_id = e.task_id
                        WHERE e.event_type = :escalated AND e.occurred_at < :end AND NOT %s
                        GROUP BY t.task_id, t.type, t.priority, t.status ORDER BY escalated_at, t.task_id"""
                        .formatted(CLOSED_BY_END))
                .param("escalated", EventType.TASK_ESCALATED.cloudEventType())
                .param("end", Timestamp.from(end))
                .param("closing", CLOSING)
                .query((row, n) -> new Escalation(row.getObject("task_id", UUID.class), row.getString("type"),
                        row.getString("priority"), row.getString("status"),
                        row.getTimestamp("escalated_at").toInstant()))
                .list();
    }
}
