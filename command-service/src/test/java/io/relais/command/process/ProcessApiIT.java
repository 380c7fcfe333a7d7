package io.relais.command.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.command.process.ProcessCatalog.ProcessInForce;
import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Procedures over REST on a real PostgreSQL: define → revise → retire, the refusals as problems, and the
 * catalogue the task side reads, which must say what the stored events say as soon as a command is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=10000"})
@EmbeddedKafka(kraft = true, partitions = 1)
class ProcessApiIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_process");

    static final String PROCEDURE = """
            {"title": "Relances clients", "objective": "Relancer chaque lundi les factures échues",
             "scope": "Factures clients échues de plus de 7 jours", "taskType": "payment_reminder",
             "slaPolicy": "WEEKLY(MON 09:00)",
             "raci": {"responsible": ["AGENT"], "accountable": "marc", "consulted": ["finance"], "informed": ["direction"]},
             "resources": ["crm", "accounting"], "tools": ["HubSpot"], "templates": ["relance-niveau-1"],
             "steps": ["Extraire les factures échues", "Envoyer la relance niveau 1", "Noter la relance dans le CRM"],
             "qualityChecks": ["Montant vérifié"], "kpis": ["Taux d'erreur"], "annexes": ["modeles/relance-niveau-1.md"]}""";
    static final String PROCEDURE_V2 = PROCEDURE
            .replace("\"WEEKLY(MON 09:00)\"", "\"BUSINESS_DAYS(2)\"")
            .replace("[\"crm\", \"accounting\"]", "[\"crm\", \"accounting\", \"mailbox\"]")
            .replace("[\"Montant vérifié\"]", "[\"Montant vérifié\", \"Bon destinataire\"]");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessCatalog catalog;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void shouldDefineReviseAndRetire_with201And200_andTheCatalogFollowingEachStep() throws Exception {
        ResponseEntity<JsonNode> defined = admin("/api/processes", PROCEDURE);

        assertThat(defined.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = defined.getBody().get("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(defined.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(defined.getHeaders().getLocation()).hasToString("http://127.0.0.1:8082/api/processes/" + id);
        assertThat(catalog.inForce(id)).contains(new ProcessInForce(id, 1, "Relances clients", "PAYMENT_REMINDER",
                "WEEKLY(MON 09:00)", List.of("crm", "accounting"), List.of("Montant vérifié")));

        ResponseEntity<JsonNode> revised = admin("/api/processes/" + id + "/revisions",
                "{\"changeNote\": \"Ajout du contrôle du destinataire\", \"procedure\": " + PROCEDURE_V2 + "}");

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(catalog.inForce(id)).contains(new ProcessInForce(id, 2, "Relances clients", "PAYMENT_REMINDER",
                "BUSINESS_DAYS(2)", List.of("crm", "accounting", "mailbox"),
                List.of("Montant vérifié", "Bon destinataire")));

        ResponseEntity<JsonNode> retired = admin("/api/processes/" + id + "/retirement",
                "{\"reason\": \"Remplacé par la procédure de recouvrement\"}");

        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody().get("state").asText()).isEqualTo("RETIRED");
        assertThat(retired.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(catalog.inForce(id)).isEmpty();

        assertThat(jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(id).query(String.class).list()).containsExactly("io.relais.contract.process.ProcessDefined",
                "io.relais.contract.process.ProcessRevised", "io.relais.contract.process.ProcessRetired");
        JsonNode revision = storedPayload(id, 1);
        assertThat(revision.get("version").asInt()).isEqualTo(2);
        assertThat(revision.get("changeNote").asText()).isEqualTo("Ajout du contrôle du destinataire");
        assertThat(revision.get("revisedBy").asText()).isEqualTo("admin");
        assertThat(storedPayload(id, 0).at("/procedure/raci/accountable").asText()).isEqualTo("marc");
        assertThat(storedPayload(id, 0).get("definedBy").asText()).isEqualTo("admin");
    }

    /**
     * The catalogue is written by a subscribing processor in the command's transaction: if it cannot record the
     * event (here a row already holds the id), the command fails and the event is not stored either.
     */
    @Test
    void shouldStoreNoEvent_whenTheCatalogCannotRecordIt_becauseItIsWrittenInTheSameTransaction() {
        assertThat(processing.eventProcessor(JdbcProcessCatalog.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO process_catalog (process_id, version, title, task_type, sla_policy, resources,
                                             quality_checks, updated_at)
                VALUES (?, 1, 'occupied', 'X', 'BUSINESS_DAYS(1)', '[]', '[]', now())""").param(id).update();

        assertThatThrownBy(() -> commands.sendAndWait(new DefineProcess(id, ProcessTest.REMINDERS, "admin",
                Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneId.of("Europe/Paris"))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(catalog.inForce(id)).get().extracting(ProcessInForce::title).isEqualTo("occupied");
    }

    @Test
    void shouldAnswer409WithStateAndAllowedActions_andWriteNothing_whenRevisingOrRetiringARetiredProcess() {
        String id = defineProcess();
        admin("/api/processes/" + id + "/retirement", "{\"reason\": \"Obsolète\"}");
        long before = storedEvents();

        ResponseEntity<JsonNode> revise = admin("/api/processes/" + id + "/revisions",
                "{\"changeNote\": \"Trop tard\", \"procedure\": " + PROCEDURE_V2 + "}");
        ResponseEntity<JsonNode> retire = admin("/api/processes/" + id + "/retirement", "{\"reason\": \"Encore\"}");

        for (ResponseEntity<JsonNode> response : List.of(revise, retire)) {
            assertProblem(response, HttpStatus.CONFLICT, "urn:relais:problem:action-not-allowed", "it is RETIRED");
            assertThat(response.getBody().get("currentState").asText()).isEqualTo("RETIRED");
            assertThat(response.getBody().get("allowedActions").isArray()).isTrue();
            assertThat(response.getBody().get("allowedActions")).isEmpty();
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldAnswer409_andWriteNothing_whenTheRevisionChangesNothing() {
        String id = defineProcess();
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/processes/" + id + "/revisions",
                "{\"changeNote\": \"Relecture\", \"procedure\": " + PROCEDURE + "}");

        assertProblem(response, HttpStatus.CONFLICT, "urn:relais:problem:rule-violated", "identical to version 1");
        assertThat(response.getBody().get("currentState").asText()).isEqualTo("ACTIVE");
        assertThat(response.getBody().get("allowedActions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("REVISE", "RETIRE");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(catalog.inForce(id)).get().extracting(ProcessInForce::version).isEqualTo(1);
    }

    @Test
    void shouldAnswer404Problem_whenTheProcessDoesNotExist() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(admin("/api/processes/" + unknown + "/revisions",
                        "{\"changeNote\": \"x\", \"procedure\": " + PROCEDURE + "}"),
                HttpStatus.NOT_FOUND, "urn:relais:problem:process-not-found", "No process with id " + unknown);
        assertProblem(admin("/api/processes/" + unknown + "/retirement", "{\"reason\": \"x\"}"),
                HttpStatus.NOT_FOUND, "urn:relais:problem:process-not-found", "No process with id " + unknown);
        assertThat(catalog.inForce(unknown)).isEmpty();
    }

    @Test
    void shouldAnswer404_andAppendNothing_whenTheIdIsAnEngagements() {
        ResponseEntity<JsonNode> engagement = admin("/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["agent-%s"], "internalHourlyRate": 45,
                 "providerHourlyRate": 18, "dpaSigned": true, "startsOn": "2026-03-01", "plannedEndOn": "2027-02-28"}"""
                .formatted(UUID.randomUUID()));
        String id = engagement.getBody().get("id").asText();

        ResponseEntity<JsonNode> response = admin("/api/processes/" + id + "/retirement", "{\"reason\": \"x\"}");

        assertProblem(response, HttpStatus.NOT_FOUND, "urn:relais:problem:process-not-found", id);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldAnswer400_whenThePathIdIsNotAUuid() {
        assertProblem(admin("/api/processes/not-a-uuid/retirement", "{\"reason\": \"x\"}"), HttpStatus.BAD_REQUEST,
                "urn:relais:problem:invalid-request", "'id' must be a UUID");
    }

    @Test
    void shouldAnswer400NamingEveryField_andWriteNothing_whenTheProcedureIsInvalid() {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/processes", """
                {"title": "", "objective": "Relancer", "scope": "Factures", "taskType": "not a type!",
                 "slaPolicy": "24h ouvrées", "raci": {"responsible": [], "accountable": "marc"},
                 "steps": [], "resources": ["dossier paie"]}""");

        assertProblem(response, HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "'title' must not be blank");
        assertThat(response.getBody().get("errors")).extracting(JsonNode::asText).anySatisfy(e -> assertThat(e)
                .startsWith("'slaPolicy' must be BUSINESS_HOURS(n)"));
        assertThat(response.getBody().get("detail").asText()).contains("'taskType' must be a word",
                "'raci.responsible' must not be empty", "'steps' must not be empty", "'resources[0]' must be a resource");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400NamingTheField_whenTheRevisionHasNoChangeNote() {
        String id = defineProcess();

        assertProblem(admin("/api/processes/" + id + "/revisions", "{\"procedure\": " + PROCEDURE_V2 + "}"),
                HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "'changeNote' must not be blank");
        assertProblem(admin("/api/processes/" + id + "/revisions", "{\"changeNote\": \"x\", \"procedure\": "
                        + PROCEDURE_V2.replace("\"Relances clients\"", "\"" + "R".repeat(201) + "\"") + "}"),
                HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "'procedure.title' size must be between");
    }

    @ParameterizedTest
    @ValueSource(strings = {"definedBy", "processId", "version", "actor"})
    void shouldAnswer400_whenTheBodyNamesAServerOwnedField(String field) {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/processes",
                PROCEDURE.replaceFirst("\\{", "{\"" + field + "\": \"forged\", "));

        assertProblem(response, HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request",
                "Unknown field '" + field + "'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> nonAdmins() {
        return Stream.of(Arguments.of("claire"), Arguments.of("marc"), Arguments.of("amina"), Arguments.of("audrey"),
                Arguments.of("victor"));
    }

    @ParameterizedTest(name = "{0} -> 403")
    @MethodSource("nonAdmins")
    void shouldAnswer403Problem_andWriteNothing_whenTheCallerIsNotAdmin(String user) {
        String id = defineProcess();
        long before = storedEvents();

        List<ResponseEntity<JsonNode>> responses = List.of(
                post(user, "/api/processes", PROCEDURE),
                post(user, "/api/processes/" + id + "/revisions", "{\"changeNote\": \"x\", \"procedure\": " + PROCEDURE_V2 + "}"),
                post(user, "/api/processes/" + id + "/retirement", "{\"reason\": \"x\"}"));

        for (ResponseEntity<JsonNode> response : responses) {
            assertProblem(response, HttpStatus.FORBIDDEN, "urn:relais:problem:forbidden", "/api/processes");
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(catalog.inForce(id)).get().extracting(ProcessInForce::version).isEqualTo(1);
    }

    @Test
    void shouldAnswer401_whenAnonymous() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.postForEntity("/api/processes", new HttpEntity<>(PROCEDURE, headers),
                JsonNode.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED, "urn:relais:problem:unauthenticated", "");
    }

    @Test
    void shouldReplayTheFirstAnswer_andDefineOnce_whenRetriedWithTheSameIdempotencyKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "define-reminders-" + UUID.randomUUID());
        long before = storedEvents();

        ResponseEntity<JsonNode> first = post("admin", "/api/processes", PROCEDURE, headers);
        ResponseEntity<JsonNode> retry = post("admin", "/api/processes", PROCEDURE, headers);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    private String defineProcess() {
        ResponseEntity<JsonNode> response = admin("/api/processes", PROCEDURE);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> admin(String path, String body) {
        return post("admin", path, body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return post(user, path, body, new HttpHeaders());
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo-" + user).postForEntity(path, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private JsonNode storedPayload(String id, long sequence) {
        try {
            return json.readTree(jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = ? AND sequencenumber = ?""")
                    .params(id, sequence).query(String.class).single());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type, String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("type").asText()).isEqualTo(type);
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
