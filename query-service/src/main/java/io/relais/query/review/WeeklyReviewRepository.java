package io.relais.query.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code weekly_review}: one report per week, replaced (its revision counted up) when the week is generated again. */
@Repository
class WeeklyReviewRepository {

    /** A stored report without its bodies. */
    record Stored(LocalDate weekStart, int revision, Instant generatedAt, String generatedBy, String pdfSha256,
                  int pdfBytes, Instant slackPostedAt) {
    }

    private static final String SUMMARY = "SELECT week_start, revision, generated_at, generated_by, pdf_sha256,"
            + " octet_length(pdf) AS pdf_bytes, slack_posted_at FROM weekly_review";

    private final JdbcClient jdbc;

    WeeklyReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the week's report, or replaces it and counts its revision up; the new revision. */
    int save(LocalDate weekStart, Instant generatedAt, String generatedBy, String figures, String html, byte[] pdf,
             String pdfSha256) {
        return jdbc.sql("""
                        INSERT INTO weekly_review (week_start, revision, generated_at, generated_by, figures, html, pdf,
                                                   pdf_sha256)
                        VALUES (:week, 1, :generatedAt, :generatedBy, CAST(:figures AS jsonb), :html, :pdf, :sha256)
                        ON CONFLICT (week_start) DO UPDATE SET revision = weekly_review.revision + 1,
                            generated_at = EXCLUDED.generated_at, generated_by = EXCLUDED.generated_by,
                            figures = EXCLUDED.figures, html = EXCLUDED.html, pdf = EXCLUDED.pdf,
                            pdf_sha256 = EXCLUDED.pdf_sha256
                        RETURNING revision""")
                .param("week", weekStart)
                .param("generatedAt", Timestamp.from(generatedAt))
                .param("generatedBy", generatedBy)
                .param("figures", figures)
                .param("html", html)
                .param("pdf", pdf)
                .param("sha256", pdfSha256)
                .query(Integer.class).single();
    }

    /** Newest week first. */
    List<Stored> list(int limit) {
        return jdbc.sql(SUMMARY + " ORDER BY week_start DESC LIMIT :limit").param("limit", limit)
                .query(WeeklyReviewRepository::stored).list();
    }

    Optional<Stored> find(LocalDate weekStart) {
        return jdbc.sql(SUMMARY + " WHERE week_start = :week").param("week", weekStart)
                .query(WeeklyReviewRepository::stored).optional();
    }

    Optional<LocalDate> latestWeek() {
        return jdbc.sql("SELECT max(week_start) FROM weekly_review").query(LocalDate.class).optional();
    }

    Optional<String> figures(LocalDate weekStart) {
        return jdbc.sql("SELECT figures::text FROM weekly_review WHERE week_start = :week").param("week", weekStart)
                .query(String.class).optional();
    }

    Optional<String> html(LocalDate weekStart) {
        return jdbc.sql("SELECT html FROM weekly_review WHERE week_start = :week").param("week", weekStart)
                .query(String.class).optional();
    }

    Optional<byte[]> pdf(LocalDate weekStart) {
        return jdbc.sql("SELECT pdf FROM weekly_review WHERE week_start = :week").param("week", weekStart)
                .query((row, n) -> row.getBytes(1)).optional();
    }

    /** Marks the week's report as posted to Slack; false if it already was (another run posted it). */
    boolean markPosted(LocalDate weekStart, Instant at) {
        return jdbc.sql("UPDATE weekly_review SET slack_posted_at = :at WHERE week_start = :week"
                        + " AND slack_posted_at IS NULL")
                .param("at", Timestamp.from(at)).param("week", weekStart).update() == 1;
    }

    private static Stored stored(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        Timestamp posted = row.getTimestamp("slack_posted_at");
        return new Stored(row.getObject("week_start", LocalDate.class), row.getInt("revision"),
                row.getTimestamp("generated_at").toInstant(), row.getString("generated_by"),
                row.getString("pdf_sha256"), row.getInt("pdf_bytes"), posted == null ? null : posted.toInstant());
    }
}
