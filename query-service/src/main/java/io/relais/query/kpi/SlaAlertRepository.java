package io.relais.query.kpi;

import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SlaAlertRepository {

    /** A task's alert is open while the task is neither approved nor cancelled (or not projected yet). */
    private static final String OPEN = "NOT EXISTS (SELECT 1 FROM task_projection t WHERE t.task_id::text = a.task_id"
            + " AND t.status IN ('APPROVED', 'CANCELLED'))";

    private final JdbcClient jdbc;

    SlaAlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most one alert per task and kind: a re-delivered alert rewrites its row, so a replay is harmless. */
    void upsert(SlaAlert alert) {
        jdbc.sql("""
                        INSERT INTO sla_alert (task_id, kind, type, priority, process_id, assigned_organisation,
                                               sla_policy, requested_at, due_at, crossed_at, detected_at,
                                               elapsed_seconds, budget_seconds)
                        VALUES (:taskId, :kind, :type, :priority, :processId, :organisation, :policy, :requestedAt,
                                :dueAt, :crossedAt, :detectedAt, :elapsed, :budget)
                        ON CONFLICT (task_id, kind) DO UPDATE SET type = EXCLUDED.type,
                            priority = EXCLUDED.priority, process_id = EXCLUDED.process_id,
                            assigned_organisation = EXCLUDED.assigned_organisation, sla_policy = EXCLUDED.sla_policy,
                            requested_at = EXCLUDED.requested_at, due_at = EXCLUDED.due_at,
                            crossed_at = EXCLUDED.crossed_at, detected_at = EXCLUDED.detected_at,
                            elapsed_seconds = EXCLUDED.elapsed_seconds, budget_seconds = EXCLUDED.budget_seconds""")
                .param("taskId", alert.taskId())
                .param("kind", alert.kind().name())
                .param("type", alert.type())
                .param("priority", alert.priority() == null ? null : alert.priority().name())
                .param("processId", alert.processId())
                .param("organisation", alert.assignedOrganisation())
                .param("policy", alert.slaPolicy())
                .param("requestedAt", timestamp(alert.requestedAt()))
                .param("dueAt", timestamp(alert.dueAt()))
                .param("crossedAt", timestamp(alert.crossedAt()))
                .param("detectedAt", timestamp(alert.detectedAt()))
                .param("elapsed", alert.elapsedSeconds())
                .param("budget", alert.budgetSeconds())
                .update();
    }

    /** Most recently detected first. */
    List<SlaAlert> find(Optional<SlaAlert.Kind> kind, Optional<Boolean> open, int limit) {
        List<String> conditions = new ArrayList<>();
        kind.ifPresent(k -> conditions.add("a.kind = :kind"));
        open.ifPresent(o -> conditions.add(o ? OPEN : "NOT " + OPEN));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var statement = jdbc.sql("SELECT a.* FROM sla_alert a" + where
                        + " ORDER BY a.detected_at DESC, a.task_id, a.kind LIMIT :limit")
                .param("limit", limit);
        if (kind.isPresent()) {
            statement = statement.param("kind", kind.get().name());
        }
        return statement.query(SlaAlertRepository::alert).list();
    }

    /** The alerts whose threshold was crossed in {@code [from, to)}, in the order they were crossed. */
    public List<SlaAlert> crossedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT a.* FROM sla_alert a WHERE a.crossed_at >= :from AND a.crossed_at < :to"
                        + " ORDER BY a.crossed_at, a.task_id, a.kind")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(SlaAlertRepository::alert).list();
    }

    private static SlaAlert alert(ResultSet row, int rowNumber) throws SQLException {
        String priority = row.getString("priority");
        return new SlaAlert(row.getString("task_id"), SlaAlert.Kind.valueOf(row.getString("kind")),
                row.getString("type"), priority == null ? null : TaskPriority.valueOf(priority),
                row.getString("process_id"), row.getString("assigned_organisation"), row.getString("sla_policy"),
                instant(row, "requested_at"), instant(row, "due_at"), instant(row, "crossed_at"),
                instant(row, "detected_at"), row.getLong("elapsed_seconds"), row.getLong("budget_seconds"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
