package io.relais.command.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The procedure catalogue of the command side, table {@code process_catalog} (Flyway V2): one row per
 * procedure with its version in force.
 *
 * <p>Its handlers run in the SUBSCRIBING processing group {@value #PROCESSING_GROUP}
 * ({@link ProcessCatalogConfiguration}): in the unit of work and the database transaction that append the
 * event, and a failure here rolls the command back. So once a command is answered, the catalogue says what the
 * events say, and a task can never be opened under a retired procedure or an outdated version.
 *
 * <p>Replay: a subscribing processor only sees events as they are stored; it never replays the past. The
 * table only knows procedures whose events were stored after it was created (migration V2), and it must not
 * be truncated in an existing database: rebuilding it needs a one-off replay of the procedure events from the
 * event store (e.g. a tracking processor from the tail, run once), which is not provided yet.
 */
@Component
@ProcessingGroup(JdbcProcessCatalog.PROCESSING_GROUP)
class JdbcProcessCatalog implements ProcessCatalog {

    static final String PROCESSING_GROUP = "process-catalog";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    /** Its own mapper: the stored lists must not change shape when someone tunes the REST JSON settings. */
    private final ObjectMapper json = JsonMapper.builder().build();

    JdbcProcessCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProcessInForce> inForce(String processId) {
        return jdbc.sql("""
                        SELECT process_id, version, title, task_type, sla_policy, resources, quality_checks
                        FROM process_catalog WHERE process_id = ? AND retired_at IS NULL""")
                .param(processId)
                .query(this::processInForce)
                .optional();
    }

    @Override
    public Optional<ProcessInForce> inForceByTitle(String title) {
        return jdbc.sql("""
                        SELECT process_id, version, title, task_type, sla_policy, resources, quality_checks
                        FROM process_catalog WHERE lower(title) = lower(?) AND retired_at IS NULL
                        ORDER BY updated_at DESC, process_id LIMIT 1""")
                .param(title.strip())
                .query(this::processInForce)
                .optional();
    }

    @EventHandler
    void on(ProcessDefined event) {
        Procedure procedure = event.procedure();
        jdbc.sql("""
                        INSERT INTO process_catalog (process_id, version, title, task_type, sla_policy, resources,
                                                     quality_checks, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(event.processId(), event.version(), procedure.title(), procedure.taskType(),
                        procedure.slaPolicy(), write(procedure.resources()), write(procedure.qualityChecks()),
                        utc(event.definedAt()))
                .update();
    }

    /** An upsert: the event carries the whole procedure, so a row that went missing is written back whole. */
    @EventHandler
    void on(ProcessRevised event) {
        Procedure procedure = event.procedure();
        jdbc.sql("""
                        INSERT INTO process_catalog (process_id, version, title, task_type, sla_policy, resources,
                                                     quality_checks, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                        ON CONFLICT (process_id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                               task_type = EXCLUDED.task_type, sla_policy = EXCLUDED.sla_policy,
                               resources = EXCLUDED.resources, quality_checks = EXCLUDED.quality_checks,
                               updated_at = EXCLUDED.updated_at""")
                .params(event.processId(), event.version(), procedure.title(), procedure.taskType(),
                        procedure.slaPolicy(), write(procedure.resources()), write(procedure.qualityChecks()),
                        utc(event.revisedAt()))
                .update();
    }

    /** Without a row the procedure is not in force anyway, so a missing row needs no repair here. */
    @EventHandler
    void on(ProcessRetired event) {
        jdbc.sql("UPDATE process_catalog SET retired_at = ?, updated_at = ? WHERE process_id = ?")
                .params(utc(event.retiredAt()), utc(event.retiredAt()), event.processId())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private ProcessInForce processInForce(ResultSet row, int rowNumber) throws SQLException {
        return new ProcessInForce(row.getString("process_id"), row.getInt("version"), row.getString("title"),
                row.getString("task_type"), row.getString("sla_policy"), read(row.getString("resources")),
                read(row.getString("quality_checks")));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + values, e);
        }
    }

    private List<String> read(String text) {
        try {
            return List.copyOf(json.readValue(text, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable list in process_catalog: " + text, e);
        }
    }
}
