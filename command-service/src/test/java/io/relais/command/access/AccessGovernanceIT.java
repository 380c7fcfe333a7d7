package io.relais.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.testsupport.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * Access governance over REST on a real PostgreSQL (issue 5): grants under an engagement's terms, least privilege
 * at assignment, an engagement's end revoking each of its grants, and lost access flagging the open tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=10000"})
@EmbeddedKafka(kraft = true, partitions = 1)
class AccessGovernanceIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_access");

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

    @Test
    void shouldRefuseAGrant_whenTheAgentsEngagementHasNoSignedDpa() {
        String agent = agent();
        engage(List.of(agent), false);
        long before = storedEvents();

        ResponseEntity<JsonNode> refused = grant(agent, "payroll-folder", null);

        assertProblem(refused, HttpStatus.CONFLICT, "urn:relais:problem:rule-violated",
                "data processing agreement (DPA) is not signed");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldCapTheExpiry_atTheEngagementsPlannedEnd_inItsCalendarsZone() {
        String agent = agent();
        String engagementId = engage(List.of(agent), true);

        ResponseEntity<JsonNode> uncapped = grant(agent, "crm", "2027-06-30T00:00:00Z");
        ResponseEntity<JsonNode> noExpiry = grant(agent, "mailbox", null);
        ResponseEntity<JsonNode> earlier = grant(agent, "accounting", "2026-12-31T12:00:00Z");

        assertThat(uncapped.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // planned end 2027-02-28, Europe/Paris: the grant ends when 1 March 2027 begins there
        assertThat(uncapped.getBody().get("expiresAt").asText()).isEqualTo("2027-02-28T23:00:00Z");
        assertThat(uncapped.getBody().get("engagementId").asText()).isEqualTo(engagementId);
        assertThat(uncapped.getBody().get("organisation").asText()).isEqualTo("backoffice-pro");
        assertThat(noExpiry.getBody().get("expiresAt").asText()).isEqualTo("2027-02-28T23:00:00Z");
        assertThat(earlier.getBody().get("expiresAt").asText()).isEqualTo("2026-12-31T12:00:00Z");
        assertThat(uncapped.getHeaders().getLocation().getPath())
                .isEqualTo("/api/access/grants/" + uncapped.getBody().get("id").asText());
    }

    @Test
    void shouldGrantTheCompanysOwnStaff_withoutEngagementOrExpiry() {
        ResponseEntity<JsonNode> granted = grant("marc-" + suffix(), "payroll-folder", null);

        assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(granted.getBody().get("organisation").asText()).isEqualTo("acme");
        assertThat(granted.getBody().get("engagementId").isNull()).isTrue();
        assertThat(granted.getBody().get("expiresAt").isNull()).isTrue();
    }

    @Test
    void shouldRefuseAGrant_toAProvidersAgentWhoseEngagementEnded() {
        String agent = agent();
        String engagementId = engage(List.of(agent), true);
        assertThat(post("admin", "/api/engagements/" + engagementId + "/end", "{\"reason\": \"Fin\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertProblem(grant(agent, "crm", null), HttpStatus.CONFLICT, "urn:relais:problem:rule-violated",
                "provider's agent with no active engagement");
    }

    @Test
    void shouldRefuseAssignment_namingTheMissingResources_thenAssign_onceGranted() {
        String agent = agent();
        engage(List.of(agent), true);
        String taskId = requestUnderSop(List.of("payroll-folder", "hr-software"));
        grant(agent, "hr-software", null);
        long before = storedEvents();

        ResponseEntity<JsonNode> refused = assign(taskId, agent);

        assertProblem(refused, HttpStatus.CONFLICT, "urn:relais:problem:missing-access", "payroll-folder");
        assertThat(refused.getBody().get("missingResources")).extracting(JsonNode::asText)
                .containsExactly("payroll-folder");
        assertThat(storedEvents()).isEqualTo(before);

        grant(agent, "payroll-folder", null);
        assertThat(assign(taskId, agent).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldRevokeEachGrantOfTheEngagement_withItsOwnEventAndReason_whenTheEngagementEnds() {
        String agent = agent();
        String other = agent();
        String engagementId = engage(List.of(agent, other), true);
        String staffGrant = id(grant("paul-" + suffix(), "crm", null));
        List<String> grants = List.of(id(grant(agent, "crm", null)), id(grant(agent, "mailbox", null)),
                id(grant(other, "crm", null)));
        String revokedBefore = id(grant(other, "accounting", null));
        assertThat(post("admin", "/api/access/grants/" + revokedBefore + "/revocation", "{\"reason\": \"Plus utile\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(post("admin", "/api/engagements/" + engagementId + "/end", "{\"reason\": \"Fin de contrat\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String grantId : grants) {
            List<JsonNode> events = events(grantId);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).get("reason").asText())
                    .isEqualTo("Engagement " + engagementId + " ended: Fin de contrat");
            assertThat(events.get(1).get("revokedBy").asText()).isEqualTo("admin");
        }
        assertThat(events(revokedBefore)).hasSize(2); // revoked once, not again
        assertThat(events(staffGrant)).hasSize(1);    // the company's own staff keep theirs
        assertThat(jdbc.sql("SELECT count(*) FROM access_grant_lookup WHERE engagement_id = ? AND ended_at IS NULL")
                .param(engagementId).query(Long.class).single()).isZero();
    }

    @Test
    void shouldFlagTheOpenTask_whenItsAgentLosesARequiredGrant_unlessAnotherGrantCoversIt() {
        String agent = agent();
        engage(List.of(agent), true);
        String taskId = requestUnderSop(List.of("payroll-folder"));
        String first = id(grant(agent, "payroll-folder", null));
        String second = id(grant(agent, "payroll-folder", null));
        assertThat(assign(taskId, agent).getStatusCode()).isEqualTo(HttpStatus.OK);

        post("admin", "/api/access/grants/" + first + "/revocation", "{\"reason\": \"Doublon\"}");
        assertThat(taskEventTypes(taskId)).doesNotContain("TaskAccessLost");

        ResponseEntity<JsonNode> review = post("admin", "/api/access/grants/" + second + "/review",
                "{\"decision\": \"REVOKED\", \"comment\": \"Mission terminée\"}");

        assertThat(review.getBody().get("state").asText()).isEqualTo("REVOKED");
        assertThat(taskEventTypes(taskId)).endsWith("TaskAccessLost");
        JsonNode flag = lastPayload(taskId);
        assertThat(flag.get("resource").asText()).isEqualTo("payroll-folder");
        assertThat(flag.get("grantId").asText()).isEqualTo(second);
        assertThat(flag.get("reason").asText()).isEqualTo("Revoked in access review: Mission terminée");
    }

    @Test
    void shouldAnswer409_whenRevokingAGrantTwice_and404ForAnUnknownGrant() {
        String grantId = id(grant("claire-" + suffix(), "crm", null));
        post("admin", "/api/access/grants/" + grantId + "/revocation", "{\"reason\": \"x\"}");

        assertProblem(post("admin", "/api/access/grants/" + grantId + "/revocation", "{\"reason\": \"x\"}"),
                HttpStatus.CONFLICT, "urn:relais:problem:action-not-allowed", "it is REVOKED");
        String unknown = UUID.randomUUID().toString();
        assertProblem(post("admin", "/api/access/grants/" + unknown + "/revocation", "{\"reason\": \"x\"}"),
                HttpStatus.NOT_FOUND, "urn:relais:problem:grant-not-found", unknown);
    }

    @Test
    void shouldAnswer403_toEveryoneButAdmin_andWriteNothing() {
        long before = storedEvents();
        for (String user : List.of("claire", "marc", "amina", "audrey", "victor")) {
            assertProblem(post(user, "/api/access/grants", grantBody("x-" + suffix(), "crm", null)),
                    HttpStatus.FORBIDDEN, "urn:relais:problem:forbidden", "/api/access/grants");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400_andWriteNothing_forBadGrantBodies() {
        long before = storedEvents();

        assertProblem(post("admin", "/api/access/grants", "{\"principal\": \"a b\", \"resource\": \"\", \"level\": \"ROOT\"}"),
                HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "level");
        assertProblem(post("admin", "/api/access/grants", "{\"principal\": \"a b\", \"resource\": \"\", \"level\": \"READ\"}"),
                HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "'purpose' must not be blank");
        assertProblem(post("admin", "/api/access/grants", grantBody("x", "crm", null).replace("}", ", \"grantedBy\": \"x\"}")),
                HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request", "Unknown field 'grantedBy'");
        assertProblem(post("admin", "/api/access/grants", grantBody("x", "crm", "2001-01-01T00:00:00Z")),
                HttpStatus.CONFLICT, "urn:relais:problem:rule-violated", "must be after now");
        assertThat(storedEvents()).isEqualTo(before);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String engage(List<String> agents, boolean dpaSigned) {
        ResponseEntity<JsonNode> response = post("admin", "/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["%s"], "internalHourlyRate": 45,
                 "providerHourlyRate": 18, "dpaSigned": %s, "startsOn": "2026-03-01",
                 "plannedEndOn": "2027-02-28"}""".formatted(String.join("\", \"", agents), dpaSigned));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private String requestUnderSop(List<String> resources) {
        ResponseEntity<JsonNode> process = post("admin", "/api/processes", """
                {"title": "Paie", "objective": "Préparer la paie", "scope": "Salariés", "taskType": "payroll",
                 "slaPolicy": "BUSINESS_DAYS(2)",
                 "raci": {"responsible": ["AGENT"], "accountable": "marc", "consulted": [], "informed": []},
                 "resources": ["%s"], "tools": [], "templates": [], "steps": ["Préparer"], "qualityChecks": [],
                 "kpis": [], "annexes": []}""".formatted(String.join("\", \"", resources)));
        assertThat(process.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> task = post("claire", "/api/tasks", """
                {"title": "Paie de mars", "processId": "%s"}""".formatted(process.getBody().get("id").asText()));
        assertThat(task.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return task.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> assign(String taskId, String agent) {
        return post("marc", "/api/tasks/" + taskId + "/assignment", "{\"agent\": \"" + agent + "\"}");
    }

    private ResponseEntity<JsonNode> grant(String principal, String resource, String expiresAt) {
        return post("admin", "/api/access/grants", grantBody(principal, resource, expiresAt));
    }

    private static String grantBody(String principal, String resource, String expiresAt) {
        return """
                {"principal": "%s", "resource": "%s", "level": "READ", "purpose": "Paie mensuelle"%s}"""
                .formatted(principal, resource, expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"");
    }

    private static String id(ResponseEntity<JsonNode> created) {
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private List<JsonNode> events(String aggregateId) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?"
                        + " ORDER BY sequencenumber")
                .param(aggregateId).query(String.class).list().stream().map(this::read).toList();
    }

    private List<String> taskEventTypes(String taskId) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(taskId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode lastPayload(String aggregateId) {
        List<JsonNode> events = events(aggregateId);
        return events.get(events.size() - 1);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo-" + user).postForEntity(path, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static String agent() {
        return "agent-" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type,
                                      String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo(type);
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
