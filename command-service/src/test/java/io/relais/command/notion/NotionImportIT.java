package io.relais.command.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.command.process.ProcessCatalog;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 11: the Notion import on the real event store (PostgreSQL) with the relay on an embedded broker. The sample
 * export (test resources, {@link SampleExport}) has two SOP pages, a home page, a row page and eight rows, four of
 * them bad. Each test imports an export of its own ({@link SampleExport#fresh()}): the event store is shared.
 * {@code ops} holds ADMIN and APPROVER, as one person running the back office may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=10000",
        "relais.notion.max-rows=20",
        "relais.notion.max-upload-bytes=400000",
        "relais.security.users[0].name=ops",
        "relais.security.users[0].password-hash=$2a$10$Bf7BrcwcUHnGQEnkfx43guFiF9OZ8ifDsNEpK8eYxNsMZaz9GyXpu",
        "relais.security.users[0].roles=ADMIN,APPROVER",
        "relais.security.users[0].organisation=acme",
        "relais.security.users[1].name=admin",
        "relais.security.users[1].password-hash=$2a$10$Bf7BrcwcUHnGQEnkfx43guFiF9OZ8ifDsNEpK8eYxNsMZaz9GyXpu",
        "relais.security.users[1].roles=ADMIN",
        "relais.security.users[1].organisation=acme",
        "relais.security.users[2].name=marc",
        "relais.security.users[2].password-hash=$2a$10$lDm4YEw5CS0rtwikrH9Ikeg7uU3zcpXNf9qq8pRdWCsi5pkilDudu",
        "relais.security.users[2].roles=APPROVER",
        "relais.security.users[2].organisation=acme",
        "relais.security.users[3].name=claire",
        "relais.security.users[3].password-hash=$2a$10$RTADTRV2CrCXG3WPlokt2uPiEqTNBOgk6N2v5rGKGQh0IqfBlanOG",
        "relais.security.users[3].roles=REQUESTER",
        "relais.security.users[3].organisation=acme",
        "relais.security.users[4].name=victor",
        "relais.security.users[4].password-hash=$2a$10$dWYIbxOFVEoCHWxmYpcuVOEN.rxbfcA8IEtlFxUm/dAm8I9PJAoK.",
        "relais.security.users[4].roles=VIEWER",
        "relais.security.users[4].organisation=acme"})
@EmbeddedKafka(kraft = true, partitions = 1)
class NotionImportIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_notion");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final String PATH = "/api/imports/notion";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore events;
    @Autowired
    ProcessCatalog catalog;

    @Test
    void shouldReportEveryPageAndRow_andWriteNothing_onADryRun() {
        long before = storedEvents();

        ResponseEntity<JsonNode> answer = post("ops", "", SampleExport.fresh().zip());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(storedEvents()).as("a dry run writes nothing").isEqualTo(before);
        JsonNode report = answer.getBody();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("database").asText()).startsWith("Back-office Ops ").endsWith(".csv");
        assertThat(report.get("ignoredFiles").toString()).contains("Back-office Ops/Relancer les factures");
        assertThat(report.get("columns").size()).isEqualTo(12);
        assertThat(report.get("ignoredColumns")).isEmpty();

        JsonNode sops = report.get("sops");
        assertThat(outcomes(sops)).containsExactly("IGNORED", "WOULD_CREATE", "WOULD_CREATE");
        assertThat(sops.get(0).get("title").asText()).isEqualTo("Accueil");
        assertThat(sops.get(1).get("title").asText()).startsWith("Facturation mensuelle ");
        assertThat(sops.get(1).get("notes").toString()).contains("No scope");
        String relancesId = sops.get(2).get("id").asText();

        JsonNode rows = report.get("rows");
        assertThat(lines(rows)).containsExactly(2, 3, 4, 6, 7, 8, 9, 10);
        assertThat(outcomes(rows)).containsExactly("WOULD_CREATE", "WOULD_CREATE", "WOULD_CREATE", "ERROR", "ERROR",
                "ERROR", "ERROR", "WOULD_CREATE");
        assertThat(rows.get(0).get("processId").asText()).isEqualTo(relancesId);
        assertThat(rows.get(0).get("notes").toString()).contains("Owner \\\"amina\\\" is not assigned");
        assertThat(rows.get(2).get("processId").isNull()).isTrue();
        assertThat(errors(rows.get(3))).containsExactly("column \"Priorité\": unknown priority \"Urgentissime\"; "
                + "expected one of [LOW, NORMAL, HIGH, CRITICAL] (or Basse, Normale, Haute, Critique, Urgente)");
        assertThat(errors(rows.get(4))).containsExactly(
                "column \"Tâche / Processus\" is empty: every row needs a title");
        assertThat(errors(rows.get(5))).singleElement().asString()
                .startsWith("column \"Échéance\": \"le 32 novembre\" is not a date");
        assertThat(errors(rows.get(6))).singleElement().asString().contains("column \"SOP\" links to the page "
                + "\"Préparation de la paie\"").contains("which is not in the export");
        assertThat(report.at("/summary/wouldCreate").asInt()).isEqualTo(6);
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(4);
        assertThat(report.at("/summary/created").asInt()).isZero();
    }

    @Test
    void shouldRefuseTheWholeImport_whenAnyRowHasAnError_writingNothing() {
        long before = storedEvents();

        ResponseEntity<JsonNode> answer = post("ops", "?dryRun=false", SampleExport.fresh().zip());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:relais:problem:notion-import-invalid");
        assertThat(answer.getBody().get("detail").asText())
                .isEqualTo("4 of 11 items of the export have errors; nothing was imported. Fix them (see 'report') "
                        + "and import again");
        assertThat(answer.getBody().at("/report/summary/errors").asInt()).isEqualTo(4);
        assertThat(answer.getBody().at("/report/dryRun").asBoolean()).isFalse();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldCreateTheProceduresAndTasksAsTheCaller_thenSkipThemWhenTheSameExportComesAgain() {
        SampleExport export = SampleExport.fresh().withoutBadRows();
        long before = storedEvents();

        ResponseEntity<JsonNode> answer = post("ops", "?dryRun=false", export.zip());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        assertThat(outcomes(report.get("sops"))).containsExactly("IGNORED", "CREATED", "CREATED");
        assertThat(outcomes(report.get("rows"))).containsExactly("CREATED", "CREATED", "CREATED", "CREATED");
        assertThat(storedEvents()).isEqualTo(before + 6);

        JsonNode relances = report.get("sops").get(2);
        ProcessDefined defined = (ProcessDefined) only(relances.get("id").asText()).getPayload();
        assertThat(defined.procedure().title()).isEqualTo(relances.get("title").asText());
        assertThat(defined.procedure().slaPolicy()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(defined.procedure().steps()).hasSize(3);
        assertThat(defined.procedure().qualityChecks()).containsExactly("Montant vérifié", "Bon destinataire");
        assertThat(defined.definedBy()).isEqualTo("ops");
        assertThat(catalog.inForce(relances.get("id").asText())).isPresent();

        JsonNode rows = report.get("rows");
        TaskRequested followsSop = (TaskRequested) only(rows.get(0).get("id").asText()).getPayload();
        assertThat(followsSop.processId()).isEqualTo(relances.get("id").asText());
        assertThat(followsSop.processVersion()).isEqualTo(1);
        assertThat(followsSop.type()).isEqualTo("PAYMENT_REMINDER");
        assertThat(followsSop.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(followsSop.slaPolicy()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(followsSop.resources()).containsExactly("crm", "accounting");
        assertThat(followsSop.requester()).isEqualTo("ops");
        TaskRequested adHoc = (TaskRequested) only(rows.get(2).get("id").asText()).getPayload();
        assertThat(adHoc.processId()).isNull();
        assertThat(adHoc.type()).isEqualTo("MISE_A_JOUR_CRM");
        assertThat(adHoc.priority()).isEqualTo(TaskPriority.LOW);
        assertThat(adHoc.slaPolicy()).isEqualTo("CALENDAR_HOURS(48)");
        TaskRequested critical = (TaskRequested) only(rows.get(3).get("id").asText()).getPayload();
        assertThat(critical.priority()).isEqualTo(TaskPriority.CRITICAL);
        assertThat(critical.slaPolicy()).isEqualTo("BUSINESS_HOURS(24)");

        long afterFirst = storedEvents();
        ResponseEntity<JsonNode> again = post("ops", "?dryRun=false", export.zip());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outcomes(again.getBody().get("sops"))).containsExactly("IGNORED", "SKIPPED_DUPLICATE",
                "SKIPPED_DUPLICATE");
        assertThat(outcomes(again.getBody().get("rows"))).containsOnly("SKIPPED_DUPLICATE").hasSize(4);
        assertThat(again.getBody().get("rows").get(0).get("id").asText()).isEqualTo(rows.get(0).get("id").asText());
        assertThat(storedEvents()).as("nothing created twice").isEqualTo(afterFirst);
    }

    @Test
    void shouldLetAnAdministratorImportTheSops_andAnApproverTheRows() {
        SampleExport export = SampleExport.fresh().withoutBadRows();

        assertThat(post("marc", "?dryRun=false", export.zip()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> adminRows = post("admin", "?dryRun=false&include=ROWS", export.zip());
        assertThat(adminRows.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(adminRows.getBody().get("detail").asText()).contains("needs the APPROVER role");
        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE principal = 'admin' AND path = :path")
                .param("path", PATH).query(Long.class).single()).as("recorded as a denied attempt").isPositive();

        ResponseEntity<JsonNode> rowsFirst = post("marc", "?include=ROWS", export.zip());
        assertThat(rowsFirst.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(errors(rowsFirst.getBody().get("rows").get(0))).singleElement().asString()
                .contains("which is not imported yet: import the SOP pages first (include=SOPS, as ADMIN)");

        ResponseEntity<JsonNode> sops = post("admin", "?dryRun=false&include=SOPS", export.zip());
        assertThat(sops.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outcomes(sops.getBody().get("sops"))).containsExactly("IGNORED", "CREATED", "CREATED");
        assertThat(sops.getBody().get("rows")).isEmpty();

        ResponseEntity<JsonNode> rows = post("marc", "?dryRun=false&include=ROWS", export.zip());
        assertThat(rows.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outcomes(rows.getBody().get("rows"))).containsOnly("CREATED").hasSize(4);
        assertThat(rows.getBody().get("rows").get(0).get("processId").asText())
                .isEqualTo(sops.getBody().get("sops").get(2).get("id").asText());
        assertThat(((TaskRequested) only(rows.getBody().get("rows").get(0).get("id").asText()).getPayload())
                .requester()).isEqualTo("marc");
    }

    @Test
    void shouldLinkARowToAProcedureAlreadyInForce_byItsTitle() {
        SampleExport export = SampleExport.fresh().withoutBadRows();
        ResponseEntity<JsonNode> first = post("ops", "?dryRun=false", export.zip());
        String relances = first.getBody().get("sops").get(2).get("title").asText();
        String processId = first.getBody().get("sops").get(2).get("id").asText();
        String csv = "Tâche / Processus,SOP,Priorité\r\nRelancer le client Bernard," + relances + ",Haute\r\n";

        ResponseEntity<JsonNode> answer = post("marc", "?include=ROWS",
                SampleExport.zip(Map.of("Back-office Ops " + java.util.UUID.randomUUID().toString().replace("-", "")
                        + ".csv", csv)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode row = answer.getBody().get("rows").get(0);
        assertThat(row.get("outcome").asText()).isEqualTo("WOULD_CREATE");
        assertThat(row.get("processId").asText()).isEqualTo(processId);
    }

    @Test
    void shouldRecogniseEveryColumnOfTheBoardsCsv_andSkipTheRowsAlreadyInRelais() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String existing = http.withBasicAuth("marc", "demo-marc").postForEntity("/api/tasks", new HttpEntity<>(
                "{\"title\": \"Saisir les factures\", \"type\": \"DATA_ENTRY\"}", json), JsonNode.class)
                .getBody().get("id").asText();
        // as query-service's GET /api/board/export.csv writes it (BoardCsvExportIT), then Notion exports it back
        String csv = "\uFEFF" + String.join(",", io.relais.contract.notion.BackOfficeOpsColumn.headers()) + "\r\n"
                + "Saisir les factures,DATA_ENTRY,NORMAL,BUSINESS_HOURS(24),,,,,REQUESTED,,2026-03-03T14:00:00Z,,"
                + "2026-03-02T09:00:00Z," + existing + "\r\n"
                + "\"Relancer \"\"Dupont\"\", puis Martin\",DATA_ENTRY,HIGH,BUSINESS_HOURS(24),,,,,REQUESTED,,,,,\r\n";
        String database = "Back-office Ops " + java.util.UUID.randomUUID().toString().replace("-", "") + "_all.csv";

        ResponseEntity<JsonNode> answer = post("marc", "?include=ROWS", SampleExport.zip(Map.of(database, csv)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("columns").size())
                .isEqualTo(io.relais.contract.notion.BackOfficeOpsColumn.values().length);
        assertThat(answer.getBody().get("ignoredColumns")).isEmpty();
        JsonNode rows = answer.getBody().get("rows");
        assertThat(outcomes(rows)).containsExactly("SKIPPED_DUPLICATE", "WOULD_CREATE");
        assertThat(rows.get(0).get("id").asText()).isEqualTo(existing);
        assertThat(rows.get(1).get("title").asText()).isEqualTo("Relancer \"Dupont\", puis Martin");
    }

    @Test
    void shouldAcceptAnExportWithImages_beyondTheBodyLimitOfOtherRequests_upToTheUploadLimit() {
        byte[] image = new byte[300_000];
        new Random(11).nextBytes(image);
        byte[] withImage = SampleExport.fresh().zipWith("Relances clients/capture-ecran.png", image);
        assertThat(withImage.length).isGreaterThan(65_536).isLessThan(400_000);

        ResponseEntity<JsonNode> answer = post("ops", "", withImage);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().at("/summary/wouldCreate").asInt()).isEqualTo(6);
        assertThat(answer.getBody().get("ignoredFiles").toString()).contains("capture-ecran.png");

        byte[] video = new byte[500_000];
        new Random(12).nextBytes(video);
        byte[] tooLarge = SampleExport.fresh().zipWith("Relances clients/video.mp4", video);
        assertProblem(post("ops", "", tooLarge), HttpStatus.PAYLOAD_TOO_LARGE, "larger than 400000 bytes");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String bigCommand = "{\"title\": \"" + "x".repeat(70_000) + "\"}";
        assertProblem(http.withBasicAuth("ops", "demo-admin").postForEntity("/api/processes",
                new HttpEntity<>(bigCommand, json), JsonNode.class), HttpStatus.PAYLOAD_TOO_LARGE,
                "larger than 65536 bytes");
    }

    @Test
    void shouldAcceptTheExportAsAFormUpload() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(SampleExport.fresh().zip()) {
            @Override
            public String getFilename() {
                return "Export-5c1e.zip";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> answer = http.withBasicAuth("ops", "demo-admin")
                .postForEntity(PATH, new HttpEntity<>(form, headers), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().at("/summary/wouldCreate").asInt()).isEqualTo(6);
    }

    @Test
    void shouldRefuseWhatIsNoNotionExport_as400Or413Or415_writingNothing() {
        long before = storedEvents();
        String csv = SampleExport.load().csvPath();

        assertProblem(post("ops", "?dryRun=false", "Tâche / Processus\r\nx\r\n".getBytes()), HttpStatus.BAD_REQUEST,
                "The upload is not a ZIP archive");
        assertProblem(post("ops", "?dryRun=false", SampleExport.load().without(csv).zip()), HttpStatus.BAD_REQUEST,
                "The ZIP archive holds no database CSV");
        assertProblem(post("ops", "?dryRun=false", SampleExport.load().with(csv, "").zip()), HttpStatus.BAD_REQUEST,
                "is empty: it has no header");
        assertProblem(post("ops", "?dryRun=false", SampleExport.load().with(csv, "\uFEFFCouleur,Taille\r\nrouge,M\r\n")
                .zip()), HttpStatus.BAD_REQUEST, "has no title column \"Tâche / Processus\"");
        assertProblem(post("ops", "?dryRun=false", SampleExport.zip(Map.of("../SOPs/evil.md", "# x"))),
                HttpStatus.BAD_REQUEST, "points outside the archive");
        String manyRows = "Tâche / Processus,Type\r\n" + "Tâche,DATA_ENTRY\r\n".repeat(21);
        assertProblem(post("ops", "?dryRun=false", SampleExport.zip(Map.of("Back-office Ops.csv", manyRows))),
                HttpStatus.PAYLOAD_TOO_LARGE, "at most 20 are imported at once");
        assertProblem(post("ops", "?include=EVERYTHING", SampleExport.load().zip()), HttpStatus.BAD_REQUEST, "include");
        byte[] truncated = java.util.Arrays.copyOf(SampleExport.load().zip(), 300);
        assertProblem(post("ops", "?dryRun=false", truncated), HttpStatus.BAD_REQUEST, "The ZIP archive cannot be read");
        assertThat(post("ops", "?dryRun=false", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("other", "x");
        ResponseEntity<JsonNode> withoutFilePart = http.withBasicAuth("ops", "demo-admin")
                .postForEntity(PATH + "?dryRun=false", new HttpEntity<>(noFile, formHeaders), JsonNode.class);
        assertProblem(withoutFilePart, HttpStatus.BAD_REQUEST, "file");

        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> notZip = http.withBasicAuth("ops", "demo-admin").postForEntity(PATH,
                new HttpEntity<>("Tâche / Processus\r\n".getBytes(), csvHeaders), JsonNode.class);
        assertThat(notZip.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(notZip.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldRefuseCallersWhoMayNeitherDefineProceduresNorApproveWork() {
        byte[] zip = SampleExport.fresh().zip();

        assertThat(post("claire", "", zip).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("victor", "", zip).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(ZIP);
        assertThat(http.postForEntity(PATH, new HttpEntity<>(zip, headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> post(String user, String query, byte[] zip) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(ZIP);
        String password = user.equals("ops") ? "demo-admin" : "demo-" + user;
        return http.withBasicAuth(user, password).postForEntity(PATH + query, new HttpEntity<>(zip, headers),
                JsonNode.class);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private DomainEventMessage<?> only(String aggregateId) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        events.readEvents(aggregateId).asStream().forEach(stream::add);
        assertThat(stream).as(aggregateId).hasSize(1);
        return stream.get(0);
    }

    private static List<String> outcomes(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("outcome").asText()).toList();
    }

    private static List<Integer> lines(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("line").asInt()).toList();
    }

    private static List<String> errors(JsonNode item) {
        return StreamSupport.stream(item.get("errors").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
