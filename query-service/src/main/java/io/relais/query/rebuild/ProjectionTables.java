package io.relais.query.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a rebuild replays and empties, what the checksums cover, and what both leave alone. One place, so that the
 * three never disagree. A new projection (a listener writing a new table) must be added here, or it is neither
 * rebuilt nor checked: {@code GET /api/admin/projections/checksums} lists any table of the schema this class does not
 * know as {@code unclassifiedTables}.
 *
 * <h2>Rebuilt: listener → tables (emptied, then filled again from the topics)</h2>
 * <ul>
 *   <li>{@code task-projection} (relais.tasks.v1): task_projection, task_timeline, task_event_skipped; bookkeeping
 *       rows {@code task};</li>
 *   <li>{@code process-projection} (relais.processes.v1): process_projection, process_version, process_occurrence;
 *       bookkeeping {@code process};</li>
 *   <li>{@code engagement-projection} (relais.engagements.v1): engagement_projection; bookkeeping
 *       {@code engagement};</li>
 *   <li>{@code access-projection} (relais.access.v1): access_grant, access_history; bookkeeping {@code access};</li>
 *   <li>{@code kpi-projection} (relais.kpis.v1, compacted: the latest value per key survives, and a replay ends on
 *       it): kpi_value;</li>
 *   <li>{@code sla-alert-projection} (relais.sla-alerts.v1): sla_alert;</li>
 *   <li>{@code audit-trail} (the five event topics, its own consumer group): audit_trail_event; skipped rows
 *       {@code audit-trail};</li>
 *   <li>{@code audit-heads} (relais.audit-heads.v1): audit_chain_head.</li>
 * </ul>
 * Bookkeeping: the rows of {@code last_applied_sequence} and {@code projection_event_skipped} whose
 * {@code projection} is one of the names above are deleted with the tables (not the whole tables: a projection not
 * rebuilt keeps its rows and so stays idempotent).
 *
 * <h2>Not truncated, and why</h2>
 * <ul>
 *   <li>{@code audit_denied_attempt}: the refused requests. Part of its rows come from no topic: this service's own
 *       refusals, absorbed from {@code security_event} (already marked relayed there). Emptying it would lose them,
 *       or, re-absorbing them, renumber {@code trail_seq}, the cursor auditors page the trail with
 *       ({@code deniedAfter}). Its listener ({@code audit-denied-attempts}) is only stopped and restarted (it shares
 *       the consumer group) and keeps its offsets: it inserts by id, idempotently, so nothing is lost either way.</li>
 *   <li>{@code security_event}: web-support's record of this service's own 401/403, the source above; not a
 *       projection of any topic.</li>
 *   <li>{@code flyway_schema_history}: the schema's migrations.</li>
 *   <li>{@code export_job}: the exports made and their archives' checksums, a record of what left the system, not a
 *       projection of any topic.</li>
 *   <li>{@code weekly_review}: the weekly reviews as issued (issue 11), each generated at a moment from the
 *       projections and kept as it was sent and downloaded; no topic holds them. A rebuild must not erase reports, and
 *       regenerating a past week after a rebuild would give a new revision, not the issued one.</li>
 *   <li>{@code scheduled_tasks}: db-scheduler's table, the weekly review's next run; scheduler state, not a
 *       projection. Emptying it would only reschedule the run, but it is no rebuild's business.</li>
 *   <li>{@code webhook_subscription}, {@code webhook_delivery}, {@code webhook_attempt} (outbound webhooks): the
 *       subscriptions and their secrets, what was promised to each receiver and every attempt to send it. State of
 *       this service, not a projection: emptying them would lose the subscriptions, and replaying the topics into
 *       them would send every past event to every receiver again. The webhook listeners have their own consumer group
 *       ({@code <group>-webhooks}), which a rebuild neither stops nor resets (it only touches the groups of the
 *       listeners above).</li>
 *   <li>{@code webhook_delivery_key} (outbound webhooks): every (subscription, event id) ever recorded, outliving the
 *       purged deliveries; the webhooks' dedup key, what keeps an event read again from being sent again. Emptying it
 *       would re-arm every purged event for sending; no topic holds it.</li>
 *   <li>{@code webhook_subscription_start} (outbound webhooks): where each subscription starts, the topics' end offsets
 *       when it was created (no backfill). Configuration of the subscriptions, not a projection: no topic holds it, and
 *       without it a subscription would receive the history before its creation whenever the {@code -webhooks} group
 *       reads the topics again.</li>
 *   <li>{@code personal_data_key}: the key store belongs to the command database (read here through its own
 *       read-only connection); it only exists in this database in tests. Never touched: destroying or restoring keys
 *       is erasure's business, not a rebuild's.</li>
 *   <li>any other table (an export's bookkeeping, a future feature's state): not a projection this class knows, hence
 *       left alone; TRUNCATE runs without CASCADE, so a foreign key from such a table to a projection makes the
 *       rebuild fail before anything is emptied rather than empty that table too.</li>
 * </ul>
 *
 * <h2>Columns left out of the checksums, and why</h2>
 * Only wall-clock instants of when this service received or skipped a record, which a replay necessarily sets anew:
 * <ul>
 *   <li>{@code audit_trail_event.received_at}, {@code audit_chain_head.received_at}: when the copy received the record
 *       (the event's own time, {@code event_time}/{@code occurred_at}, and the head's {@code signed_at} are kept);</li>
 *   <li>{@code task_event_skipped.skipped_at}, {@code projection_event_skipped.skipped_at}: {@code DEFAULT now()} at
 *       the moment the skip was recorded.</li>
 * </ul>
 * Every other column of every rebuilt table is derived from the records alone (the projections take every instant
 * from the events, never from the clock) and is hashed. Rows are hashed in primary-key order.
 */
final class ProjectionTables {

    /** A projection the rebuild replays: its listener, its tables, its name in the shared bookkeeping tables. */
    record Rebuilt(String listenerId, List<String> tables, String bookkeepingName) {
    }

    static final List<Rebuilt> REBUILT = List.of(
            new Rebuilt("task-projection", List.of("task_timeline", "task_projection", "task_event_skipped"), "task"),
            new Rebuilt("process-projection", List.of("process_occurrence", "process_version", "process_projection"),
                    "process"),
            new Rebuilt("engagement-projection", List.of("engagement_projection"), "engagement"),
            new Rebuilt("access-projection", List.of("access_history", "access_grant"), "access"),
            new Rebuilt("kpi-projection", List.of("kpi_value"), null),
            new Rebuilt("sla-alert-projection", List.of("sla_alert"), null),
            new Rebuilt("audit-trail", List.of("audit_trail_event"), "audit-trail"),
            new Rebuilt("audit-heads", List.of("audit_chain_head"), null));

    /** Shared by several projections, one row set per {@code projection} name. */
    static final List<String> BOOKKEEPING = List.of("last_applied_sequence", "projection_event_skipped");

    /** Known, deliberately neither emptied nor checksummed (see the class comment). */
    static final Set<String> KEPT = Set.of("audit_denied_attempt", "security_event", "flyway_schema_history",
            "personal_data_key", "export_job", "weekly_review", "scheduled_tasks", "webhook_subscription",
            "webhook_delivery", "webhook_attempt", "webhook_delivery_key", "webhook_subscription_start");

    /** Per table, the columns the checksums leave out (see the class comment). */
    static final Map<String, Set<String>> EXCLUDED_COLUMNS = Map.of(
            "audit_trail_event", Set.of("received_at"),
            "audit_chain_head", Set.of("received_at"),
            "task_event_skipped", Set.of("skipped_at"),
            "projection_event_skipped", Set.of("skipped_at"));

    private ProjectionTables() {
    }

    /** Every table the checksums cover, by name. */
    static Set<String> checksummed() {
        Set<String> tables = new TreeSet<>(BOOKKEEPING);
        REBUILT.forEach(projection -> tables.addAll(projection.tables()));
        return tables;
    }

    static Map<String, Set<String>> excludedColumns() {
        return new TreeMap<>(EXCLUDED_COLUMNS);
    }

    static List<String> listenerIds() {
        return REBUILT.stream().map(Rebuilt::listenerId).toList();
    }

    static List<String> bookkeepingNames() {
        return REBUILT.stream().map(Rebuilt::bookkeepingName).filter(name -> name != null).toList();
    }

    /** The tables a rebuild empties (the bookkeeping rows are deleted separately). */
    static List<String> truncated() {
        return REBUILT.stream().flatMap(projection -> projection.tables().stream()).toList();
    }
}
