package io.relais.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.query.engagement.EngagementEvents;
import io.relais.query.process.ProcessEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The query side of the role × endpoint matrix for procedures and engagements (README, "Roles and endpoints"):
 * procedures are read by every role (an agent needs the SOP to do the work); engagements carry rates, commercial
 * data, so only approvers, admins and auditors read them. Every demo user and an anonymous caller, on every endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueAccessIT extends IntegrationTestSupport {

    private static final String ANONYMOUS = "(anonymous)";
    private static final List<String> DEMO_USERS =
            List.of("claire", "paul", "marc", "amina", "yann", "admin", "audrey", "victor");
    private static final Set<String> ENGAGEMENT_READERS = Set.of("marc", "admin", "audrey");

    private final UUID process = UUID.randomUUID();
    private final UUID engagement = UUID.randomUUID();

    @BeforeAll
    void aProcessAndAnEngagementAreProjected() throws Exception {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        cloudEvents().send(Topics.PROCESSES.name(), process.toString(), ProcessEvents.defined(process, 0,
                ProcessEvents.procedure("Relances clients", "PAYMENT_REMINDER", "BUSINESS_DAYS(2)",
                        List.of("Relancer")), at)).get();
        cloudEvents().send(Topics.ENGAGEMENTS.name(), engagement.toString(), EngagementEvents.startedEvent(
                EngagementEvents.started(engagement, "backoffice-pro", List.of("amina"), LocalDate.parse("2026-03-01"),
                        at))).get();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                getAs("admin", "/api/processes/" + process).getStatusCode() == HttpStatus.OK
                        && getAs("admin", "/api/engagements/" + engagement).getStatusCode() == HttpStatus.OK);
    }

    Stream<Arguments> matrix() {
        Map<String, Boolean> endpoints = Map.of(
                "/api/processes", false,
                "/api/processes/" + process, false,
                "/api/processes/" + process + "/versions/1", false,
                "/api/engagements", true,
                "/api/engagements/" + engagement, true);
        return endpoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(endpoint -> {
            boolean commercial = endpoint.getValue();
            Stream<Arguments> users = DEMO_USERS.stream().map(user -> Arguments.of(user, endpoint.getKey(),
                    !commercial || ENGAGEMENT_READERS.contains(user) ? HttpStatus.OK : HttpStatus.FORBIDDEN));
            return Stream.concat(users, Stream.of(Arguments.of(ANONYMOUS, endpoint.getKey(), HttpStatus.UNAUTHORIZED)));
        });
    }

    @ParameterizedTest(name = "GET {1} as {0} -> {2}")
    @MethodSource("matrix")
    void shouldAnswerEachRoleAsTheMatrixSays(String user, String path, HttpStatus expected) {
        ResponseEntity<JsonNode> response = ANONYMOUS.equals(user)
                ? http.getForEntity(path, JsonNode.class) : getAs(user, path);

        assertThat(response.getStatusCode()).isEqualTo(expected);
        if (expected.isError()) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        } else {
            assertThat(response.getBody().toString()).contains(path.startsWith("/api/processes")
                    ? process.toString() : engagement.toString());
        }
    }

    @Test
    void shouldShowTheAgentTheWholeProcedure_soSheCanDoTheWork() {
        JsonNode procedure = getAs("amina", "/api/processes/" + process).getBody().get("procedure");

        assertThat(procedure.get("steps").get(0).asText()).isEqualTo("Relancer");
        assertThat(procedure.get("qualityChecks")).isNotEmpty();
        assertThat(procedure.get("resources")).isNotEmpty();
    }

    @Test
    void shouldRefuseAnUnknownEngagement_with403Not404_soTheRoleRuleLeaksNothing() {
        ResponseEntity<JsonNode> response = getAs("amina", "/api/engagements/" + UUID.randomUUID());

        assertProblem(response, HttpStatus.FORBIDDEN, "");
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
    }

    @Test
    void shouldRecordAForbiddenEngagementRead_forAuditors() {
        getAs("yann", "/api/engagements/" + engagement);

        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE kind = 'FORBIDDEN' AND principal = 'yann'"
                + " AND service = 'query-service'").query(Long.class).single()).isPositive();
    }
}
