package io.relais.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.process.Procedure;
import io.relais.query.projection.ContractJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's one query: the task projection joined with what kpi-streams said about each task's SLA (the
 * {@code sla_alert} rows), the SOP version it follows and the recurring occurrence that opened it; filtered,
 * ordered and cut with a keyset cursor, so that a page costs the same wherever it starts.
 */
@Repository
class BoardRepository {

    /** The due instant the board shows: the latest alert's (pauses taken into account), else the requested one. */
    static final String DUE = "COALESCE(breach.due_at, risk.due_at, t.due_at)";

    private final JdbcClient jdbc;
    private final TaskRepository tasks;
    private final ObjectMapper json = ContractJson.mapper();

    BoardRepository(JdbcClient jdbc, TaskRepository tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /** A page of at most {@code query.limit()} lines and, when more follow, the cursor of the next page. */
    BoardPage<Line> page(TaskVisibility visibility, BoardQuery query) {
        String inner = lines(query.sort());
        List<String> conditions = new ArrayList<>();
        conditions.add(TaskRepository.VISIBLE);
        if (!query.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
        }
        query.type().ifPresent(t -> conditions.add("type = :type"));
        if (!query.priorities().isEmpty()) {
            conditions.add("priority IN (:priorities)");
        }
        query.provider().ifPresent(p -> conditions.add("assigned_organisation = :provider"));
        query.owner().ifPresent(o -> conditions.add("assigned_agent = :owner"));
        if (!query.slaStates().isEmpty()) {
            conditions.add("sla_state IN (:slaStates)");
        }
        query.from().ifPresent(f -> conditions.add("requested_at >= :from"));
        query.to().ifPresent(t -> conditions.add("requested_at < :to"));
        String direction = query.descending() ? "DESC" : "ASC";
        query.after().ifPresent(cursor -> conditions.add("(sort_key, task_id) " + (query.descending() ? "<" : ">")
                + " (CAST(:afterValue AS " + query.sort().sqlType + "), :afterId)"));
        String sql = "SELECT board.*, sort_key::text AS sort_value FROM (" + inner + ") board WHERE "
                + String.join(" AND ", conditions)
                + " ORDER BY sort_key " + direction + ", task_id " + direction + " LIMIT :limit";

        var statement = TaskRepository.visible(jdbc.sql(sql), visibility).param("limit", query.limit() + 1);
        if (!query.statuses().isEmpty()) {
            statement = statement.param("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.type().isPresent()) {
            statement = statement.param("type", query.type().get());
        }
        if (!query.priorities().isEmpty()) {
            statement = statement.param("priorities", query.priorities().stream().map(Enum::name).toList());
        }
        if (query.provider().isPresent()) {
            statement = statement.param("provider", query.provider().get());
        }
        if (query.owner().isPresent()) {
            statement = statement.param("owner", query.owner().get());
        }
        if (!query.slaStates().isEmpty()) {
            statement = statement.param("slaStates", query.slaStates().stream().map(Enum::name).toList());
        }
        if (query.from().isPresent()) {
            statement = statement.param("from", Timestamp.from(query.from().get()));
        }
        if (query.to().isPresent()) {
            statement = statement.param("to", Timestamp.from(query.to().get()));
        }
        if (query.after().isPresent()) {
            statement = statement.param("afterValue", query.after().get().value())
                    .param("afterId", query.after().get().taskId());
        }
        List<Line> lines = statement.query(this::line).list();
        if (lines.size() <= query.limit()) {
            return new BoardPage<>(lines, null);
        }
        List<Line> page = lines.subList(0, query.limit());
        Line last = page.get(page.size() - 1);
        return new BoardPage<>(List.copyOf(page),
                new BoardCursor(query.sort(), query.descending(), last.sortValue(), last.task().taskId()));
    }

    /** One task's line, if the caller may see it. */
    Optional<Line> line(UUID taskId, TaskVisibility visibility) {
        return TaskRepository.visible(jdbc.sql("SELECT board.*, sort_key::text AS sort_value FROM ("
                        + lines(BoardSort.REQUESTED_AT) + ") board WHERE task_id = :taskId AND "
                        + TaskRepository.VISIBLE), visibility)
                .param("taskId", taskId)
                .query(this::line)
                .optional();
    }

    /** Every task with what the board adds, and {@code sort_key} to order them by. */
    private static String lines(BoardSort sort) {
        return "SELECT t.task_id, " + TaskRepository.COLUMNS.stream().map(c -> "t." + c)
                .collect(Collectors.joining(", "))
                + ", " + DUE + " AS due, pv.title AS sop_title, pv.procedure AS sop_procedure,"
                + " po.occurrence_at, " + BoardSlaState.SQL + " AS sla_state, "
                + sort.expression + " AS sort_key"
                + " FROM task_projection t"
                + " LEFT JOIN sla_alert breach ON breach.task_id = t.task_id::text AND breach.kind = 'BREACHED'"
                + " LEFT JOIN sla_alert risk ON risk.task_id = t.task_id::text AND risk.kind = 'AT_RISK'"
                + " LEFT JOIN process_version pv ON pv.process_id::text = t.process_id"
                + " AND pv.version = t.process_version"
                + " LEFT JOIN process_occurrence po ON po.task_id = t.task_id";
    }

    private Line line(ResultSet row, int rowNumber) throws SQLException {
        TaskView task = tasks.row(row, rowNumber).view();
        Timestamp due = row.getTimestamp("due");
        Timestamp occurrence = row.getTimestamp("occurrence_at");
        String procedure = row.getString("sop_procedure");
        return new Line(task, due == null ? null : due.toInstant(), BoardSlaState.valueOf(row.getString("sla_state")),
                row.getString("sop_title"), procedure == null ? null : procedure(procedure),
                occurrence == null ? null : occurrence.toInstant(), row.getString("sort_value"));
    }

    private Procedure procedure(String text) {
        try {
            return json.readValue(text, Procedure.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("process_version.procedure is not a Procedure", unreadable);
        }
    }

    /** A task with what the board adds to it. */
    record Line(TaskView task, Instant due, BoardSlaState slaState, String sopTitle, Procedure procedure,
                Instant occurrenceAt, String sortValue) {
    }
}
