package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.query.projection.ContractJson;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code task_timeline}: one row per event applied to a task, written with the event's effect. */
@Repository
class TaskTimeline {

    private final JdbcClient jdbc;
    private final ObjectMapper json = ContractJson.mapper();

    TaskTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plain insert, like the task's: the sequence check lets each event through once, so a second row for the
     * same (task, sequence) means the tables disagree, and the primary key makes that fail loudly.
     */
    void append(TaskEvent.Known event) {
        TaskEvent.Recorded recorded = event.recorded();
        jdbc.sql("""
                        INSERT INTO task_timeline (task_id, sequence, event_id, event_type, actor, actor_roles,
                                                   actor_organisation, correlation_id, occurred_at, details)
                        VALUES (:taskId, :sequence, :eventId, :eventType, :actor, :actorRoles, :actorOrganisation,
                                :correlationId, :occurredAt, CAST(:details AS jsonb))""")
                .param("taskId", event.taskId())
                .param("sequence", event.sequence())
                .param("eventId", recorded.eventId())
                .param("eventType", recorded.cloudEventType())
                .param("actor", recorded.actor(), Types.VARCHAR)
                .param("actorRoles", recorded.actorRoles().toArray(String[]::new))
                .param("actorOrganisation", recorded.actorOrganisation(), Types.VARCHAR)
                .param("correlationId", recorded.correlationId(), Types.VARCHAR)
                .param("occurredAt", Timestamp.from(recorded.occurredAt()))
                .param("details", details(event.payload()))
                .update();
    }

    /** Oldest first. */
    List<TimelineEntry> of(UUID taskId) {
        return jdbc.sql("""
                        SELECT sequence, event_type, event_id, actor, actor_roles, actor_organisation, correlation_id,
                               occurred_at, details
                        FROM task_timeline WHERE task_id = :taskId ORDER BY sequence""")
                .param("taskId", taskId)
                .query(this::entry)
                .list();
    }

    /** The data as the contract writes it; the task id is the timeline's own, so it is left out. */
    private String details(Object payload) {
        ObjectNode details = json.valueToTree(payload);
        details.remove("taskId");
        return details.toString();
    }

    private TimelineEntry entry(ResultSet row, int rowNumber) throws SQLException {
        Array roles = row.getArray("actor_roles");
        try {
            return new TimelineEntry(row.getLong("sequence"), row.getString("event_type"), row.getString("event_id"),
                    row.getString("actor"), roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                    row.getString("actor_organisation"), row.getString("correlation_id"),
                    row.getTimestamp("occurred_at").toInstant(), parse(row.getString("details")));
        } finally {
            if (roles != null) {
                roles.free();
            }
        }
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable details in task_timeline: " + details, e);
        }
    }
}
