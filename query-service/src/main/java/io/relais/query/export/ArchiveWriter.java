package io.relais.query.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.query.export.SectionOutput.ArchiveFile;
import io.relais.query.personal.PersonalData;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one export: every {@link ExportSection} read in <b>one</b> read-only REPEATABLE READ transaction (a
 * consistent snapshot of all the projections, counted first for the progress), streamed row by row (server-side
 * cursors of {@code relais.export.fetch-size} rows, the tasks in keyset pages) into staged files whose size and SHA-256
 * are computed on the way; then {@code manifest.json}, {@code README.txt} and {@code SHA256SUMS}; then one ZIP file,
 * renamed into place once complete. Personal fields are opened through {@link PersonalData} like every other read path
 * (after an erasure they show the placeholder).
 */
@Component
class ArchiveWriter {

    static final String MANIFEST = "manifest.json";
    static final String README = "README.txt";
    static final String CHECKSUMS = "SHA256SUMS";
    /** Rows opened with one {@link PersonalData.Reader}: its key cache never holds more than this many rows' keys. */
    private static final int ROWS_PER_READER = 500;

    private static final String TASK_COLUMNS = """
            task_id, title, description, type, priority, status, status_before_hold, process_id, process_version,
            confidentiality, sla_policy, calendar, due_at, requested_by, requester_organisation, requested_at,
            assigned_agent, assigned_organisation, engagement_id, assigned_at, started_at, completed_at,
            time_spent_minutes, checklist, approved_at, rework_count, escalated, escalation_count, cancelled_at,
            rating, incident_count, resources, last_event_at, version""";
    private static final String FIRST_TASKS = "SELECT " + TASK_COLUMNS
            + " FROM task_projection ORDER BY requested_at, task_id LIMIT ?";
    private static final String NEXT_TASKS = "SELECT " + TASK_COLUMNS
            + " FROM task_projection WHERE (requested_at, task_id) > (?, ?) ORDER BY requested_at, task_id LIMIT ?";
    private static final String TIMELINES = """
            SELECT task_id, sequence, event_type AS type, event_id, actor, actor_roles, actor_organisation,
                   correlation_id, occurred_at, details
            FROM task_timeline WHERE task_id = ANY(?) ORDER BY task_id, sequence""";

    private final DataSource dataSource;
    private final TransactionTemplate snapshot;
    private final PersonalData personalData;
    private final ExportJobs jobs;
    private final ExportProperties properties;
    private final Clock clock;
    private final List<ExportSection> sections = ExportSection.all();
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    ArchiveWriter(DataSource dataSource, PlatformTransactionManager transactions, PersonalData personalData,
                  ExportJobs jobs, ExportProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.personalData = personalData;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    List<ExportSection> sections() {
        return sections;
    }

    /** What a finished export produced. */
    record Written(Path archive, long size, String sha256, long rows, int sections) {
    }

    /** Writes the archive of {@code job}; reports progress to {@link ExportJobs} on the way. */
    Written write(ExportJob job) throws IOException {
        return write(job, properties.fetchSize());
    }

    /** The same with another fetch (and page) size: the files' content does not depend on it. */
    Written write(ExportJob job, int fetchSize) throws IOException {
        Path directory = properties.directory();
        Files.createDirectories(directory);
        Path staging = directory.resolve(job.id() + ".parts");
        Path partial = directory.resolve(job.id() + ".zip.part");
        Path archive = directory.resolve(job.id() + ".zip");
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            Progress progress = new Progress(job.id());
            Staged staged = snapshot.execute(status -> {
                try {
                    return stage(job, staging, progress, fetchSize);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            progress.phase("packing", true);
            DigestingOutputStream digest = zip(staged, partial, job.createdAt());
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(archive, digest.count(), digest.sha256Hex(), progress.rows, sections.size());
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            deleteTree(staging);
        }
    }

    /** The staged files, in archive order (manifest, README and checksums first). */
    private record Staged(List<Path> files) {
    }

    private Staged stage(ExportJob job, Path staging, Progress progress, int fetchSize) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(fetchSize);
        Instant snapshotAt = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (ExportSection section : sections) {
            long count = jdbc.queryForObject(section.countSql(), Long.class);
            counts.put(section.name(), count);
            total += count;
        }
        progress.total = total;
        ObjectNode chain = chain(jdbc);
        List<ArchiveFile> files = new ArrayList<>();
        for (ExportSection section : sections) {
            progress.phase(section.name(), true);
            try (SectionOutput out = new SectionOutput(section, staging, json)) {
                if (section.source() == ExportSection.Source.TASKS_WITH_TIMELINES) {
                    tasks(jdbc, out, progress, fetchSize);
                } else {
                    cursor(jdbc, section, out, progress);
                }
                out.close();
                files.addAll(out.files());
            }
            progress.sectionsDone++;
        }
        progress.phase("manifest", true);
        List<Path> ordered = new ArrayList<>();
        ordered.add(write(staging.resolve(MANIFEST), json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(manifest(job, snapshotAt, counts, chain, files))));
        ordered.add(write(staging.resolve(README), readme(job, snapshotAt).getBytes(StandardCharsets.UTF_8)));
        StringBuilder sums = new StringBuilder();
        for (ArchiveFile file : files) {
            sums.append(file.sha256()).append("  ").append(file.name()).append('\n');
        }
        ordered.add(write(staging.resolve(CHECKSUMS), sums.toString().getBytes(StandardCharsets.US_ASCII)));
        files.forEach(file -> ordered.add(file.path()));
        return new Staged(ordered);
    }

    private void cursor(JdbcTemplate jdbc, ExportSection section, SectionOutput out, Progress progress) {
        Rows rows = new Rows(json, section.jsonColumns());
        jdbc.query(section.sql(), (ResultSetExtractor<Void>) rs -> {
            try {
                out.columns(Rows.columns(rs.getMetaData()));
                PersonalData.Reader personal = personalData.reader();
                long n = 0;
                while (rs.next()) {
                    if (n++ % ROWS_PER_READER == 0) {
                        personal = personalData.reader();
                    }
                    out.row(personal.reveal(rows.row(rs)));
                    progress.row();
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Tasks in keyset pages of {@code fetch-size}; each page's timelines read in one query and nested. */
    private void tasks(JdbcTemplate jdbc, SectionOutput out, Progress progress, int page) throws IOException {
        Rows rows = new Rows(json, Set.of("calendar"));
        OffsetDateTime lastAt = null;
        UUID lastId = null;
        while (true) {
            List<ObjectNode> tasks = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            OffsetDateTime[] at = {lastAt};
            OffsetDateTime afterAt = lastAt;
            UUID afterId = lastId;
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(afterAt == null ? FIRST_TASKS : NEXT_TASKS);
                if (afterAt == null) {
                    statement.setInt(1, page);
                } else {
                    statement.setObject(1, afterAt);
                    statement.setObject(2, afterId);
                    statement.setInt(3, page);
                }
                return statement;
            }, (ResultSetExtractor<Void>) rs -> {
                try {
                    List<String> columns = new ArrayList<>(Rows.columns(rs.getMetaData()));
                    columns.add("timeline");
                    out.columns(columns);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                while (rs.next()) {
                    tasks.add(rows.row(rs));
                    ids.add(rs.getObject("task_id", UUID.class));
                    at[0] = rs.getObject("requested_at", OffsetDateTime.class);
                }
                return null;
            });
            if (tasks.isEmpty()) {
                return;
            }
            Map<String, ArrayNode> timelines = new HashMap<>();
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(TIMELINES);
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                return statement;
            }, (ResultSetExtractor<Void>) rs -> {
                while (rs.next()) {
                    ObjectNode entry = rows.row(rs);
                    String taskId = entry.remove("taskId").asText();
                    timelines.computeIfAbsent(taskId, id -> json.createArrayNode()).add(entry);
                }
                return null;
            });
            PersonalData.Reader personal = personalData.reader();
            for (ObjectNode task : tasks) {
                task.set("timeline", timelines.getOrDefault(task.get("taskId").asText(), json.createArrayNode()));
                out.row(personal.reveal(task));
                progress.row();
            }
            if (tasks.size() < page) {
                return;
            }
            lastAt = at[0];
            lastId = ids.get(ids.size() - 1);
        }
    }

    /** Where the audit trail's chain stands in this snapshot, and the newest head whose signature verified. */
    private ObjectNode chain(JdbcTemplate jdbc) {
        ObjectNode chain = json.createObjectNode();
        chain.put("trailEvents", jdbc.queryForObject("SELECT count(*) FROM audit_trail_event", Long.class));
        jdbc.query("""
                SELECT chain_index, chain_hash, position FROM audit_trail_event ORDER BY chain_index DESC LIMIT 1""",
                (RowCallbackHandler) rs -> {
                    ObjectNode last = chain.putObject("lastLink");
                    last.put("chainIndex", rs.getLong("chain_index"));
                    last.put("chainHash", rs.getString("chain_hash"));
                    last.put("position", rs.getLong("position"));
                });
        jdbc.query("""
                SELECT h.head_index, h.hash, h.position, h.signed_at_text, h.key_id,
                       (SELECT t.chain_hash FROM audit_trail_event t WHERE t.chain_index = h.head_index) AS trail_hash
                FROM audit_chain_head h WHERE h.signature_valid ORDER BY h.head_index DESC, h.signed_at DESC LIMIT 1""",
                (RowCallbackHandler) rs -> {
                    ObjectNode head = chain.putObject("latestValidSignedHead");
                    head.put("headIndex", rs.getLong("head_index"));
                    head.put("hash", rs.getString("hash"));
                    head.put("position", rs.getLong("position"));
                    head.put("signedAt", rs.getString("signed_at_text"));
                    head.put("keyId", rs.getString("key_id"));
                    String trailHash = rs.getString("trail_hash");
                    head.put("trailHasItsLink", trailHash != null);
                    head.put("matchesTrail", rs.getString("hash").equals(trailHash));
                });
        return chain;
    }

    private ObjectNode manifest(ExportJob job, Instant snapshotAt, Map<String, Long> counts, ObjectNode chain,
                                List<ArchiveFile> files) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "relais-export/1");
        manifest.put("exportId", job.id().toString());
        manifest.put("createdAt", job.createdAt().toString());
        manifest.put("snapshotAt", snapshotAt.toString());
        ObjectNode by = manifest.putObject("requestedBy");
        by.put("name", job.requestedBy());
        ArrayNode roles = by.putArray("roles");
        if (job.requesterRoles() != null) {
            for (String role : job.requesterRoles().split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.strip());
                }
            }
        }
        by.put("organisation", job.requesterOrganisation());
        manifest.put("relaisVersion", properties.relaisVersion());
        manifest.put("consistency", "every section was read in one REPEATABLE READ transaction: a single snapshot of"
                + " the query database as of snapshotAt");
        manifest.put("personalData", "personal fields are opened as of the export; erased subjects show [effacé];"
                + " audit-trail dataBase64 keeps the published bytes (ciphertext), which the chain hashes");
        manifest.set("chain", chain);
        ArrayNode sectionList = manifest.putArray("sections");
        for (ExportSection section : sections) {
            sectionList.addObject()
                    .put("name", section.name())
                    .put("rows", counts.get(section.name()))
                    .put("json", section.jsonFile())
                    .put("csv", section.csvFile())
                    .put("description", section.description());
        }
        ArrayNode fileList = manifest.putArray("files");
        long rows = 0;
        long bytes = 0;
        for (ArchiveFile file : files) {
            fileList.addObject()
                    .put("name", file.name())
                    .put("section", file.section())
                    .put("format", file.format())
                    .put("mediaType", file.mediaType())
                    .put("rows", file.rows())
                    .put("bytes", file.bytes())
                    .put("sha256", file.sha256());
            rows += file.format().equals("csv") ? 0 : file.rows();
            bytes += file.bytes();
        }
        manifest.putObject("totals").put("sections", sections.size()).put("rows", rows).put("files", files.size())
                .put("bytes", bytes);
        return manifest;
    }

    private String readme(ExportJob job, Instant snapshotAt) {
        StringBuilder text = new StringBuilder();
        text.append("Relais export ").append(job.id()).append("\r\n")
                .append("Created ").append(job.createdAt()).append(" by ").append(job.requestedBy())
                .append("; data as of ").append(snapshotAt).append(" (one consistent snapshot).\r\n")
                .append("Relais version ").append(properties.relaisVersion()).append(".\r\n\r\n")
                .append("""
                        This archive is the complete content of the Relais query side, in open formats, for
                        reversibility (taking the back office's records elsewhere) and for audits.

                        FILES
                          manifest.json   what is here: export id, creation time, who asked, Relais version, the
                                          chain head of the audit trail at the snapshot, and for every data file its
                                          name, format, row count, size in bytes and SHA-256.
                          SHA256SUMS      the same checksums, checkable with: sha256sum -c SHA256SUMS
                          README.txt      this file.
                        Each section comes twice, with the same rows in the same order:
                          <section>.json    a JSON array of objects, or
                          <section>.ndjson  one JSON object per line (the sections that grow with activity), and
                          <section>.csv     RFC 4180: UTF-8 without BOM, comma separated, CRLF line ends, a header row
                                            of the JSON property names; fields with a comma, quote or line break are
                                            quoted (quotes doubled); an empty cell is null, "" is the empty string;
                                            nested values (objects, arrays) are their JSON text.
                        Times are ISO-8601 instants in UTC; dates ISO dates; amounts exact decimals (euros).

                        SECTIONS
                        """);
        for (ExportSection section : sections) {
            text.append("  ").append(section.name()).append(" (").append(section.jsonFile()).append(", ")
                    .append(section.csvFile()).append(")\r\n      ").append(section.description()).append("\r\n");
        }
        text.append("""

                VERIFYING THE AUDIT TRAIL
                  audit-trail.ndjson lists every event in chain order with chainIndex, position, eventId, type,
                  subject, sequence, eventTime, actor, correlationId, chainHash and dataBase64 (the exact bytes as
                  published). Recomputing the event chain (contract class io.relais.contract.audit.EventChain) link by
                  link from the genesis value must give each row's chainHash; the last one must equal the signed head
                  in chain-heads (manifest.json: chain.latestValidSignedHead, signed with Ed25519 by the command side).

                PERSONAL DATA
                  Personal text (task titles, descriptions, reasons, comments, checklist notes) is shown as of the
                  export; the fields of an erased subject read [effacé]. This archive holds personal data in clear:
                  store and transfer it accordingly.
                """);
        return text.toString().replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static Path write(Path path, byte[] content) throws IOException {
        Files.write(path, content);
        return path;
    }

    private static DigestingOutputStream zip(Staged staged, Path target, Instant createdAt) throws IOException {
        DigestingOutputStream digest = new DigestingOutputStream(Files.newOutputStream(target));
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(digest, 64 * 1024),
                StandardCharsets.UTF_8)) {
            for (Path file : staged.files()) {
                ZipEntry entry = new ZipEntry(file.getFileName().toString());
                entry.setTime(createdAt.toEpochMilli());
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return digest;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Rows written so far, saved to {@code export_job} at most every {@code progress-interval}. */
    private final class Progress {

        private final UUID id;
        private long total;
        private long rows;
        private int sectionsDone;
        private String phase = "counting";
        private Instant saved = Instant.EPOCH;

        Progress(UUID id) {
            this.id = id;
        }

        void row() {
            rows++;
            if ((rows & 63) == 0) {
                save(false);
            }
        }

        void phase(String name, boolean force) {
            phase = name;
            save(force);
        }

        private void save(boolean force) {
            Instant now = clock.instant();
            if (force || !now.isBefore(saved.plus(properties.progressInterval()))) {
                jobs.progress(id, sectionsDone, phase, total, rows, now);
                saved = now;
            }
        }
    }
}
