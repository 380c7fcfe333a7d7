package io.relais.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.query.task.TaskEvents;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The REST contract: listings, and a problem+json body naming the problem for every bad request. */
class QueryApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @Test
    void shouldListTasksNewestFirst_filteredByTypeAndStatus_limitedByLimit() throws Exception {
        String type = "LIST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant start = Instant.parse("2026-03-14T09:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            cloudEvents().send(Topics.TASKS.name(), id.toString(),
                    TaskEvents.cloudEvent(TaskEvents.requested(id, "Task " + i, type, start.plusSeconds(i)))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/tasks?type=" + type).getBody().size() == 3);

        assertThat(taskIds("/api/tasks?type=" + type.toLowerCase() + "&status=REQUESTED"))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(taskIds("/api/tasks?type=" + type + "&limit=2")).containsExactly(ids.get(2), ids.get(1));
        assertThat(taskIds("/api/tasks?type=NO_SUCH_TYPE")).isEmpty();
    }

    @Test
    void shouldAnswer404Problem_namingTheId_whenTheTaskIsUnknown() {
        UUID id = UUID.randomUUID();

        ResponseEntity<JsonNode> response = get("/api/tasks/" + id);

        assertProblem(response, HttpStatus.NOT_FOUND, "No task with id " + id);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:task-not-found");
    }

    @Test
    void shouldAnswer400Problem_whenTheIdIsNotAUuid() {
        assertProblem(get("/api/tasks/not-a-uuid"), HttpStatus.BAD_REQUEST, "'id' must be a UUID; got 'not-a-uuid'");
    }

    @Test
    void shouldAnswer400Problem_whenTheLimitIsOutOfRangeOrNotANumber() {
        assertProblem(get("/api/tasks?limit=0"), HttpStatus.BAD_REQUEST, "'limit' must be greater than or equal to 1");
        assertProblem(get("/api/tasks?limit=501"), HttpStatus.BAD_REQUEST, "'limit' must be less than or equal to 500");
        assertProblem(get("/api/tasks?limit=ten"), HttpStatus.BAD_REQUEST, "'limit' must be an integer; got 'ten'");
        assertProblem(get("/api/kpis?limit=5001"), HttpStatus.BAD_REQUEST, "'limit' must be less than or equal to 5000");
    }

    @Test
    void shouldAnswer400Problem_listingTheStatuses_whenTheStatusIsUnknown() {
        assertProblem(get("/api/tasks?status=LOST"), HttpStatus.BAD_REQUEST,
                "'status' must be one of [REQUESTED, ASSIGNED, IN_PROGRESS, ON_HOLD, DONE, APPROVED, CANCELLED]");
    }

    @Test
    void shouldAnswer400Problem_listingThePriorities_whenThePriorityIsUnknown() {
        assertProblem(get("/api/tasks?priority=URGENT"), HttpStatus.BAD_REQUEST,
                "'priority' must be one of [LOW, NORMAL, HIGH, CRITICAL]");
    }

    @Test
    void shouldAnswer404Problem_namingTheId_whenTheTimelineOfAnUnknownTaskIsAsked() {
        UUID id = UUID.randomUUID();

        ResponseEntity<JsonNode> response = get("/api/tasks/" + id + "/timeline");

        assertProblem(response, HttpStatus.NOT_FOUND, "No task with id " + id);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:task-not-found");
    }

    @Test
    void shouldAnswer404Problem_forAnUnknownRoute() {
        assertProblem(get("/api/nothing-here"), HttpStatus.NOT_FOUND, "/api/nothing-here");
        assertProblem(get("/error"), HttpStatus.NOT_FOUND, "/error");
    }

    @Test
    void shouldAnswer405Problem_forAWrongMethod() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("marc", "demo-marc")
                .exchange("/api/tasks", HttpMethod.POST, new HttpEntity<>("{}"), JsonNode.class);

        assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "POST");
        assertThat(response.getHeaders().getAllow()).contains(HttpMethod.GET);
    }

    @Test
    void shouldAnswer400Problem_whenTheServletContainerRejectsTheRequestLine() throws Exception {
        // Raw bytes: an HTTP client library would refuse to send an invalid percent-encoding.
        String response = rawRequest("GET /api/tasks/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("marc:demo-marc".getBytes())
                + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400", "\"detail\":\"The server refused the request");
    }

    @Test
    void shouldReportLivenessAndReadiness() {
        assertThat(get("/actuator/health/liveness").getBody().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").getBody().get("status").asText()).isEqualTo("UP");
    }

    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> taskIds(String path) {
        List<String> ids = new ArrayList<>();
        get(path).getBody().forEach(task -> ids.add(task.get("taskId").asText()));
        return ids;
    }
}
