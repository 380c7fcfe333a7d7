package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The query side of the role × endpoint matrix (README, "Roles and endpoints") and the object-level rules:
 * a task requested by claire (acme), not yet assigned to any provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskAccessIT extends IntegrationTestSupport {

    private static final String ANONYMOUS = "(anonymous)";
    private final UUID clairesTask = UUID.randomUUID();

    @BeforeAll
    void clairesTaskIsProjected() throws Exception {
        cloudEvents().send(Topics.TASKS.name(), clairesTask.toString(), TaskEvents.cloudEvent(
                TaskEvents.requested(clairesTask, "Préparer la paie de mars", "PAYROLL",
                        Instant.parse("2026-03-14T09:00:00Z")), "claire", "acme")).get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/tasks/" + clairesTask).getStatusCode() == HttpStatus.OK);
    }

    Stream<Arguments> matrix() {
        String task = "/api/tasks/" + clairesTask;
        String timeline = task + "/timeline";
        return Stream.of(
                Arguments.of("claire", timeline, HttpStatus.OK),
                Arguments.of("paul", timeline, HttpStatus.NOT_FOUND),
                Arguments.of("marc", timeline, HttpStatus.OK),
                Arguments.of("amina", timeline, HttpStatus.NOT_FOUND),
                Arguments.of("admin", timeline, HttpStatus.OK),
                Arguments.of("audrey", timeline, HttpStatus.OK),
                Arguments.of("victor", timeline, HttpStatus.FORBIDDEN),
                Arguments.of(ANONYMOUS, timeline, HttpStatus.UNAUTHORIZED),
                Arguments.of("claire", "/api/tasks", HttpStatus.OK),
                Arguments.of("claire", task, HttpStatus.OK),
                Arguments.of("claire", "/api/kpis", HttpStatus.FORBIDDEN),
                Arguments.of("paul", task, HttpStatus.NOT_FOUND),      // another requester's task
                Arguments.of("marc", "/api/tasks", HttpStatus.OK),
                Arguments.of("marc", task, HttpStatus.OK),
                Arguments.of("marc", "/api/kpis", HttpStatus.OK),
                Arguments.of("amina", "/api/tasks", HttpStatus.OK),
                Arguments.of("amina", task, HttpStatus.NOT_FOUND),     // not assigned to her organisation
                Arguments.of("amina", "/api/kpis", HttpStatus.FORBIDDEN),
                Arguments.of("yann", task, HttpStatus.NOT_FOUND),
                Arguments.of("admin", task, HttpStatus.OK),
                Arguments.of("admin", "/api/kpis", HttpStatus.OK),
                Arguments.of("audrey", task, HttpStatus.OK),
                Arguments.of("audrey", "/api/kpis", HttpStatus.OK),
                Arguments.of("victor", "/api/tasks", HttpStatus.FORBIDDEN),
                Arguments.of("victor", task, HttpStatus.FORBIDDEN),
                Arguments.of("victor", "/api/kpis", HttpStatus.OK),
                Arguments.of(ANONYMOUS, "/api/tasks", HttpStatus.UNAUTHORIZED),
                Arguments.of(ANONYMOUS, task, HttpStatus.UNAUTHORIZED),
                Arguments.of(ANONYMOUS, "/api/kpis", HttpStatus.UNAUTHORIZED));
    }

    @ParameterizedTest(name = "GET {1} as {0} -> {2}")
    @MethodSource("matrix")
    void shouldAnswerEachRoleAsTheMatrixSays(String user, String path, HttpStatus expected) {
        ResponseEntity<JsonNode> response = ANONYMOUS.equals(user)
                ? http.getForEntity(path, JsonNode.class) : getAs(user, path);

        assertThat(response.getStatusCode()).isEqualTo(expected);
        if (expected.isError()) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void shouldAnswerAnInvisibleTaskExactlyLikeAMissingOne_soNothingLeaks() {
        ResponseEntity<JsonNode> hidden = getAs("paul", "/api/tasks/" + clairesTask);
        UUID unknown = UUID.randomUUID();
        ResponseEntity<JsonNode> missing = getAs("paul", "/api/tasks/" + unknown);

        assertThat(hidden.getStatusCode()).isEqualTo(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.getBody().get("detail").asText())
                .isEqualTo(missing.getBody().get("detail").asText().replace(unknown.toString(), clairesTask.toString()));
    }

    @Test
    void shouldListOnlyTheCallersOwnRequests_forARequester() {
        assertThat(taskIds("claire")).contains(clairesTask.toString());
        assertThat(taskIds("paul")).doesNotContain(clairesTask.toString());
        assertThat(taskIds("amina")).doesNotContain(clairesTask.toString());
        assertThat(taskIds("marc")).contains(clairesTask.toString());
    }

    @Test
    void shouldShowTheRequesterRecordedInTheEvent_notAnythingACallerSays() {
        JsonNode task = getAs("marc", "/api/tasks/" + clairesTask).getBody();

        assertThat(task.get("requestedBy").asText()).isEqualTo("claire");
        assertThat(task.get("requesterOrganisation").asText()).isEqualTo("acme");
    }

    @Test
    void shouldRecordAForbiddenRead_forAuditors() {
        getAs("victor", "/api/tasks/" + clairesTask);

        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE kind = 'FORBIDDEN' AND principal = 'victor'"
                + " AND service = 'query-service'").query(Long.class).single()).isPositive();
    }

    private List<String> taskIds(String user) {
        List<String> ids = new ArrayList<>();
        getAs(user, "/api/tasks?limit=500").getBody().forEach(task -> ids.add(task.get("taskId").asText()));
        return ids;
    }
}
