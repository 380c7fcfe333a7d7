package io.relais.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.ReviewDecision;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.ChainedEvents;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.access.AccessEvents;
import io.relais.query.engagement.EngagementEvents;
import io.relais.query.process.ProcessEvents;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The whole query side dropped and rebuilt by replaying the topics, on the shared context's broker and database: the
 * rebuilt projections hash exactly like the live ones (checksums), the progress adds up, one rebuild at a time, admins
 * only. The rebuild empties every projection of the shared context, so each test waits until it is DONE: the other
 * integration tests find their data back.
 */
class ProjectionRebuildIT extends IntegrationTestSupport {

    private static final String GROUP = "relais-query";
    private static final String TRAIL_GROUP = "relais-query-audit-trail";
    private static final Instant T0 = Instant.parse("2026-03-16T08:00:00Z");
    private static final Instant DAY = Instant.parse("2026-03-16T00:00:00Z");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldRebuildEveryProjectionIdentically_withCoherentProgress_whenAnAdminReplaysTheTopics() throws Exception {
        Published published = publishVariedEvents();
        awaitProjected(published);
        // bookkeeping of a projection the rebuild does not know: it must keep its rows
        String foreign = "not-rebuilt-" + suffix;
        jdbc.sql("INSERT INTO last_applied_sequence (projection, aggregate_id, sequence) VALUES (?, 'x', 7)")
                .param(foreign).update();
        ProjectionChecksumsView before = awaitStableChecksums();
        long deniedAttempts = count("SELECT count(*) FROM audit_denied_attempt");
        JsonNode taskBefore = get("/api/tasks/" + published.lifecycleTask).getBody();
        assertThat(taskBefore.get("timeSpentMinutes").asInt()).as("30 + 15: the re-delivered completion counted once")
                .isEqualTo(45);
        for (String table : ProjectionTables.checksummed()) {
            assertThat(before.rows(table)).as("rows of " + table + " before the rebuild").isPositive();
        }
        assertThat(before.body.get("unclassifiedTables")).as("every table of the schema is classified").isEmpty();
        Map<String, Long> ends = endOffsets();
        // rows no topic holds: a rebuild that does not empty the tables would keep them
        UUID stray = UUID.randomUUID();
        jdbc.sql("INSERT INTO task_projection (task_id, title, type, priority, status, requested_at, last_event_at,"
                + " version) VALUES (?, 'stray', 'STRAY', 'LOW', 'REQUESTED', now(), now(), 0)").param(stray).update();
        jdbc.sql("INSERT INTO last_applied_sequence (projection, aggregate_id, sequence) VALUES ('task', ?, 0)")
                .param(stray.toString()).update();
        jdbc.sql("INSERT INTO kpi_value (kpi_key, kpi, dimension, group_name, window_start, window_end, value)"
                + " VALUES (?, 'stray', 'overall', 'all', now(), now(), 1)").param("stray-" + suffix).update();
        assertThat(checksums("admin").tables()).isNotEqualTo(before.tables());

        ResponseEntity<JsonNode> accepted = post("admin");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).contains("/api/admin/projections/rebuild/" + accepted.getBody().get("id").asText());
        assertThat(accepted.getBody().get("status").asText()).isNotIn("DONE", "FAILED");

        ResponseEntity<JsonNode> second = post("admin");
        assertProblem(second, HttpStatus.CONFLICT, "already running");
        assertThat(second.getBody().get("type").asText()).isEqualTo("urn:relais:problem:rebuild-in-progress");
        assertThat(second.getBody().get("runningRebuild").asText()).isEqualTo(accepted.getBody().get("id").asText());

        JsonNode done = awaitDone(location);

        assertThat(done.get("done").asLong()).isEqualTo(done.get("total").asLong());
        Map<String, JsonNode> topics = topics(done);
        for (String topic : List.of(Topics.TASKS.name(), Topics.PROCESSES.name(), Topics.ENGAGEMENTS.name(),
                Topics.ACCESS.name(), Topics.KPIS.name(), Topics.SLA_ALERTS.name(), Topics.AUDIT_HEADS.name())) {
            JsonNode progress = topics.get(GROUP + "/" + topic);
            assertThat(progress).as(topic).isNotNull();
            assertThat(progress.get("total").asLong()).as("every record of " + topic + " (this JVM's ITs published"
                    + " them all)").isEqualTo(ends.get(topic)).isGreaterThanOrEqualTo(published.count(topic));
            assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
        }
        for (String topic : List.of(Topics.TASKS.name(), Topics.PROCESSES.name(), Topics.ENGAGEMENTS.name(),
                Topics.ACCESS.name(), Topics.PERSONAL_DATA.name())) {
            JsonNode progress = topics.get(TRAIL_GROUP + "/" + topic);
            assertThat(progress).as("the audit trail's own group reads " + topic).isNotNull();
            assertThat(progress.get("total").asLong()).isEqualTo(ends.get(topic));
            assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
        }
        assertThat(topics).as("the denied attempts are not rebuilt (see ProjectionTables)")
                .doesNotContainKey(GROUP + "/" + Topics.DENIED_ATTEMPTS.name());
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("truncatedTables")).extracting(JsonNode::asText).contains("task_projection",
                "audit_trail_event", "kpi_value").doesNotContain("audit_denied_attempt", "security_event");
        System.out.printf("Projection rebuild: %d offsets in %.1f s (%.1f events/s since the listeners restarted)%n",
                done.get("total").asLong(), done.get("elapsedSeconds").asDouble(),
                done.get("eventsPerSecond").asDouble());

        ProjectionChecksumsView after = checksums("audrey");
        assertThat(after.tables()).as("every table, rebuilt = live").isEqualTo(before.tables());
        assertThat(after.overall()).isEqualTo(before.overall());
        assertThat(new ProjectionChecksumsView(done.get("checksums")).tables())
                .as("the checksums the job took when it was DONE").isEqualTo(before.tables());
        assertThat(get("/api/tasks/" + published.lifecycleTask).getBody()).isEqualTo(taskBefore);
        assertThat(count("SELECT count(*) FROM task_projection WHERE task_id = '" + stray + "'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_denied_attempt")).as("kept, not emptied")
                .isEqualTo(deniedAttempts);
        assertThat(count("SELECT count(*) FROM last_applied_sequence WHERE projection = '" + foreign + "'")).isOne();

        assertThat(getAs("audrey", location).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(getAs("admin", "/api/admin/projections/rebuild/" + UUID.randomUUID()), HttpStatus.NOT_FOUND,
                "No projection rebuild");
        ResponseEntity<JsonNode> again = post("admin");
        assertThat(again.getStatusCode()).as("another rebuild may start once one is done")
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitDone(again.getHeaders().getLocation().toString());
        assertThat(checksums("admin").tables()).as("and rebuilds the same again").isEqualTo(before.tables());
        jdbc.sql("DELETE FROM last_applied_sequence WHERE projection = ?").param(foreign).update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void shouldRefuseEveryoneButAdmins_toRebuild_andEveryoneButAdminsAndAuditors_toReadChecksums() {
        for (String user : List.of("claire", "marc", "amina", "audrey", "victor")) {
            ResponseEntity<JsonNode> refused = post(user);
            assertProblem(refused, HttpStatus.FORBIDDEN, "");
            assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        }
        for (String user : List.of("claire", "marc", "amina", "victor")) {
            assertProblem(getAs(user, "/api/admin/projections/checksums"), HttpStatus.FORBIDDEN, "");
            assertProblem(getAs(user, "/api/admin/projections/rebuild/" + UUID.randomUUID()), HttpStatus.FORBIDDEN, "");
        }
        assertThat(getAs("admin", "/api/admin/projections/checksums").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.postForEntity("/api/admin/projections/rebuild", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldChangeTheChecksum_whenOneStoredValueChanges_butNotWhenAnExcludedReceiptTimeDoes() throws Exception {
        Published published = publishVariedEvents();
        awaitProjected(published);
        ProjectionChecksumsView base = awaitStableChecksums();

        // text
        assertChanges(base, "task_projection",
                "UPDATE task_projection SET title = title || ' ' WHERE task_id = '" + published.lifecycleTask + "'",
                "UPDATE task_projection SET title = rtrim(title, ' ') WHERE task_id = '" + published.lifecycleTask
                        + "'");
        // null instead of a value
        assertChanges(base, "task_projection",
                "UPDATE task_projection SET rating = NULL WHERE task_id = '" + published.lifecycleTask + "'",
                "UPDATE task_projection SET rating = 9 WHERE task_id = '" + published.lifecycleTask + "'");
        // JSON
        assertChanges(base, "process_version",
                "UPDATE process_version SET procedure = jsonb_set(procedure, '{objective}', '\"Autre\"')"
                        + " WHERE process_id = '" + published.process + "' AND version = 1",
                "UPDATE process_version SET procedure = jsonb_set(procedure, '{objective}',"
                        + " '\"Relancer les factures échues\"') WHERE process_id = '" + published.process
                        + "' AND version = 1");
        // one byte of a bytea
        long position = jdbc.sql("SELECT position FROM audit_trail_event WHERE subject = ? AND sequence = 1")
                .param(published.grant).query(Long.class).single();
        assertChanges(base, "audit_trail_event",
                "UPDATE audit_trail_event SET data = set_byte(data, 0, get_byte(data, 0) + 1) WHERE position = "
                        + position,
                "UPDATE audit_trail_event SET data = set_byte(data, 0, get_byte(data, 0) - 1) WHERE position = "
                        + position);
        // a timestamp, by one microsecond
        assertChanges(base, "access_history",
                "UPDATE access_history SET occurred_at = occurred_at + interval '1 microsecond' WHERE grant_id = '"
                        + published.grant + "' AND sequence = 2",
                "UPDATE access_history SET occurred_at = occurred_at - interval '1 microsecond' WHERE grant_id = '"
                        + published.grant + "' AND sequence = 2");
        // a bookkeeping row
        assertChanges(base, "last_applied_sequence",
                "UPDATE last_applied_sequence SET sequence = sequence - 1 WHERE projection = 'task' AND aggregate_id"
                        + " = '" + published.lifecycleTask + "'",
                "UPDATE last_applied_sequence SET sequence = sequence + 1 WHERE projection = 'task' AND aggregate_id"
                        + " = '" + published.lifecycleTask + "'");

        // a wall-clock receipt time is left out on purpose
        jdbc.sql("UPDATE audit_trail_event SET received_at = received_at - interval '1 day' WHERE position = ?")
                .param(position).update();
        assertThat(checksums("admin").tables()).isEqualTo(base.tables());
    }

    /** Applies {@code change}: only {@code table}'s hash (and the overall one) differ; {@code undo} restores both. */
    private void assertChanges(ProjectionChecksumsView base, String table, String change, String undo) {
        assertThat(jdbc.sql(change).update()).as(change).isEqualTo(1);
        try {
            ProjectionChecksumsView changed = checksums("admin");
            Map<String, JsonNode> expected = new TreeMap<>(base.tables());
            expected.remove(table);
            Map<String, JsonNode> others = new TreeMap<>(changed.tables());
            JsonNode mine = others.remove(table);
            assertThat(others).as("the other tables' hashes").isEqualTo(expected);
            assertThat(mine.get("rows")).isEqualTo(base.tables().get(table).get("rows"));
            assertThat(mine.get("sha256")).as(table + " after " + change)
                    .isNotEqualTo(base.tables().get(table).get("sha256"));
            assertThat(changed.overall().get("sha256")).isNotEqualTo(base.overall().get("sha256"));
        } finally {
            assertThat(jdbc.sql(undo).update()).as(undo).isEqualTo(1);
        }
        assertThat(checksums("admin").tables()).as("restored").isEqualTo(base.tables());
    }

    // --- publishing

    /** What one call published, and how many records per topic. */
    private static final class Published {
        final Map<String, Long> counts = new HashMap<>();
        UUID lifecycleTask;
        UUID cancelledTask;
        UUID orphanTask;
        UUID process;
        UUID unknownProcess;
        UUID engagement;
        String grant;
        String kpiGroup;
        String alertTask;
        long headIndex;

        void add(String topic) {
            counts.merge(topic, 1L, Long::sum);
        }

        long count(String topic) {
            return counts.getOrDefault(topic, 0L);
        }
    }

    private Published publishVariedEvents() throws Exception {
        Published published = new Published();
        String type = "REBUILD_" + suffix.toUpperCase();

        // a task through its whole lifecycle, its first completion delivered twice (a relay retry)
        UUID task = UUID.randomUUID();
        published.lifecycleTask = task;
        TaskRequested requested = TaskEvents.requested(task, "Relances " + suffix, type, T0);
        List<CloudEvent> lifecycle = List.of(
                TaskEvents.requestedEvent(requested, 0),
                TaskEvents.assigned(task, 1, "amina", "backoffice-pro", at(1)),
                TaskEvents.started(task, 2, at(2)),
                TaskEvents.reprioritized(task, 3, TaskPriority.HIGH, TaskPriority.CRITICAL, at(3)),
                TaskEvents.escalated(task, 4, "Client mécontent", at(4)),
                TaskEvents.putOnHold(task, 5, "En attente du relevé", at(5)),
                TaskEvents.resumed(task, 6, at(6)),
                TaskEvents.completed(task, 7, 30, at(7)),
                TaskEvents.reworkRequested(task, 8, "Montant erroné", at(8)),
                TaskEvents.completed(task, 9, 15, at(9)),
                TaskEvents.approved(task, 10, at(10)),
                TaskEvents.incidentReported(task, 11, IncidentSeverity.HIGH, at(11)),
                TaskEvents.rated(task, 12, 9, at(12)));
        for (CloudEvent event : lifecycle) {
            sendTask(published, task, event);
        }
        sendTask(published, task, lifecycle.get(7));

        UUID cancelled = UUID.randomUUID();
        published.cancelledTask = cancelled;
        sendTask(published, cancelled, TaskEvents.requestedEvent(TaskEvents.requested(cancelled, "Saisie " + suffix,
                type, T0), 0));
        sendTask(published, cancelled, TaskEvents.cancelled(cancelled, 1, "Plus nécessaire", at(2)));
        // an event of a task never requested: skipped, and the skip recorded
        UUID orphan = UUID.randomUUID();
        published.orphanTask = orphan;
        sendTask(published, orphan, TaskEvents.started(orphan, 1, at(3)));

        // a procedure defined, fired, revised and retired; a revision of a procedure never defined
        UUID process = UUID.randomUUID();
        published.process = process;
        List<String> steps = List.of("Extraire les factures échues", "Envoyer la relance");
        for (CloudEvent event : List.of(
                ProcessEvents.defined(process, 0, ProcessEvents.procedure("Relances " + suffix, type,
                        "WEEKLY(MON 09:00)", steps), T0),
                ProcessEvents.occurrenceDue(process, 1, 1, T0.plusSeconds(3600), UUID.randomUUID(),
                        T0.plusSeconds(3603), false),
                ProcessEvents.revised(process, 2, 2, ProcessEvents.procedure("Relances " + suffix + " v2", type,
                        "BUSINESS_DAYS(2)", steps), "Deux jours ouvrés", at(5)),
                ProcessEvents.retired(process, 3, "Remplacée", at(9)))) {
            send(published, Topics.PROCESSES.name(), process.toString(), event);
        }
        UUID unknownProcess = UUID.randomUUID();
        published.unknownProcess = unknownProcess;
        send(published, Topics.PROCESSES.name(), unknownProcess.toString(), ProcessEvents.revised(unknownProcess, 1, 2,
                ProcessEvents.procedure("Inconnue " + suffix, type, "BUSINESS_DAYS(2)", steps), "?", at(4)));

        // an engagement started and ended
        UUID engagement = UUID.randomUUID();
        published.engagement = engagement;
        send(published, Topics.ENGAGEMENTS.name(), engagement.toString(), EngagementEvents.startedEvent(
                EngagementEvents.started(engagement, "provider-" + suffix, List.of("amina"),
                        LocalDate.parse("2026-03-01"), T0)));
        send(published, Topics.ENGAGEMENTS.name(), engagement.toString(),
                EngagementEvents.ended(engagement, 1, "Fin du contrat", at(12)));

        // a grant reviewed and revoked, chained as the relay publishes (hence in the audit trail), and a signed head
        AccessGranted grant = AccessEvents.granted(UUID.randomUUID().toString(), "amina-" + suffix,
                "payroll-" + suffix, null, T0, T0.plusSeconds(86_400 * 30));
        published.grant = grant.grantId();
        sendChained(published, grant.grantId(), 0, grant, T0);
        sendChained(published, grant.grantId(), 1, AccessEvents.reviewed(grant, ReviewDecision.KEPT, "Utile", at(3)),
                at(3));
        sendChained(published, grant.grantId(), 2, AccessEvents.revoked(grant, "Fin de mission", at(6)), at(6));
        var head = ChainedEvents.head(ChainedEvents.privateKey(), Instant.now());
        published.headIndex = head.index();
        bytes().send(Topics.AUDIT_HEADS.name(), "chain", ContractEvents.json(head)).get();
        published.add(Topics.AUDIT_HEADS.name());

        // KPI values: one superseded by a later value, one deleted by a tombstone, one kept
        published.kpiGroup = "rebuild-" + suffix;
        KpiValue first = new KpiValue("throughput", "task-type", published.kpiGroup, DAY, DAY.plusSeconds(86_400), 1);
        KpiValue latest = new KpiValue("throughput", "task-type", published.kpiGroup, DAY, DAY.plusSeconds(86_400), 2);
        KpiValue deleted = new KpiValue("reworks", "task-type", published.kpiGroup, DAY, DAY.plusSeconds(86_400), 1);
        sendText(published, Topics.KPIS.name(), first.key(), ContractJson.mapper().writeValueAsString(first));
        sendText(published, Topics.KPIS.name(), latest.key(), ContractJson.mapper().writeValueAsString(latest));
        sendText(published, Topics.KPIS.name(), deleted.key(), ContractJson.mapper().writeValueAsString(deleted));
        sendText(published, Topics.KPIS.name(), deleted.key(), null);

        // an SLA alert, delivered twice
        published.alertTask = task.toString();
        SlaAlert alert = new SlaAlert(task.toString(), SlaAlert.Kind.BREACHED, type, TaskPriority.CRITICAL, null,
                "backoffice-pro", "BUSINESS_HOURS(24)", T0, T0.plusSeconds(86_400), T0.plusSeconds(86_400),
                T0.plusSeconds(86_401), 86_401, 86_400);
        sendText(published, Topics.SLA_ALERTS.name(), alert.taskId(), ContractJson.mapper().writeValueAsString(alert));
        sendText(published, Topics.SLA_ALERTS.name(), alert.taskId(), ContractJson.mapper().writeValueAsString(alert));
        return published;
    }

    private static Instant at(int step) {
        return T0.plusSeconds(600L * step);
    }

    private void sendTask(Published published, UUID task, CloudEvent event) throws Exception {
        send(published, Topics.TASKS.name(), task.toString(), event);
    }

    private void send(Published published, String topic, String key, CloudEvent event) throws Exception {
        cloudEvents().send(topic, key, event).get();
        published.add(topic);
    }

    private void sendChained(Published published, String subject, long sequence, Object payload, Instant time)
            throws Exception {
        ProducerRecord<String, byte[]> record = ChainedEvents.next(subject, sequence, payload, ContractEvents.ADMIN,
                time);
        bytes().send(record).get();
        published.add(record.topic());
    }

    private void sendText(Published published, String topic, String key, String value) throws Exception {
        text().send(new ProducerRecord<>(topic, key, value)).get();
        published.add(topic);
    }

    // --- waiting

    private void awaitProjected(Published published) {
        Map<String, Object[]> checks = new java.util.LinkedHashMap<>();
        checks.put("SELECT count(*) = 1 FROM task_projection WHERE task_id = ? AND version = 12",
                new Object[] {published.lifecycleTask});
        checks.put("SELECT count(*) = 13 FROM task_timeline WHERE task_id = ?", new Object[] {published.lifecycleTask});
        checks.put("SELECT count(*) = 1 FROM task_projection WHERE task_id = ? AND status = 'CANCELLED'",
                new Object[] {published.cancelledTask});
        checks.put("SELECT count(*) = 1 FROM task_event_skipped WHERE aggregate_id = ?",
                new Object[] {published.orphanTask.toString()});
        checks.put("SELECT count(*) = 1 FROM process_projection WHERE process_id = ? AND status = 'RETIRED'",
                new Object[] {published.process});
        checks.put("SELECT count(*) = 1 FROM projection_event_skipped"
                        + " WHERE projection = 'process' AND aggregate_id = ?",
                new Object[] {published.unknownProcess.toString()});
        checks.put("SELECT count(*) = 1 FROM engagement_projection WHERE engagement_id = ? AND status = 'ENDED'",
                new Object[] {published.engagement});
        checks.put("SELECT count(*) = 1 FROM access_grant WHERE grant_id = ? AND status = 'REVOKED'",
                new Object[] {published.grant});
        checks.put("SELECT count(*) = 3 FROM audit_trail_event WHERE subject = ?", new Object[] {published.grant});
        checks.put("SELECT count(*) >= 1 FROM audit_chain_head WHERE head_index = ?",
                new Object[] {published.headIndex});
        checks.put("SELECT count(*) = 1 FROM kpi_value WHERE group_name = ? AND value = 2",
                new Object[] {published.kpiGroup});
        checks.put("SELECT count(*) = 1 FROM kpi_value WHERE group_name = ?", new Object[] {published.kpiGroup});
        checks.put("SELECT count(*) = 1 FROM sla_alert WHERE task_id = ?", new Object[] {published.alertTask});
        await("everything published is projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> unmet(checks), List::isEmpty);
    }

    private List<String> unmet(Map<String, Object[]> checks) {
        return checks.entrySet().stream().filter(check -> !jdbc.sql(check.getKey()).params(check.getValue())
                .query(Boolean.class).single()).map(Map.Entry::getKey).toList();
    }

    /** Other tests' records may still be in flight: checksums read twice, a second apart, without a change. */
    private ProjectionChecksumsView awaitStableChecksums() {
        ProjectionChecksumsView[] previous = {checksums("audrey")};
        return await("checksums settle").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    ProjectionChecksumsView now = checksums("audrey");
                    ProjectionChecksumsView before = previous[0];
                    previous[0] = now;
                    return now.tables().equals(before.tables()) ? now : null;
                }, view -> view != null);
    }

    /** Polls the job until DONE, checking at every reading that the figures add up and never go back. */
    private JsonNode awaitDone(String location) {
        long[] lastDone = {0};
        return await("rebuild DONE").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ResponseEntity<JsonNode> response = getAs("admin", location);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode job = response.getBody();
            assertThat(job.get("status").asText()).as("error: " + job.get("error")).isNotEqualTo("FAILED");
            long done = job.get("done").asLong();
            long total = job.get("total").asLong();
            assertThat(done).isBetween(0L, total).isGreaterThanOrEqualTo(lastDone[0]);
            lastDone[0] = done;
            long sumDone = 0;
            long sumTotal = 0;
            for (JsonNode topic : job.get("topics")) {
                assertThat(topic.get("done").asLong()).isBetween(0L, topic.get("total").asLong());
                sumDone += topic.get("done").asLong();
                sumTotal += topic.get("total").asLong();
            }
            assertThat(sumDone).isEqualTo(done);
            assertThat(sumTotal).isEqualTo(total);
            assertThat(job.get("elapsedSeconds").asDouble()).isNotNegative();
            return job;
        }, job -> job.get("status").asText().equals("DONE"));
    }

    // --- HTTP and Kafka

    private ResponseEntity<JsonNode> post(String user) {
        return http.withBasicAuth(user, "demo-" + user).exchange("/api/admin/projections/rebuild", HttpMethod.POST,
                new HttpEntity<>(null), JsonNode.class);
    }

    private ProjectionChecksumsView checksums(String user) {
        ResponseEntity<JsonNode> response = getAs(user, "/api/admin/projections/checksums");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        return new ProjectionChecksumsView(response.getBody());
    }

    private static Map<String, JsonNode> topics(JsonNode job) {
        Map<String, JsonNode> topics = new TreeMap<>();
        job.get("topics").forEach(topic -> topics.put(topic.get("group").asText() + "/" + topic.get("topic").asText(),
                topic));
        return topics;
    }

    /** The sum over partitions of each topic's end offset (the embedded broker never deletes: it starts at 0). */
    private Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var described = admin.describeTopics(Topics.ALL.stream().map(spec -> spec.name()).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            described.values().forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
            return ends;
        }
    }

    /** The checksums answer. */
    private record ProjectionChecksumsView(JsonNode body) {

        Map<String, JsonNode> tables() {
            Map<String, JsonNode> tables = new TreeMap<>();
            body.get("tables").fields().forEachRemaining(field -> tables.put(field.getKey(), field.getValue()));
            return tables;
        }

        JsonNode overall() {
            return body.get("overall");
        }

        long rows(String table) {
            return body.get("tables").get(table).get("rows").asLong();
        }
    }
}
