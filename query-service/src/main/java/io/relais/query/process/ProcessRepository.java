package io.relais.query.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.query.projection.ContractJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code process_projection}, {@code process_version} and {@code process_occurrence}. */
@Repository
class ProcessRepository {

    private static final String SELECT = """
            SELECT process_id, current_version, status, procedure, title, task_type, sla_policy, defined_by,
                   defined_at, revised_by, revised_at, change_note, retired_by, retired_at, retirement_reason,
                   last_event_at
            FROM process_projection""";

    private final JdbcClient jdbc;
    private final ObjectMapper json = ContractJson.mapper();

    ProcessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A procedure and its current text, as the detail serves them. */
    record ProcessRow(ProcessView view, Procedure procedure) {
    }

    // --- writes (in the projection's transaction) ------------------------------------------------------------------

    /**
     * A plain insert on purpose: the sequence check lets a procedure's first event through once, so a row that
     * already exists means the projection tables disagree, and that must fail loudly, not be masked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(ProcessEvent.Defined defined) {
        ProcessDefined data = defined.payload();
        Procedure procedure = data.procedure();
        Instant definedAt = defined.recorded().when(data.definedAt());
        jdbc.sql("""
                        INSERT INTO process_projection (process_id, current_version, status, procedure, title, task_type,
                                                        sla_policy, defined_by, defined_at, last_event_at, sequence)
                        VALUES (:processId, :version, :status, CAST(:procedure AS jsonb), :title, :taskType,
                                :slaPolicy, :definedBy, :definedAt, :lastEventAt, :sequence)""")
                .param("processId", defined.processId())
                .param("version", data.version())
                .param("status", ProcessStatus.ACTIVE.name())
                .param("procedure", write(procedure))
                .param("title", procedure.title())
                .param("taskType", procedure.taskType())
                .param("slaPolicy", procedure.slaPolicy())
                .param("definedBy", defined.recorded().who(data.definedBy()), Types.VARCHAR)
                .param("definedAt", Timestamp.from(definedAt))
                .param("lastEventAt", Timestamp.from(defined.recorded().occurredAt()))
                .param("sequence", defined.sequence())
                .update();
        insertVersion(defined.processId(), data.version(), procedure, null,
                defined.recorded().who(data.definedBy()), definedAt, defined.recorded().eventId(), defined.sequence());
    }

    /** The procedure's current version, its row locked until the projection's transaction ends; empty if unknown. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Integer> lockCurrentVersion(UUID processId) {
        return jdbc.sql("SELECT current_version FROM process_projection WHERE process_id = :processId FOR UPDATE")
                .param("processId", processId)
                .query(Integer.class)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revise(ProcessEvent.Revised revised) {
        ProcessRevised data = revised.payload();
        Procedure procedure = data.procedure();
        Instant revisedAt = revised.recorded().when(data.revisedAt());
        String revisedBy = revised.recorded().who(data.revisedBy());
        update(jdbc.sql("""
                        UPDATE process_projection
                        SET current_version = :version, procedure = CAST(:procedure AS jsonb), title = :title,
                            task_type = :taskType, sla_policy = :slaPolicy, revised_by = :revisedBy,
                            revised_at = :revisedAt, change_note = :changeNote, last_event_at = :lastEventAt,
                            sequence = :sequence
                        WHERE process_id = :processId""")
                .param("version", data.version())
                .param("procedure", write(procedure))
                .param("title", procedure.title())
                .param("taskType", procedure.taskType())
                .param("slaPolicy", procedure.slaPolicy())
                .param("revisedBy", revisedBy, Types.VARCHAR)
                .param("revisedAt", Timestamp.from(revisedAt))
                .param("changeNote", data.changeNote(), Types.VARCHAR), revised);
        insertVersion(revised.processId(), data.version(), procedure, data.changeNote(), revisedBy, revisedAt,
                revised.recorded().eventId(), revised.sequence());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void retire(ProcessEvent.Retired retired) {
        ProcessRetired data = retired.payload();
        update(jdbc.sql("""
                        UPDATE process_projection
                        SET status = :status, retired_by = :retiredBy, retired_at = :retiredAt,
                            retirement_reason = :reason, last_event_at = :lastEventAt, sequence = :sequence
                        WHERE process_id = :processId""")
                .param("status", ProcessStatus.RETIRED.name())
                .param("retiredBy", retired.recorded().who(data.retiredBy()), Types.VARCHAR)
                .param("retiredAt", Timestamp.from(retired.recorded().when(data.retiredAt())))
                .param("reason", data.reason(), Types.VARCHAR), retired);
    }

    /**
     * Records the occurrence unless one is already recorded for the same instant (its task id is derived from the
     * instant, so it opened no second task either).
     *
     * @return whether it was recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean addOccurrence(ProcessEvent.OccurrenceDue occurrence) {
        ProcessOccurrenceDue data = occurrence.payload();
        int inserted = jdbc.sql("""
                        INSERT INTO process_occurrence (process_id, occurrence_at, version, task_id, fired_at, late,
                                                        event_id, sequence)
                        VALUES (:processId, :occurrenceAt, :version, :taskId, :firedAt, :late, :eventId, :sequence)
                        ON CONFLICT (process_id, occurrence_at) DO NOTHING""")
                .param("processId", occurrence.processId())
                .param("occurrenceAt", Timestamp.from(data.occurrenceAt()))
                .param("version", data.version())
                .param("taskId", occurrence.taskId())
                .param("firedAt", Timestamp.from(data.firedAt()))
                .param("late", data.late())
                .param("eventId", occurrence.recorded().eventId())
                .param("sequence", occurrence.sequence())
                .update();
        return inserted == 1;
    }

    /** The procedure's row follows its stream: the last event's time and sequence. */
    @Transactional(propagation = Propagation.MANDATORY)
    void touch(ProcessEvent.Known event) {
        update(jdbc.sql("""
                UPDATE process_projection SET last_event_at = :lastEventAt, sequence = :sequence
                WHERE process_id = :processId"""), event);
    }

    private void insertVersion(UUID processId, int version, Procedure procedure, String changeNote, String recordedBy,
                               Instant recordedAt, String eventId, long sequence) {
        jdbc.sql("""
                        INSERT INTO process_version (process_id, version, procedure, title, task_type, sla_policy,
                                                     change_note, recorded_by, recorded_at, event_id, sequence)
                        VALUES (:processId, :version, CAST(:procedure AS jsonb), :title, :taskType, :slaPolicy,
                                :changeNote, :recordedBy, :recordedAt, :eventId, :sequence)""")
                .param("processId", processId)
                .param("version", version)
                .param("procedure", write(procedure))
                .param("title", procedure.title())
                .param("taskType", procedure.taskType())
                .param("slaPolicy", procedure.slaPolicy())
                .param("changeNote", changeNote, Types.VARCHAR)
                .param("recordedBy", recordedBy, Types.VARCHAR)
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("eventId", eventId)
                .param("sequence", sequence)
                .update();
    }

    /** Runs an UPDATE of one procedure's row, adding the parameters every event sets. */
    private static void update(JdbcClient.StatementSpec statement, ProcessEvent.Known event) {
        int updated = statement
                .param("processId", event.processId())
                .param("lastEventAt", Timestamp.from(event.recorded().occurredAt()))
                .param("sequence", event.sequence())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Process " + event.processId() + " vanished while it was being updated");
        }
    }

    // --- reads -----------------------------------------------------------------------------------------------------

    /** By title; a filter left empty matches every procedure. */
    List<ProcessView> list(Optional<ProcessStatus> status, Optional<String> taskType, int limit) {
        List<String> conditions = new ArrayList<>();
        status.ifPresent(s -> conditions.add("status = :status"));
        taskType.ifPresent(t -> conditions.add("task_type = :taskType"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var statement = jdbc.sql(SELECT + where + " ORDER BY title, process_id LIMIT :limit").param("limit", limit);
        if (status.isPresent()) {
            statement = statement.param("status", status.get().name());
        }
        if (taskType.isPresent()) {
            statement = statement.param("taskType", taskType.get());
        }
        return statement.query(this::row).list().stream().map(ProcessRow::view).toList();
    }

    Optional<ProcessRow> find(UUID processId) {
        return jdbc.sql(SELECT + " WHERE process_id = :processId")
                .param("processId", processId)
                .query(this::row)
                .optional();
    }

    /** Oldest first. */
    List<ProcessVersionSummary> versions(UUID processId, int currentVersion) {
        return jdbc.sql("""
                        SELECT version, title, task_type, sla_policy, change_note, recorded_by, recorded_at
                        FROM process_version WHERE process_id = :processId ORDER BY version""")
                .param("processId", processId)
                .query((row, n) -> new ProcessVersionSummary(row.getInt("version"), row.getString("title"),
                        row.getString("task_type"), row.getString("sla_policy"), row.getString("change_note"),
                        row.getString("recorded_by"), instant(row, "recorded_at"),
                        row.getInt("version") == currentVersion))
                .list();
    }

    Optional<ProcessVersionView> version(ProcessView process, int version) {
        return jdbc.sql("""
                        SELECT version, procedure, change_note, recorded_by, recorded_at
                        FROM process_version WHERE process_id = :processId AND version = :version""")
                .param("processId", process.processId())
                .param("version", version)
                .query((row, n) -> new ProcessVersionView(process.processId(), row.getInt("version"),
                        row.getInt("version") == process.version(), process.status(), row.getString("change_note"),
                        row.getString("recorded_by"), instant(row, "recorded_at"),
                        procedure(row.getString("procedure"))))
                .optional();
    }

    /** Newest first. */
    List<ProcessOccurrenceView> recentOccurrences(UUID processId, int limit) {
        return jdbc.sql("""
                        SELECT occurrence_at, version, task_id, fired_at, late FROM process_occurrence
                        WHERE process_id = :processId ORDER BY occurrence_at DESC LIMIT :limit""")
                .param("processId", processId)
                .param("limit", limit)
                .query((row, n) -> new ProcessOccurrenceView(instant(row, "occurrence_at"), row.getInt("version"),
                        row.getObject("task_id", UUID.class), instant(row, "fired_at"), row.getBoolean("late")))
                .list();
    }

    /** How many occurrences a procedure had, and how many of them fired late. */
    record OccurrenceCounts(long total, long late) {
    }

    OccurrenceCounts occurrenceCounts(UUID processId) {
        return jdbc.sql("""
                        SELECT count(*) AS total, count(*) FILTER (WHERE late) AS late
                        FROM process_occurrence WHERE process_id = :processId""")
                .param("processId", processId)
                .query((row, n) -> new OccurrenceCounts(row.getLong("total"), row.getLong("late")))
                .single();
    }

    private ProcessRow row(ResultSet row, int rowNumber) throws SQLException {
        ProcessView view = new ProcessView(row.getObject("process_id", UUID.class), row.getInt("current_version"),
                ProcessStatus.valueOf(row.getString("status")), row.getString("title"), row.getString("task_type"),
                row.getString("sla_policy"), row.getString("defined_by"), instant(row, "defined_at"),
                row.getString("revised_by"), instant(row, "revised_at"), row.getString("change_note"),
                row.getString("retired_by"), instant(row, "retired_at"), row.getString("retirement_reason"),
                instant(row, "last_event_at"));
        return new ProcessRow(view, procedure(row.getString("procedure")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private String write(Procedure procedure) {
        try {
            return json.writeValueAsString(procedure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a procedure as JSON", e);
        }
    }

    private Procedure procedure(String stored) {
        try {
            return json.readValue(stored, Procedure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable procedure in the process projection: " + stored, e);
        }
    }
}
