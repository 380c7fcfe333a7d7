package io.relais.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.audit.EventChain;
import io.relais.contract.Topics;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.PersonalDataEnvelope;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessRevised;
import io.relais.contract.process.Raci;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskStarted;
import io.relais.query.ChainedEvents;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.personal.TestKeyStore;
import io.relais.query.projection.ContractJson;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The full export on real data: events published on the topics as the command side publishes them (chained), projected,
 * then exported as audrey (AUDITOR), followed until DONE, downloaded and checked file by file against its manifest.
 */
class ExportIT extends IntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-09T08:30:00Z");
    /** Every character CSV must quote, and some it need not. */
    private static final String TRICKY_TITLE = "Relance, client \"Durand\"\nfacture n° 12 – 450,00 €";

    private static final List<String> SECTIONS_JSON = List.of("processes.json", "process-versions.json",
            "process-occurrences.json", "engagements.json", "tasks.ndjson", "task-timelines.ndjson", "kpis.ndjson",
            "sla-alerts.json", "access-grants.json", "access-history.ndjson", "audit-trail.ndjson", "chain-heads.json",
            "denied-attempts.ndjson", "skipped-events.json");

    @Autowired
    private ArchiveWriter writer;
    @Autowired
    private ExportJobs jobs;
    @Autowired
    private ExportProperties properties;
    /** The archives this test made, removed after it. */
    private final List<java.nio.file.Path> archives = new ArrayList<>();

    @AfterEach
    void removeArchives() throws Exception {
        for (java.nio.file.Path archive : archives) {
            java.nio.file.Files.deleteIfExists(archive);
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldExportEverySection_asJsonAndCsv_matchingTheManifest_withTheTaskAndItsTimeline() throws Exception {
        UUID processId = UUID.randomUUID();
        UUID engagementId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        String grantId = UUID.randomUUID().toString();
        String resource = "payroll-" + suffix;
        List<String> subjects = List.of(processId.toString(), engagementId.toString(), taskId.toString(), grantId);

        publish(processId.toString(), 0, new ProcessDefined(processId.toString(), 1, procedure("Relances " + suffix),
                "admin", T0), ContractEvents.ADMIN, T0);
        publish(processId.toString(), 1, new ProcessRevised(processId.toString(), 2, procedure("Relances v2 " + suffix),
                "Ajout de l'étape d'escalade", "admin", T0.plusSeconds(60)), ContractEvents.ADMIN, T0.plusSeconds(60));
        publish(engagementId.toString(), 0, new EngagementStarted(engagementId.toString(), "backoffice-pro",
                List.of("amina"), new BigDecimal("45.00"), new BigDecimal("18.00"), CalendarSpec.FRANCE_DEFAULT, true,
                LocalDate.parse("2026-03-02"), LocalDate.parse("2027-03-01"), "admin", T0), ContractEvents.ADMIN, T0);
        publish(grantId, 0, new AccessGranted(grantId, "amina", "backoffice-pro", resource, AccessLevel.READ,
                "Préparation de la paie", engagementId.toString(), null, "admin", T0), ContractEvents.ADMIN, T0);
        publish(grantId, 1, new AccessRevoked(grantId, "amina", resource, "Fin de mission, \"paie\" close", "admin",
                T0.plusSeconds(7200)), ContractEvents.ADMIN, T0.plusSeconds(7200));
        publish(taskId.toString(), 0, new TaskRequested(taskId.toString(), TRICKY_TITLE, null, "PAYMENT_REMINDER",
                TaskPriority.HIGH, processId.toString(), 2, "claire", Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                CalendarSpec.FRANCE_DEFAULT, T0.plusSeconds(86_400), T0.plusSeconds(120), List.of(resource)),
                new ContractEvents.By("claire", "REQUESTER", "acme"), T0.plusSeconds(120));
        publish(taskId.toString(), 1, new TaskAssigned(taskId.toString(), "amina", "backoffice-pro",
                engagementId.toString(), "marc", T0.plusSeconds(180)), new ContractEvents.By("marc", "APPROVER", "acme"),
                T0.plusSeconds(180));
        publish(taskId.toString(), 2, new TaskStarted(taskId.toString(), "amina", T0.plusSeconds(240)),
                new ContractEvents.By("amina", "AGENT", "backoffice-pro"), T0.plusSeconds(240));
        awaitRows("SELECT count(*) FROM task_projection WHERE task_id = ? AND version = 2", taskId, 1);
        awaitRows("SELECT count(*) FROM process_projection WHERE process_id = ? AND current_version = 2", processId, 1);
        awaitRows("SELECT count(*) FROM engagement_projection WHERE engagement_id = ?", engagementId, 1);
        awaitRows("SELECT count(*) FROM access_grant WHERE grant_id = ? AND status = 'REVOKED'", grantId, 1);
        KpiValue kpi = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, "export-" + suffix,
                Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"), 2.5, WindowKind.DAY);
        text().send(new ProducerRecord<>(Topics.KPIS.name(), kpi.key(), ContractJson.mapper().writeValueAsString(kpi)))
                .get();
        SlaAlert alert = new SlaAlert(taskId.toString(), SlaAlert.Kind.AT_RISK, "PAYMENT_REMINDER", TaskPriority.HIGH,
                processId.toString(), "backoffice-pro", "BUSINESS_HOURS(24)", T0.plusSeconds(120), T0.plusSeconds(86_400),
                T0.plusSeconds(3600), T0.plusSeconds(3601), 23_041, 28_800);
        text().send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), alert.taskId(),
                ContractJson.mapper().writeValueAsString(alert))).get();
        // a refusal of this service, which the export's denied attempts must show
        assertThat(getAs("claire", "/api/exports?limit=" + suffix.length()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        awaitRows("SELECT count(*) FROM kpi_value WHERE group_name = ?", "export-" + suffix, 1);
        awaitRows("SELECT count(*) FROM sla_alert WHERE task_id = ?", taskId.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM security_event"
                + " WHERE principal = 'claire' AND path = '/api/exports'").query(Long.class).single() > 0);
        for (String subject : subjects) {
            awaitRows("SELECT count(*) FROM audit_trail_event WHERE subject = ?", subject,
                    subject.equals(taskId.toString()) ? 3 : subject.equals(engagementId.toString()) ? 1 : 2);
        }

        JsonNode job = runExport("audrey");
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("requestedBy").asText()).isEqualTo("audrey");
        JsonNode progress = job.get("progress");
        assertThat(progress.get("sectionsDone").asInt()).isEqualTo(SECTIONS_JSON.size());
        assertThat(progress.get("sectionsTotal").asInt()).isEqualTo(SECTIONS_JSON.size());
        assertThat(progress.get("percentage").asInt()).isEqualTo(100);
        assertThat(progress.get("rowsWritten").asLong()).isEqualTo(progress.get("rowsTotal").asLong()).isPositive();
        assertThat(Instant.parse(job.get("finishedAt").asText())).isAfterOrEqualTo(Instant.parse(job.get("startedAt")
                .asText()));

        ResponseEntity<byte[]> download = http.withBasicAuth("audrey", "demo-audrey")
                .getForEntity(job.get("archiveUrl").asText(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
        byte[] zip = download.getBody();
        assertThat((long) zip.length).isEqualTo(job.get("sizeBytes").asLong());
        assertThat(sha256(zip)).as("the archive's SHA-256 as announced").isEqualTo(job.get("sha256").asText());
        assertThat(download.getHeaders().getFirst("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(zip))) + ":");

        Map<String, byte[]> files = unzip(zip);
        Set<String> expected = new HashSet<>(List.of("manifest.json", "README.txt", "SHA256SUMS"));
        for (String name : SECTIONS_JSON) {
            expected.add(name);
            expected.add(name.substring(0, name.lastIndexOf('.')) + ".csv");
        }
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected);

        // the manifest: who, when, which version; each data file with its true row count, size and SHA-256
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("exportId").asText()).isEqualTo(job.get("id").asText());
        assertThat(manifest.get("createdAt").asText()).isEqualTo(job.get("createdAt").asText());
        assertThat(manifest.get("requestedBy").get("name").asText()).isEqualTo("audrey");
        assertThat(manifest.get("requestedBy").get("roles").toString()).contains("AUDITOR");
        assertThat(manifest.get("relaisVersion").asText()).isNotBlank().doesNotContain("@").isNotEqualTo("unknown");
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        manifest.get("files").forEach(file -> listed.put(file.get("name").asText(), file));
        Set<String> dataFiles = new HashSet<>(expected);
        dataFiles.removeAll(Set.of("manifest.json", "README.txt", "SHA256SUMS"));
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(dataFiles);
        long jsonRows = 0;
        for (JsonNode file : listed.values()) {
            String name = file.get("name").asText();
            byte[] content = files.get(name);
            assertThat(file.get("sha256").asText()).as(name + " sha256").isEqualTo(sha256(content));
            assertThat(file.get("bytes").asLong()).as(name + " bytes").isEqualTo(content.length);
            assertThat(file.get("rows").asLong()).as(name + " rows").isEqualTo(rows(name, content));
            assertThat(file.get("format").asText()).isEqualTo(name.endsWith(".csv") ? "csv"
                    : name.endsWith(".ndjson") ? "ndjson" : "json-array");
            jsonRows += name.endsWith(".csv") ? 0 : rows(name, content);
        }
        assertThat(jsonRows).as("rows written = rows in the JSON files").isEqualTo(progress.get("rowsWritten").asLong());
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.US_ASCII);
        for (JsonNode file : listed.values()) {
            assertThat(sums).contains(file.get("sha256").asText() + "  " + file.get("name").asText() + "\n");
        }
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("tasks.ndjson")
                .contains("RFC 4180").contains(job.get("id").asText());

        // CSV and JSON agree: same rows, a header of the JSON property names, values that survive the quoting
        for (String name : SECTIONS_JSON) {
            String section = name.substring(0, name.lastIndexOf('.'));
            List<JsonNode> rows = jsonRows(name, files.get(name));
            List<List<String>> csv = Csv.parse(new String(files.get(section + ".csv"), StandardCharsets.UTF_8));
            assertThat(csv.size() - 1).as(section + ": CSV records = JSON rows").isEqualTo(rows.size());
            if (!rows.isEmpty()) {
                List<String> keys = new ArrayList<>();
                rows.get(0).fieldNames().forEachRemaining(keys::add);
                assertThat(csv.get(0)).as(section + " header").containsExactlyElementsOf(keys);
            }
        }

        // the task, with its timeline, in JSON and in CSV
        JsonNode task = only(jsonRows("tasks.ndjson", files.get("tasks.ndjson")), "taskId", taskId.toString());
        assertThat(task.get("title").asText()).isEqualTo(TRICKY_TITLE);
        assertThat(task.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(task.get("processId").asText()).isEqualTo(processId.toString());
        assertThat(task.get("processVersion").asInt()).isEqualTo(2);
        assertThat(task.get("assignedAgent").asText()).isEqualTo("amina");
        assertThat(task.get("requestedAt").asText()).isEqualTo(T0.plusSeconds(120).toString());
        assertThat(task.get("resources").get(0).asText()).isEqualTo(resource);
        assertThat(task.get("calendar").get("zone").asText()).isEqualTo("Europe/Paris");
        JsonNode timeline = task.get("timeline");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0).get("type").asText()).isEqualTo("relais.task.requested.v1");
        assertThat(timeline.get(1).get("type").asText()).isEqualTo("relais.task.assigned.v1");
        assertThat(timeline.get(1).get("actor").asText()).isEqualTo("marc");
        assertThat(timeline.get(1).get("details").get("agent").asText()).isEqualTo("amina");
        assertThat(timeline.get(2).get("type").asText()).isEqualTo("relais.task.started.v1");
        assertThat(timeline.get(2).get("occurredAt").asText()).isEqualTo(T0.plusSeconds(240).toString());
        List<List<String>> tasksCsv = Csv.parse(new String(files.get("tasks.csv"), StandardCharsets.UTF_8));
        List<String> header = tasksCsv.get(0);
        List<String> record = tasksCsv.stream().filter(r -> taskId.toString().equals(r.get(0))).findFirst().orElseThrow();
        assertThat(record.get(header.indexOf("title"))).isEqualTo(TRICKY_TITLE);
        assertThat(record.get(header.indexOf("description"))).as("null stays an empty cell").isNull();
        assertThat(json.readTree(record.get(header.indexOf("timeline")))).isEqualTo(timeline);
        assertThat(jsonRows("task-timelines.ndjson", files.get("task-timelines.ndjson")).stream()
                .filter(row -> row.get("taskId").asText().equals(taskId.toString()))).hasSize(3);

        // KPIs, SLA alerts, denied attempts
        JsonNode kpiRow = only(jsonRows("kpis.ndjson", files.get("kpis.ndjson")), "groupName", "export-" + suffix);
        assertThat(kpiRow.get("value").asDouble()).isEqualTo(2.5);
        assertThat(kpiRow.get("windowKind").asText()).isEqualTo("DAY");
        assertThat(kpiRow.get("windowStart").asText()).isEqualTo("2026-03-09T00:00:00Z");
        JsonNode alertRow = only(jsonRows("sla-alerts.json", files.get("sla-alerts.json")), "taskId",
                taskId.toString());
        assertThat(alertRow.get("kind").asText()).isEqualTo("AT_RISK");
        assertThat(alertRow.get("elapsedSeconds").asLong()).isEqualTo(23_041);
        assertThat(jsonRows("denied-attempts.ndjson", files.get("denied-attempts.ndjson")).stream()
                .filter(row -> "claire".equals(row.path("principal").asText())
                        && "/api/exports".equals(row.path("path").asText()))).isNotEmpty();

        // SOPs with their versions, the engagement, the access registry and its history
        JsonNode process = only(jsonRows("processes.json", files.get("processes.json")), "processId",
                processId.toString());
        assertThat(process.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(process.get("procedure").get("title").asText()).isEqualTo("Relances v2 " + suffix);
        assertThat(jsonRows("process-versions.json", files.get("process-versions.json")).stream()
                .filter(row -> row.get("processId").asText().equals(processId.toString()))
                .map(row -> row.get("version").asInt())).containsExactly(1, 2);
        JsonNode engagement = only(jsonRows("engagements.json", files.get("engagements.json")), "engagementId",
                engagementId.toString());
        assertThat(engagement.get("providerHourlyRate").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(engagement.get("startsOn").asText()).isEqualTo("2026-03-02");
        JsonNode grant = only(jsonRows("access-grants.json", files.get("access-grants.json")), "grantId", grantId);
        assertThat(grant.get("status").asText()).isEqualTo("REVOKED");
        assertThat(grant.get("endReason").asText()).isEqualTo("Fin de mission, \"paie\" close");
        assertThat(jsonRows("access-history.ndjson", files.get("access-history.ndjson")).stream()
                .filter(row -> row.get("grantId").asText().equals(grantId)).map(row -> row.get("kind").asText()))
                .containsExactly("GRANTED", "REVOKED");

        // the audit trail: every event of ours, whose chain links recompute from the exported bytes
        List<JsonNode> trail = jsonRows("audit-trail.ndjson", files.get("audit-trail.ndjson"));
        Map<Long, JsonNode> byIndex = new HashMap<>();
        trail.forEach(row -> byIndex.put(row.get("chainIndex").asLong(), row));
        List<JsonNode> ours = trail.stream().filter(row -> subjects.contains(row.get("subject").asText())).toList();
        assertThat(ours).hasSize(8);
        int recomputed = 0;
        for (JsonNode row : ours) {
            JsonNode previous = byIndex.get(row.get("chainIndex").asLong() - 1);
            if (previous == null) {
                continue;
            }
            String hash = EventChain.hash(previous.get("chainHash").asText(), new EventChain.Link(
                    row.get("chainIndex").asLong(), row.get("position").asLong(), row.get("eventId").asText(),
                    row.get("eventType").asText(), row.get("subject").asText(), row.get("sequence").asLong(),
                    Instant.parse(row.get("eventTime").asText()), text(row.get("actor")), text(row.get("correlationId")),
                    Base64.getDecoder().decode(row.get("dataBase64").asText())));
            assertThat(hash).as("link " + row.get("chainIndex")).isEqualTo(row.get("chainHash").asText());
            recomputed++;
        }
        assertThat(recomputed).as("our links follow each other").isGreaterThanOrEqualTo(7);
        assertThat(manifest.get("chain").get("trailEvents").asLong()).isEqualTo(trail.size());
        assertThat(manifest.get("chain").get("lastLink").get("chainIndex").asLong())
                .isEqualTo(trail.get(trail.size() - 1).get("chainIndex").asLong());
        JsonNode requested = ours.stream().filter(row -> row.get("eventType").asText()
                .equals("relais.task.requested.v1")).findFirst().orElseThrow();
        assertThat(requested.get("data").get("title").asText()).isEqualTo(TRICKY_TITLE);

        // admins see it too, newest first
        ResponseEntity<JsonNode> list = getAs("admin", "/api/exports");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody().get(0).get("id").asText()).isEqualTo(job.get("id").asText());
    }

    @Test
    void shouldShowPersonalTextOpened_andThePlaceholderForAnErasedSubject() throws Exception {
        UUID kept = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        byte[] keptKey = TestKeyStore.storeKey(jdbc, DataSubjects.ofTask(kept.toString()));
        byte[] erasedKey = TestKeyStore.storeKey(jdbc, DataSubjects.ofTask(erased.toString()));
        publishSealedTask(kept, keptKey, "Relance client Martin");
        publishSealedTask(erased, erasedKey, "Relance client Bernard");
        awaitRows("SELECT count(*) FROM task_projection WHERE task_id = ?", kept, 1);
        awaitRows("SELECT count(*) FROM task_projection WHERE task_id = ?", erased, 1);
        awaitRows("SELECT count(*) FROM audit_trail_event WHERE subject = ?", erased.toString(), 1);
        jdbc.sql("UPDATE personal_data_key SET wrapped_key = NULL, erased_at = now() WHERE subject_id = ?")
                .param(DataSubjects.ofTask(erased.toString())).update();

        Map<String, byte[]> files = unzip(download(runExport("admin")));

        List<JsonNode> tasks = jsonRows("tasks.ndjson", files.get("tasks.ndjson"));
        assertThat(only(tasks, "taskId", kept.toString()).get("title").asText()).isEqualTo("Relance client Martin");
        assertThat(only(tasks, "taskId", erased.toString()).get("title").asText()).isEqualTo("[effacé]");
        String tasksCsv = new String(files.get("tasks.csv"), StandardCharsets.UTF_8);
        assertThat(tasksCsv).contains("Relance client Martin").doesNotContain("Bernard");
        List<JsonNode> trail = jsonRows("audit-trail.ndjson", files.get("audit-trail.ndjson"));
        JsonNode erasedEvent = only(trail, "subject", erased.toString());
        assertThat(erasedEvent.get("data").get("title").asText()).isEqualTo("[effacé]");
        assertThat(new String(Base64.getDecoder().decode(erasedEvent.get("dataBase64").asText()),
                StandardCharsets.UTF_8)).as("the published bytes stay ciphertext").doesNotContain("Bernard");
        for (byte[] content : files.values()) {
            assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("Bernard");
        }
    }

    @Test
    void shouldRefuseOtherRoles_andAnswerProblems_forUnknownOrUnfinishedExports() {
        for (String user : List.of("claire", "marc", "amina", "victor")) {
            ResponseEntity<JsonNode> post = http.withBasicAuth(user, "demo-" + user)
                    .exchange("/api/exports", HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
            assertThat(post.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(getAs(user, "/api/exports").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(getAs("claire", "/api/exports/" + UUID.randomUUID() + "/archive").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/exports", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/exports", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        UUID unknown = UUID.randomUUID();
        assertProblem(getAs("audrey", "/api/exports/" + unknown), HttpStatus.NOT_FOUND, "No export with id " + unknown);
        assertProblem(getAs("audrey", "/api/exports/" + unknown + "/archive"), HttpStatus.NOT_FOUND,
                "No export with id " + unknown);
        assertThat(getAs("audrey", "/api/exports/not-an-id").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getAs("audrey", "/api/exports?limit=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        UUID running = fakeJob("RUNNING", null);
        UUID failed = fakeJob("FAILED", null);
        UUID gone = fakeJob("DONE", running + "-missing.zip");
        try {
            assertProblem(getAs("audrey", "/api/exports/" + running + "/archive"), HttpStatus.CONFLICT,
                    "is still running");
            assertProblem(getAs("audrey", "/api/exports/" + failed + "/archive"), HttpStatus.CONFLICT, "failed");
            assertProblem(getAs("audrey", "/api/exports/" + gone + "/archive"), HttpStatus.GONE, "no longer");
            JsonNode view = getAs("audrey", "/api/exports/" + running).getBody();
            assertThat(view.get("status").asText()).isEqualTo("RUNNING");
            assertThat(view.get("progress").get("percentage").asInt()).isEqualTo(25);
            assertThat(view.get("archiveUrl").isNull()).isTrue();
        } finally {
            jdbc.sql("DELETE FROM export_job WHERE export_id IN (?, ?, ?)").params(running, failed, gone).update();
        }
    }

    @Test
    @Timeout(180)
    void shouldWriteTheSameFiles_whateverTheFetchAndPageSize_evenWithTasksRequestedAtTheSameInstant() throws Exception {
        Instant sameInstant = Instant.parse("2026-03-11T10:00:00Z");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publish(id.toString(), 0, new TaskRequested(id.toString(), "Saisie " + i + ", lot " + suffix, null,
                    "DATA_ENTRY", TaskPriority.LOW, null, 0, "paul", Confidentiality.INTERNAL, "BUSINESS_DAYS(2)",
                    CalendarSpec.FRANCE_DEFAULT, sameInstant.plusSeconds(172_800), sameInstant),
                    new ContractEvents.By("paul", "REQUESTER", "acme"), sameInstant);
        }
        for (UUID id : ids) {
            awaitRows("SELECT count(*) FROM task_projection WHERE task_id = ?", id, 1);
            awaitRows("SELECT count(*) FROM audit_trail_event WHERE subject = ?", id.toString(), 1);
        }
        Actor admin = new Actor("admin", Set.of(Role.ADMIN), "acme");
        UUID small = UUID.randomUUID();
        UUID large = UUID.randomUUID();
        jobs.create(small, admin, Instant.now(), writer.sections().size());
        jobs.create(large, admin, Instant.now(), writer.sections().size());
        try {
            // one row per round trip and pages of one task, against everything in one round trip
            ArchiveWriter.Written paged = writer.write(jobs.find(small).orElseThrow(), 1);
            ArchiveWriter.Written whole = writer.write(jobs.find(large).orElseThrow(), 100_000);
            archives.add(paged.archive());
            archives.add(whole.archive());

            Map<String, byte[]> pagedFiles = unzip(java.nio.file.Files.readAllBytes(paged.archive()));
            Map<String, byte[]> wholeFiles = unzip(java.nio.file.Files.readAllBytes(whole.archive()));
            JsonNode pagedManifest = json.readTree(pagedFiles.get("manifest.json"));
            assertThat(pagedManifest.get("files")).hasSize(SECTIONS_JSON.size() * 2);
            for (JsonNode file : pagedManifest.get("files")) {
                String name = file.get("name").asText();
                assertThat(pagedFiles.get(name)).as(name).isEqualTo(wholeFiles.get(name));
            }
            assertThat(paged.rows()).isEqualTo(whole.rows());
            List<JsonNode> tasks = jsonRows("tasks.ndjson", pagedFiles.get("tasks.ndjson"));
            assertThat(tasks.stream().map(task -> task.get("taskId").asText()))
                    .as("every task once, in (requestedAt, taskId) order").doesNotHaveDuplicates()
                    .containsAll(ids.stream().map(UUID::toString).toList())
                    .hasSize(jdbc.sql("SELECT count(*) FROM task_projection").query(Long.class).single().intValue());
            List<String> ours = tasks.stream().map(task -> task.get("taskId").asText())
                    .filter(id -> ids.contains(UUID.fromString(id))).toList();
            assertThat(ours).isSorted();
        } finally {
            jdbc.sql("DELETE FROM export_job WHERE export_id IN (?, ?)").params(small, large).update();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Starts an export as {@code user} (again while another one is finishing: one runs at a time) until DONE. */
    private JsonNode runExport(String user) {
        ResponseEntity<JsonNode>[] started = new ResponseEntity[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            started[0] = http.withBasicAuth(user, "demo-" + user)
                    .exchange("/api/exports", HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
            return started[0].getStatusCode() != HttpStatus.CONFLICT;
        });
        ResponseEntity<JsonNode> response = started[0];
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = response.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/exports/" + response.getBody().get("id").asText());
        assertThat(response.getBody().get("status").asText()).isIn("RUNNING", "DONE");
        assertThat(response.getBody().get("progress").get("sectionsTotal").asInt()).isEqualTo(SECTIONS_JSON.size());
        long started0 = System.nanoTime();
        JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> getAs(user, location).getBody(), body -> !body.get("status").asText().equals("RUNNING"));
        System.out.printf("export %s: %s in ~%d ms, %d bytes, %d rows%n", done.get("id").asText(),
                done.get("status").asText(), (System.nanoTime() - started0) / 1_000_000, done.path("sizeBytes").asLong(),
                done.get("progress").get("rowsWritten").asLong());
        archives.add(properties.directory().resolve(done.get("id").asText() + ".zip"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private byte[] download(JsonNode job) {
        ResponseEntity<byte[]> response = http.withBasicAuth("admin", "demo-admin")
                .getForEntity(job.get("archiveUrl").asText(), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void publish(String subject, long sequence, Object payload, ContractEvents.By by, Instant at)
            throws Exception {
        bytes().send(ChainedEvents.next(subject, sequence, payload, by, at)).get();
    }

    private void awaitRows(String sql, Object param, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(sql).param(param).query(Long.class).single() == count);
    }

    private static Procedure procedure(String title) {
        return new Procedure(title, "Relancer les factures échues", "Factures échues de plus de 7 jours",
                "PAYMENT_REMINDER", "BUSINESS_HOURS(24)", new Raci(List.of("AGENT"), "marc", List.of("finance"),
                List.of("direction")), List.of("accounting"), List.of("HubSpot"), List.of("relance-niveau-1"),
                List.of("Lister les factures échues", "Envoyer la relance"), List.of("Montant vérifié"),
                List.of("Délai moyen de traitement"), List.of());
    }

    private void publishSealedTask(UUID id, byte[] key, String title) throws Exception {
        String subject = DataSubjects.ofTask(id.toString());
        publish(id.toString(), 0, new TaskRequested(id.toString(), PersonalDataEnvelope.seal(key, subject, "title",
                        title), null, "CRM_UPDATE", TaskPriority.NORMAL, null, 0, "claire", Confidentiality.INTERNAL,
                        "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT, T0.plusSeconds(86_400), T0),
                new ContractEvents.By("claire", "REQUESTER", "acme"), T0);
    }

    private UUID fakeJob(String status, String file) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO export_job (export_id, status, requested_by, created_at, started_at, sections_total,
                                                sections_done, rows_total, rows_written, updated_at, archive_file,
                                                archive_size, archive_sha256, error)
                        VALUES (?, ?, 'audrey', ?, ?, 14, 3, 40, 10, ?, ?, ?, ?, ?)""")
                .params(id, status, now, now, now, file, file == null ? null : 10L, file == null ? null : "00",
                        status.equals("FAILED") ? "IOException: disk full" : null)
                .update();
        return id;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(files.put(entry.getName(), in.readAllBytes())).as("one entry per name").isNull();
            }
        }
        return files;
    }

    private long rows(String name, byte[] content) throws Exception {
        if (name.endsWith(".csv")) {
            return Csv.parse(new String(content, StandardCharsets.UTF_8)).size() - 1;
        }
        return jsonRows(name, content).size();
    }

    private List<JsonNode> jsonRows(String name, byte[] content) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        if (name.endsWith(".ndjson")) {
            String text = new String(content, StandardCharsets.UTF_8);
            assertThat(text.isEmpty() || text.endsWith("\n")).as(name + " ends with a newline").isTrue();
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(json.readTree(line));
                }
            }
        } else {
            JsonNode array = json.readTree(content);
            assertThat(array.isArray()).as(name + " is a JSON array").isTrue();
            array.forEach(rows::add);
        }
        return rows;
    }

    private static JsonNode only(List<JsonNode> rows, String key, String value) {
        List<JsonNode> found = rows.stream().filter(row -> row.path(key).asText().equals(value)).toList();
        assertThat(found).as(key + " = " + value).hasSize(1);
        return found.get(0);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
