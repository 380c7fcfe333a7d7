package io.relais.query.export;

import java.util.List;
import java.util.Set;

/**
 * One part of the archive: a table (or a join) written as {@code <name>.json} (a JSON array) or
 * {@code <name>.ndjson} (one JSON object per line, for the sections that grow with the activity) and as
 * {@code <name>.csv}.
 *
 * @param sql       the rows, in a stable order; streamed with a cursor (not used by {@link Source#TASKS_WITH_TIMELINES})
 * @param countSql  how many rows {@code sql} gives, counted in the same snapshot (for the progress)
 * @param jsonColumns {@code bytea} or {@code text} columns that hold JSON (written as nested JSON)
 */
record ExportSection(String name, Format format, Source source, String description, String countSql, String sql,
                     Set<String> jsonColumns) {

    enum Format {
        JSON_ARRAY("json", "application/json"),
        NDJSON("ndjson", "application/x-ndjson");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    enum Source {
        /** {@code sql} read with a server-side cursor. */
        CURSOR,
        /** The tasks in pages (keyset), each page's timelines nested into its tasks. */
        TASKS_WITH_TIMELINES
    }

    String jsonFile() {
        return name + "." + format.extension;
    }

    String csvFile() {
        return name + ".csv";
    }

    static ExportSection cursor(String name, Format format, String description, String table, String sql) {
        return new ExportSection(name, format, Source.CURSOR, description, "SELECT count(*) FROM " + table, sql,
                Set.of());
    }

    /**
     * Every section, in archive order. Columns are named explicitly (a migration that adds a column adds it here on
     * purpose), ordered by a key that makes two exports of the same data byte-identical.
     */
    static List<ExportSection> all() {
        return List.of(
                cursor("processes", Format.JSON_ARRAY,
                        "The procedures (SOPs) as of now: current version, status, the current procedure text.",
                        "process_projection", """
                                SELECT process_id, current_version, status, title, task_type, sla_policy, procedure,
                                       defined_by, defined_at, revised_by, revised_at, change_note, retired_by,
                                       retired_at, retirement_reason, last_event_at, sequence
                                FROM process_projection ORDER BY defined_at, process_id"""),
                cursor("process-versions", Format.JSON_ARRAY,
                        "Every version of every procedure, kept for good (tasks keep the version they were opened"
                                + " under).", "process_version", """
                                SELECT process_id, version, title, task_type, sla_policy, change_note, recorded_by,
                                       recorded_at, event_id, sequence, procedure
                                FROM process_version ORDER BY process_id, version"""),
                cursor("process-occurrences", Format.JSON_ARRAY,
                        "The occurrences of recurring procedures and the task each one opened.",
                        "process_occurrence", """
                                SELECT process_id, occurrence_at, version, task_id, fired_at, late, event_id, sequence
                                FROM process_occurrence ORDER BY process_id, occurrence_at"""),
                cursor("engagements", Format.JSON_ARRAY,
                        "The provider engagements: rates, business calendar, DPA, dates, end.",
                        "engagement_projection", """
                                SELECT engagement_id, provider_organisation, agents, internal_hourly_rate,
                                       provider_hourly_rate, calendar, dpa_signed, starts_on, planned_end_on,
                                       started_by, started_at, status, ended_by, ended_at, end_reason, last_event_at,
                                       sequence
                                FROM engagement_projection ORDER BY started_at, engagement_id"""),
                new ExportSection("tasks", Format.NDJSON, Source.TASKS_WITH_TIMELINES,
                        "Every task as of now, each with its whole timeline (one entry per event, oldest first).",
                        "SELECT count(*) FROM task_projection", null, Set.of()),
                cursor("task-timelines", Format.NDJSON,
                        "The same timelines, flat: one row per task event (CSV-friendly).", "task_timeline", """
                                SELECT task_id, sequence, event_type, event_id, actor, actor_roles, actor_organisation,
                                       correlation_id, occurred_at, details
                                FROM task_timeline ORDER BY task_id, sequence"""),
                cursor("kpis", Format.NDJSON,
                        "Every KPI value received from kpi-streams: per KPI, dimension, group and window.",
                        "kpi_value", """
                                SELECT kpi, dimension, group_name, window_kind, window_start, window_end, value,
                                       kpi_key
                                FROM kpi_value ORDER BY kpi, dimension, group_name, window_kind, window_start"""),
                cursor("sla-alerts", Format.JSON_ARRAY,
                        "The SLA alerts (at risk, breached) kpi-streams raised, one per task and kind.",
                        "sla_alert", """
                                SELECT task_id, kind, type, priority, process_id, assigned_organisation, sla_policy,
                                       requested_at, due_at, crossed_at, detected_at, elapsed_seconds, budget_seconds
                                FROM sla_alert ORDER BY detected_at, task_id, kind"""),
                cursor("access-grants", Format.JSON_ARRAY,
                        "The access registry: every grant and its current state.", "access_grant", """
                                SELECT grant_id, principal, organisation, resource, level, purpose, engagement_id,
                                       expires_at, status, granted_by, granted_at, ended_by, ended_at, end_reason,
                                       last_review_decision, last_reviewed_by, last_reviewed_at, last_event_at, sequence
                                FROM access_grant ORDER BY granted_at, grant_id"""),
                cursor("access-history", Format.NDJSON,
                        "Every access event: grants, revocations, expiries, reviews.", "access_history", """
                                SELECT grant_id, sequence, kind, principal, organisation, resource, level, actor,
                                       actor_roles, correlation_id, occurred_at, reason, decision, expires_at,
                                       engagement_id, chain_position, event_id
                                FROM access_history ORDER BY occurred_at, grant_id, sequence"""),
                new ExportSection("audit-trail", Format.NDJSON, Source.CURSOR,
                        "The raw audit trail, in chain order: every event of the task, process, engagement, access and"
                                + " personal-data topics with its chain link. data: the payload, personal fields opened"
                                + " (or [effacé] once erased); dataBase64: the exact bytes as published, which the"
                                + " chain hashes.", "SELECT count(*) FROM audit_trail_event", """
                                SELECT chain_index, position, chain_hash, event_id, event_type, subject, aggregate_type,
                                       sequence, event_time, occurred_at, actor, actor_roles, actor_organisation,
                                       correlation_id, topic, received_at, data, data AS data_base64
                                FROM audit_trail_event ORDER BY chain_index""", Set.of("data")),
                cursor("chain-heads", Format.JSON_ARRAY,
                        "The signed chain heads the command side published, with the outcome of the signature check.",
                        "audit_chain_head", """
                                SELECT head_index, hash, position, signed_at, signed_at_text, key_id, signature,
                                       signature_valid, received_at
                                FROM audit_chain_head ORDER BY head_index, signed_at, hash, signature"""),
                new ExportSection("denied-attempts", Format.NDJSON, Source.CURSOR,
                        "Refused requests (401/403) of every service; trailSeq is empty for this service's own"
                                + " refusals not yet moved into the trail.", """
                                SELECT (SELECT count(*) FROM audit_denied_attempt)
                                     + (SELECT count(*) FROM security_event WHERE relayed_at IS NULL)""", """
                                SELECT trail_seq, id, occurred_at, service, kind, principal, method, path,
                                       remote_address, correlation_id, reason, received_at
                                FROM (SELECT trail_seq, id, occurred_at, service, kind, principal, method, path,
                                             remote_address, correlation_id, reason, received_at
                                      FROM audit_denied_attempt
                                      UNION ALL
                                      SELECT NULL, id::text, occurred_at, service, kind, principal, method, path,
                                             remote_address, correlation_id, reason, NULL
                                      FROM security_event WHERE relayed_at IS NULL) attempts
                                ORDER BY trail_seq NULLS LAST, occurred_at, id""", Set.of()),
                new ExportSection("skipped-events", Format.JSON_ARRAY, Source.CURSOR,
                        "Events a projection read but could not apply (e.g. a revision of a procedure it never saw"
                                + " defined), with the reason.", """
                                SELECT (SELECT count(*) FROM task_event_skipped)
                                     + (SELECT count(*) FROM projection_event_skipped)""", """
                                SELECT projection, aggregate_id, sequence, event_id, event_type, reason, skipped_at
                                FROM (SELECT 'task' AS projection, aggregate_id, sequence, event_id, event_type,
                                             reason, skipped_at FROM task_event_skipped
                                      UNION ALL
                                      SELECT projection, aggregate_id, sequence, event_id, event_type, reason,
                                             skipped_at FROM projection_event_skipped) skipped
                                ORDER BY projection, aggregate_id, sequence""", Set.of()));
    }
}
