package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TaskRepository {

    private static final String COLUMNS = "task_id, title, type, priority, status, requested_by,"
            + " requester_organisation, requested_at, last_event_at, version";
    /** The object-level rule of {@link TaskVisibility}, as SQL. */
    private static final String VISIBLE = "(:everything OR requested_by = :requester"
            + " OR assigned_organisation = :assignedOrganisation)";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plain insert on purpose: the sequence check guarantees that a task's first event is applied once, so a
     * row that already exists means the projection tables disagree, and that must fail loudly, not be masked.
     */
    void insert(TaskView task) {
        jdbc.sql("INSERT INTO task_projection (" + COLUMNS + ") VALUES (:taskId, :title, :type, :priority, :status,"
                        + " :requestedBy, :requesterOrganisation, :requestedAt, :lastEventAt, :version)")
                .param("taskId", task.taskId())
                .param("title", task.title())
                .param("type", task.type())
                .param("priority", task.priority().name())
                .param("status", task.status().name())
                .param("requestedBy", task.requestedBy())
                .param("requesterOrganisation", task.requesterOrganisation())
                .param("requestedAt", Timestamp.from(task.requestedAt()))
                .param("lastEventAt", Timestamp.from(task.lastEventAt()))
                .param("version", task.version())
                .update();
    }

    Optional<TaskView> find(UUID taskId, TaskVisibility visibility) {
        return visible(jdbc.sql("SELECT " + COLUMNS + " FROM task_projection WHERE task_id = :taskId AND " + VISIBLE)
                .param("taskId", taskId), visibility)
                .query(TaskRepository::task)
                .optional();
    }

    /** Newest first; a filter left empty matches every task. */
    List<TaskView> list(TaskVisibility visibility, Optional<TaskStatus> status, Optional<String> type, int limit) {
        List<String> conditions = new ArrayList<>();
        conditions.add(VISIBLE);
        status.ifPresent(s -> conditions.add("status = :status"));
        type.ifPresent(t -> conditions.add("type = :type"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var statement = visible(jdbc.sql("SELECT " + COLUMNS + " FROM task_projection" + where
                        + " ORDER BY requested_at DESC, task_id DESC LIMIT :limit"), visibility)
                .param("limit", limit);
        if (status.isPresent()) {
            statement = statement.param("status", status.get().name());
        }
        if (type.isPresent()) {
            statement = statement.param("type", type.get());
        }
        return statement.query(TaskRepository::task).list();
    }

    private static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec statement, TaskVisibility visibility) {
        return statement.param("everything", visibility.everything())
                .param("requester", visibility.requester(), Types.VARCHAR)
                .param("assignedOrganisation", visibility.assignedOrganisation(), Types.VARCHAR);
    }

    private static TaskView task(ResultSet row, int rowNumber) throws SQLException {
        return new TaskView(
                row.getObject("task_id", UUID.class),
                row.getString("title"),
                row.getString("type"),
                TaskPriority.valueOf(row.getString("priority")),
                TaskStatus.valueOf(row.getString("status")),
                row.getString("requested_by"),
                row.getString("requester_organisation"),
                row.getTimestamp("requested_at").toInstant(),
                row.getTimestamp("last_event_at").toInstant(),
                row.getLong("version"));
    }
}
