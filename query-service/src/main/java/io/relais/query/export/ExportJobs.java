package io.relais.query.export;

import io.relais.contract.actor.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code export_job}. Every write runs in a transaction of its own: the export thread holds its read-only snapshot
 * transaction while it reports progress, and the progress must be visible (committed) at once.
 */
@Repository
class ExportJobs {

    private static final String COLUMNS = """
            export_id, status, requested_by, requester_roles, requester_org, created_at, started_at, finished_at,
            sections_total, sections_done, current_section, rows_total, rows_written, updated_at, archive_file,
            archive_size, archive_sha256, error""";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ExportJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void create(UUID id, Actor actor, Instant now, int sectionsTotal) {
        own.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO export_job (export_id, status, requested_by, requester_roles, requester_org,
                                                created_at, started_at, sections_total, updated_at)
                        VALUES (:id, 'RUNNING', :by, :roles, :org, :now, :now, :total, :now)""")
                .param("id", id)
                .param("by", actor.name())
                .param("roles", actor.rolesAsText(), Types.VARCHAR)
                .param("org", actor.organisation(), Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .param("total", sectionsTotal)
                .update());
    }

    void progress(UUID id, int sectionsDone, String currentSection, Long rowsTotal, long rowsWritten, Instant now) {
        own.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE export_job SET sections_done = :done, current_section = :current, rows_total = :total,
                                              rows_written = :written, updated_at = :now
                        WHERE export_id = :id AND status = 'RUNNING'""")
                .param("id", id)
                .param("done", sectionsDone)
                .param("current", currentSection, Types.VARCHAR)
                .param("total", rowsTotal, Types.BIGINT)
                .param("written", rowsWritten)
                .param("now", Timestamp.from(now))
                .update());
    }

    void done(UUID id, int sectionsDone, long rowsWritten, String file, long size, String sha256, Instant now) {
        own.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE export_job SET status = 'DONE', sections_done = :done, current_section = NULL,
                                              rows_written = :written, archive_file = :file, archive_size = :size,
                                              archive_sha256 = :sha, finished_at = :now, updated_at = :now
                        WHERE export_id = :id""")
                .param("id", id)
                .param("done", sectionsDone)
                .param("written", rowsWritten)
                .param("file", file)
                .param("size", size)
                .param("sha", sha256)
                .param("now", Timestamp.from(now))
                .update());
    }

    void failed(UUID id, String error, Instant now) {
        own.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE export_job SET status = 'FAILED', error = :error, finished_at = :now, updated_at = :now
                        WHERE export_id = :id AND status = 'RUNNING'""")
                .param("id", id)
                .param("error", error)
                .param("now", Timestamp.from(now))
                .update());
    }

    /** Jobs left RUNNING by a stop of the service: nothing will finish them. */
    int failInterrupted(Instant now) {
        return own.execute(status -> jdbc.sql("""
                        UPDATE export_job SET status = 'FAILED', finished_at = :now, updated_at = :now,
                                              error = 'interrupted: the service stopped during the export'
                        WHERE status = 'RUNNING'""")
                .param("now", Timestamp.from(now))
                .update());
    }

    Optional<ExportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM export_job WHERE export_id = :id")
                .param("id", id).query(ExportJobs::job).optional();
    }

    /** Newest first. */
    List<ExportJob> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM export_job ORDER BY created_at DESC, export_id DESC LIMIT :limit")
                .param("limit", limit).query(ExportJobs::job).list();
    }

    private static ExportJob job(ResultSet rs, int n) throws SQLException {
        return new ExportJob(rs.getObject("export_id", UUID.class), ExportStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getString("requester_roles"), rs.getString("requester_org"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getInt("sections_total"), rs.getInt("sections_done"), rs.getString("current_section"),
                rs.getObject("rows_total", Long.class), rs.getLong("rows_written"), instant(rs, "updated_at"),
                rs.getString("archive_file"), rs.getObject("archive_size", Long.class), rs.getString("archive_sha256"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
