package io.relais.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.testsupport.TestDatabase;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** The command side of the role × endpoint matrix (README, "Roles and endpoints"), with the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=5"})
@EmbeddedKafka(kraft = true, partitions = 1)
class TaskAccessIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_access");
    private static final String BODY = """
            {"title": "Saisir les factures fournisseurs", "type": "DATA_ENTRY"}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> requestTaskMatrix() {
        return Stream.of(
                Arguments.of("claire", HttpStatus.CREATED),   // REQUESTER
                Arguments.of("marc", HttpStatus.CREATED),     // APPROVER
                Arguments.of("amina", HttpStatus.FORBIDDEN),  // AGENT
                Arguments.of("admin", HttpStatus.FORBIDDEN),  // ADMIN
                Arguments.of("audrey", HttpStatus.FORBIDDEN), // AUDITOR never writes
                Arguments.of("victor", HttpStatus.FORBIDDEN)  // VIEWER never writes
        );
    }

    @ParameterizedTest(name = "POST /api/tasks as {0} -> {1}")
    @MethodSource("requestTaskMatrix")
    void shouldAllowRequestingTasks_onlyToRequestersAndApprovers(String user, HttpStatus expected) {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo-" + user)
                .postForEntity("/api/tasks", json(BODY), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(expected);
        assertThat(storedEvents()).isEqualTo(expected == HttpStatus.CREATED ? before + 1 : before);
        if (expected == HttpStatus.FORBIDDEN) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("detail").asText()).contains("POST /api/tasks");
        }
    }

    @Test
    void shouldAnswer401Problem_toAnonymousAndWrongPassword_andRecordBoth() {
        ResponseEntity<JsonNode> anonymous = http.postForEntity("/api/tasks", json(BODY), JsonNode.class);
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth("claire", "guess")
                .postForEntity("/api/tasks", json(BODY), JsonNode.class);

        for (ResponseEntity<JsonNode> response : java.util.List.of(anonymous, wrongPassword)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE kind = 'UNAUTHENTICATED' AND path = '/api/tasks'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRecordAForbiddenAttempt_withThePrincipalAndCorrelationId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "audit-probe-1");
        http.withBasicAuth("victor", "demo-victor").postForEntity("/api/tasks", json(BODY, headers), JsonNode.class);

        Map<String, Object> row = jdbc.sql("""
                SELECT kind, principal, method, service FROM security_event WHERE correlation_id = 'audit-probe-1'""")
                .query().singleRow();
        assertThat(row).containsEntry("kind", "FORBIDDEN").containsEntry("principal", "victor")
                .containsEntry("method", "POST").containsEntry("service", "command-service");
    }

    @Test
    void shouldLeaveHealthOpen_andEverythingElseClosed() {
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer429WithRetryAfter_afterTheWriteBudgetOfOnePrincipal() {
        TestRestTemplate paul = http.withBasicAuth("paul", "demo-paul");
        ResponseEntity<JsonNode> last = null;
        for (int i = 0; i < 6; i++) {
            last = paul.postForEntity("/api/tasks", json(BODY), JsonNode.class);
        }

        assertThat(last.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(last.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(last.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(last.getBody().get("detail").asText()).contains("paul");
        ResponseEntity<JsonNode> otherPrincipal = http.withBasicAuth("marc", "demo-marc")
                .postForEntity("/api/tasks", json(BODY), JsonNode.class);
        assertThat(otherPrincipal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static HttpEntity<String> json(String body) {
        return json(body, new HttpHeaders());
    }

    private static HttpEntity<String> json(String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
