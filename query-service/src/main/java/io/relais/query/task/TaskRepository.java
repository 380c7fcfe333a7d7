package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.query.projection.ContractJson;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class TaskRepository {

    /** Every column but task_id, in the order of the parameters {@link #bind} sets (named like them). */
    static final List<String> COLUMNS = List.of("title", "description", "type", "priority", "status",
            "status_before_hold", "process_id", "process_version", "confidentiality", "sla_policy", "calendar",
            "due_at", "requested_by", "requester_organisation", "requested_at", "assigned_agent",
            "assigned_organisation", "engagement_id", "assigned_at", "started_at", "completed_at",
            "time_spent_minutes", "checklist", "approved_at", "rework_count", "escalated", "escalation_count",
            "cancelled_at", "rating", "incident_count", "resources", "last_event_at", "version");
    private static final String SELECT = "SELECT task_id, " + String.join(", ", COLUMNS) + " FROM task_projection";
    /** The object-level rule of {@link TaskVisibility}, as SQL. */
    static final String VISIBLE = "(:everything OR requested_by = :requester"
            + " OR assigned_organisation = :assignedOrganisation)";
    private static final TypeReference<List<ChecklistResult>> CHECKLIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = ContractJson.mapper();

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plain insert on purpose: the sequence check guarantees that a task's first event is applied once, so a
     * row that already exists means the projection tables disagree, and that must fail loudly, not be masked.
     */
    void insert(TaskRow task) {
        jdbc.sql("INSERT INTO task_projection (task_id, " + String.join(", ", COLUMNS) + ") VALUES (:taskId, "
                        + COLUMNS.stream().map(TaskRepository::parameter).collect(Collectors.joining(", ")) + ")")
                .paramSource(bind(task))
                .update();
    }

    void update(TaskRow task) {
        int updated = jdbc.sql("UPDATE task_projection SET " + COLUMNS.stream()
                        .map(column -> column + " = " + parameter(column)).collect(Collectors.joining(", "))
                        + " WHERE task_id = :taskId")
                .paramSource(bind(task))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Task " + task.taskId + " vanished while it was being updated");
        }
    }

    /** The task's row, locked until the projection's transaction ends; empty if it was never requested. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<TaskRow> lock(UUID taskId) {
        return jdbc.sql(SELECT + " WHERE task_id = :taskId FOR UPDATE")
                .param("taskId", taskId)
                .query(this::row)
                .optional();
    }

    /** An event the projection read but could not apply (see {@link TaskProjection}). */
    void recordSkipped(TaskEvent.Known event, String reason) {
        jdbc.sql("INSERT INTO task_event_skipped (aggregate_id, sequence, event_id, event_type, reason)"
                        + " VALUES (:aggregateId, :sequence, :eventId, :eventType, :reason)")
                .param("aggregateId", event.aggregateId())
                .param("sequence", event.sequence())
                .param("eventId", event.recorded().eventId())
                .param("eventType", event.recorded().cloudEventType())
                .param("reason", reason)
                .update();
    }

    Optional<TaskView> find(UUID taskId, TaskVisibility visibility) {
        return visible(jdbc.sql(SELECT + " WHERE task_id = :taskId AND " + VISIBLE)
                .param("taskId", taskId), visibility)
                .query(this::row)
                .optional()
                .map(TaskRow::view);
    }

    /** Newest first; a filter left empty matches every task. */
    List<TaskView> list(TaskVisibility visibility, TaskFilter filter, int limit) {
        List<String> conditions = new ArrayList<>();
        conditions.add(VISIBLE);
        filter.status().ifPresent(s -> conditions.add("status = :status"));
        filter.type().ifPresent(t -> conditions.add("type = :type"));
        filter.priority().ifPresent(p -> conditions.add("priority = :priority"));
        filter.assignedAgent().ifPresent(a -> conditions.add("assigned_agent = :assignedAgent"));
        var statement = visible(jdbc.sql(SELECT + " WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY requested_at DESC, task_id DESC LIMIT :limit"), visibility)
                .param("limit", limit);
        if (filter.status().isPresent()) {
            statement = statement.param("status", filter.status().get().name());
        }
        if (filter.type().isPresent()) {
            statement = statement.param("type", filter.type().get());
        }
        if (filter.priority().isPresent()) {
            statement = statement.param("priority", filter.priority().get().name());
        }
        if (filter.assignedAgent().isPresent()) {
            statement = statement.param("assignedAgent", filter.assignedAgent().get());
        }
        return statement.query(this::row).list().stream().map(TaskRow::view).toList();
    }

    /** The parameter of a column: its name in camel case ({@code due_at} is {@code :dueAt}), typed if need be. */
    private static String parameter(String column) {
        String[] words = column.split("_");
        String name = words[0] + Stream.of(words).skip(1)
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
        return column.equals("checklist") ? "CAST(:checklist AS jsonb)" : ":" + name;
    }

    private SqlParameterSource bind(TaskRow task) {
        return new MapSqlParameterSource()
                .addValue("taskId", task.taskId)
                .addValue("title", task.title)
                .addValue("description", task.description, Types.VARCHAR)
                .addValue("type", task.type)
                .addValue("priority", task.priority.name())
                .addValue("status", task.status.name())
                .addValue("statusBeforeHold", name(task.statusBeforeHold), Types.VARCHAR)
                .addValue("processId", task.processId, Types.VARCHAR)
                .addValue("processVersion", task.processVersion)
                .addValue("confidentiality", name(task.confidentiality), Types.VARCHAR)
                .addValue("slaPolicy", task.slaPolicy, Types.VARCHAR)
                .addValue("calendar", task.calendar == null ? null : write(task.calendar), Types.VARCHAR)
                .addValue("dueAt", timestamp(task.dueAt), Types.TIMESTAMP)
                .addValue("requestedBy", task.requestedBy, Types.VARCHAR)
                .addValue("requesterOrganisation", task.requesterOrganisation, Types.VARCHAR)
                .addValue("requestedAt", timestamp(task.requestedAt))
                .addValue("assignedAgent", task.assignedAgent, Types.VARCHAR)
                .addValue("assignedOrganisation", task.assignedOrganisation, Types.VARCHAR)
                .addValue("engagementId", task.engagementId, Types.VARCHAR)
                .addValue("assignedAt", timestamp(task.assignedAt), Types.TIMESTAMP)
                .addValue("startedAt", timestamp(task.startedAt), Types.TIMESTAMP)
                .addValue("completedAt", timestamp(task.completedAt), Types.TIMESTAMP)
                .addValue("timeSpentMinutes", task.timeSpentMinutes)
                .addValue("checklist", task.checklist.isEmpty() ? null : write(task.checklist), Types.VARCHAR)
                .addValue("approvedAt", timestamp(task.approvedAt), Types.TIMESTAMP)
                .addValue("reworkCount", task.reworkCount)
                .addValue("escalated", task.escalated)
                .addValue("escalationCount", task.escalationCount)
                .addValue("cancelledAt", timestamp(task.cancelledAt), Types.TIMESTAMP)
                .addValue("rating", task.rating, Types.SMALLINT)
                .addValue("incidentCount", task.incidentCount)
                .addValue("resources", task.resources.toArray(String[]::new))
                .addValue("lastEventAt", timestamp(task.lastEventAt))
                .addValue("version", task.version);
    }

    TaskRow row(ResultSet row, int rowNumber) throws SQLException {
        TaskRow task = new TaskRow();
        task.taskId = row.getObject("task_id", UUID.class);
        task.title = row.getString("title");
        task.description = row.getString("description");
        task.type = row.getString("type");
        task.priority = TaskPriority.valueOf(row.getString("priority"));
        task.status = TaskStatus.valueOf(row.getString("status"));
        task.statusBeforeHold = value(row.getString("status_before_hold"), TaskStatus::valueOf);
        task.processId = row.getString("process_id");
        task.processVersion = row.getInt("process_version");
        task.confidentiality = value(row.getString("confidentiality"), Confidentiality::valueOf);
        task.slaPolicy = row.getString("sla_policy");
        task.calendar = value(row.getString("calendar"), text -> read(text, CalendarSpec.class));
        task.dueAt = instant(row, "due_at");
        task.requestedBy = row.getString("requested_by");
        task.requesterOrganisation = row.getString("requester_organisation");
        task.requestedAt = instant(row, "requested_at");
        task.assignedAgent = row.getString("assigned_agent");
        task.assignedOrganisation = row.getString("assigned_organisation");
        task.engagementId = row.getString("engagement_id");
        task.assignedAt = instant(row, "assigned_at");
        task.startedAt = instant(row, "started_at");
        task.completedAt = instant(row, "completed_at");
        task.timeSpentMinutes = row.getInt("time_spent_minutes");
        String checklist = row.getString("checklist");
        task.checklist = checklist == null ? List.of() : List.copyOf(read(checklist, CHECKLIST));
        task.approvedAt = instant(row, "approved_at");
        task.reworkCount = row.getInt("rework_count");
        task.escalated = row.getBoolean("escalated");
        task.escalationCount = row.getInt("escalation_count");
        task.cancelledAt = instant(row, "cancelled_at");
        int rating = row.getInt("rating");
        task.rating = row.wasNull() ? null : rating;
        task.incidentCount = row.getInt("incident_count");
        task.resources = strings(row.getArray("resources"));
        task.lastEventAt = instant(row, "last_event_at");
        task.version = row.getLong("version");
        return task;
    }

    static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec statement, TaskVisibility visibility) {
        return statement.param("everything", visibility.everything())
                .param("requester", visibility.requester(), Types.VARCHAR)
                .param("assignedOrganisation", visibility.assignedOrganisation(), Types.VARCHAR);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> T value(String text, Function<String, T> parse) {
        return text == null ? null : parse.apply(text);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in task_projection: " + text, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in task_projection: " + text, e);
        }
    }
}
