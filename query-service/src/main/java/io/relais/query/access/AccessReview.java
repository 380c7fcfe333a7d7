package io.relais.query.access;

import io.relais.contract.access.AccessLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic access review's report (BRIEF §6) over the grants active now: without expiry, outliving their
 * engagement, to providers without a signed DPA, unused by any task. It reads the engagement and task projections'
 * tables (one database, read-only here), not their code, so that the features stay independent.
 */
@Component
class AccessReview {

    /** The active grants at :now (an expiry counts at expiresAt even if the expiry event is not in yet). */
    private static final String ACTIVE = """
            SELECT g.* FROM access_grant g
            WHERE g.status = 'ACTIVE' AND g.granted_at <= :now AND (g.expires_at IS NULL OR g.expires_at > :now)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessReview(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ReviewReport report() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        int active = jdbc.sql("SELECT count(*) FROM (" + ACTIVE + ") a").param("now", at).query(Integer.class)
                .single();
        List<ReviewFinding> findings = new ArrayList<>();
        findings.addAll(jdbc.sql(ACTIVE + " AND g.expires_at IS NULL").param("now", at)
                .query((row, n) -> finding(row, ReviewFinding.Finding.NO_EXPIRY,
                        "Granted without expiry: it lasts until somebody revokes it"))
                .list());
        findings.addAll(jdbc.sql("""
                        SELECT g.*, e.status AS engagement_status, e.ended_at AS engagement_ended_at,
                               e.planned_end_on, e.provider_organisation,
                               (e.planned_end_on + 1)::timestamp AT TIME ZONE coalesce(e.calendar ->> 'zone', 'UTC')
                                   AS planned_end
                        FROM (""" + ACTIVE + """
                        ) g JOIN engagement_projection e ON e.engagement_id::text = g.engagement_id
                        WHERE e.status = 'ENDED'
                           OR (e.planned_end_on IS NOT NULL AND (g.expires_at IS NULL OR g.expires_at >
                               (e.planned_end_on + 1)::timestamp AT TIME ZONE coalesce(e.calendar ->> 'zone', 'UTC')))
                        """)
                .param("now", at)
                .query((row, n) -> finding(row, ReviewFinding.Finding.OUTLIVES_ENGAGEMENT,
                        outlives(row)))
                .list());
        findings.addAll(jdbc.sql("""
                        SELECT g.*, e.engagement_id AS known_engagement, e.provider_organisation
                        FROM (""" + ACTIVE + """
                        ) g LEFT JOIN engagement_projection e ON e.engagement_id::text = g.engagement_id
                        WHERE (g.engagement_id IS NOT NULL AND (e.engagement_id IS NULL OR NOT e.dpa_signed))
                           OR (g.engagement_id IS NULL
                               AND EXISTS (SELECT 1 FROM engagement_projection p
                                           WHERE p.provider_organisation = g.organisation)
                               AND NOT EXISTS (SELECT 1 FROM engagement_projection p
                                               WHERE p.provider_organisation = g.organisation AND p.dpa_signed
                                                 AND p.status = 'ACTIVE'))
                        """)
                .param("now", at)
                .query((row, n) -> finding(row, ReviewFinding.Finding.NO_SIGNED_DPA, noDpa(row)))
                .list());
        findings.addAll(jdbc.sql(ACTIVE + """
                         AND NOT EXISTS (
                            SELECT 1 FROM task_timeline t JOIN task_projection p ON p.task_id = t.task_id
                            WHERE t.event_type = 'relais.task.assigned.v1' AND t.details ->> 'agent' = g.principal
                              AND t.occurred_at >= g.granted_at AND t.occurred_at <= :now
                              AND g.resource = ANY (p.resources))""")
                .param("now", at)
                .query((row, n) -> finding(row, ReviewFinding.Finding.UNUSED,
                        "No task requiring " + row.getString("resource") + " was assigned to "
                                + row.getString("principal") + " since the grant was made"))
                .list());
        findings.sort(Comparator.comparing(ReviewFinding::grantedAt).thenComparing(ReviewFinding::grantId)
                .thenComparing(ReviewFinding::finding));
        Map<ReviewFinding.Finding, Integer> counts = new EnumMap<>(ReviewFinding.Finding.class);
        for (ReviewFinding.Finding kind : ReviewFinding.Finding.values()) {
            counts.put(kind, (int) findings.stream().filter(f -> f.finding() == kind).count());
        }
        return new ReviewReport(now, active, counts, findings);
    }

    private static String outlives(ResultSet row) throws SQLException {
        String engagement = row.getString("engagement_id");
        if ("ENDED".equals(row.getString("engagement_status"))) {
            return "Engagement " + engagement + " with " + row.getString("provider_organisation") + " ended at "
                    + instant(row, "engagement_ended_at") + ", yet the grant is still active";
        }
        Instant expiresAt = instant(row, "expires_at");
        return (expiresAt == null ? "Never expires" : "Expires at " + expiresAt) + ", after the planned end of engagement "
                + engagement + " on " + row.getDate("planned_end_on").toLocalDate();
    }

    private static String noDpa(ResultSet row) throws SQLException {
        String engagement = row.getString("engagement_id");
        if (engagement == null) {
            return "Granted to provider " + row.getString("organisation")
                    + " outside any engagement, and no active engagement with it has a signed DPA";
        }
        if (row.getString("known_engagement") == null) {
            return "Engagement " + engagement + " is not on record: no signed DPA is known for it";
        }
        return "The DPA of engagement " + engagement + " with " + row.getString("provider_organisation")
                + " is not signed";
    }

    private static ReviewFinding finding(ResultSet row, ReviewFinding.Finding kind, String detail) throws SQLException {
        return new ReviewFinding(kind, row.getString("grant_id"), row.getString("principal"),
                row.getString("organisation"), row.getString("resource"), AccessLevel.valueOf(row.getString("level")),
                row.getString("engagement_id"), instant(row, "granted_at"), instant(row, "expires_at"), detail);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
