package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.notion.BackOfficeOpsColumn;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.process.ProcessEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11: the board as the CSV Notion imports, over the real projections: header, byte-order mark, quoting, the
 * values of each line, the same visibility as the board, and every page of it.
 */
class BoardCsvExportIT extends IntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String HEADER = String.join(",", BackOfficeOpsColumn.headers()) + "\r\n";

    private String type;
    private UUID processId;
    private UUID claires;
    private UUID pauls;

    @BeforeEach
    void publishTwoTasks() throws Exception {
        type = "CSV_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        processId = UUID.randomUUID();
        claires = UUID.randomUUID();
        pauls = UUID.randomUUID();
        send(Topics.PROCESSES.name(), processId, ProcessEvents.defined(processId, 0,
                ProcessEvents.procedure("Relances clients", type, "CALENDAR_HOURS(8)", List.of("Lister", "Relancer")),
                T0));
        send(Topics.TASKS.name(), claires, TaskEvents.requestedEvent(new TaskRequested(claires.toString(),
                "Relancer \"Dupont\", puis Martin", null, type, TaskPriority.HIGH, processId.toString(), 1,
                TaskEvents.REQUESTER, Confidentiality.INTERNAL, "CALENDAR_HOURS(8)", CalendarSpec.FRANCE_DEFAULT,
                T0.plus(Duration.ofHours(8)), T0), 0));
        send(Topics.TASKS.name(), claires, TaskEvents.assigned(claires, 1, "amina", "backoffice-pro",
                T0.plusSeconds(60)));
        send(Topics.TASKS.name(), pauls, TaskEvents.cloudEvent(new TaskRequested(pauls.toString(),
                "Saisir les notes de frais", null, type, TaskPriority.LOW, null, 0, "paul",
                Confidentiality.INTERNAL, "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT,
                T0.plus(Duration.ofHours(30)), T0.plusSeconds(3600)), "paul", "acme"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = get("/api/board?type=" + type).getBody().get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(1).get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(items.get(1).get("sop").get("title").asText()).isEqualTo("Relances clients");
        });
    }

    @Test
    void shouldWriteTheBoardAsNotionsCsv_withByteOrderMarkHeaderQuotingAndOneLinePerTask() {
        ResponseEntity<byte[]> answer = csv("marc", "?type=" + type);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(answer.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"Back-office Ops.csv\"");
        byte[] bytes = answer.getBody();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF" + HEADER
                + "Saisir les notes de frais," + type + ",LOW,BUSINESS_HOURS(24),,,,,REQUESTED,,"
                + "2026-03-03T14:00:00Z,,2026-03-02T09:00:00Z," + pauls + "\r\n"
                + "\"Relancer \"\"Dupont\"\", puis Martin\"," + type + ",HIGH,CALENDAR_HOURS(8),,amina,Relances clients,"
                + "\"Montant vérifié, Bon destinataire\",ASSIGNED,Délai moyen de traitement,2026-03-02T16:00:00Z,,"
                + "2026-03-02T08:00:00Z," + claires + "\r\n");
    }

    @Test
    void shouldShowEachCallerTheLinesTheBoardShowsThem() {
        assertThat(lines(csv("claire", "?type=" + type))).singleElement().asString().endsWith(claires.toString());
        assertThat(lines(csv("paul", "?type=" + type))).singleElement().asString().endsWith(pauls.toString());
        assertThat(lines(csv("amina", "?type=" + type))).singleElement().asString().endsWith(claires.toString());
        assertThat(lines(csv("yann", "?type=" + type))).isEmpty();
        assertThat(lines(csv("audrey", "?type=" + type))).hasSize(2);
        assertThat(lines(csv("marc", "?type=" + type + "&priority=HIGH"))).singleElement().asString()
                .endsWith(claires.toString());
        assertThat(lines(csv("marc", "?type=" + type + "&sort=PRIORITY&direction=ASC")).get(0))
                .endsWith(pauls.toString());
    }

    @Test
    void shouldRefuseCallersAndParametersAsTheBoardDoes() {
        ResponseEntity<JsonNode> viewer = http.withBasicAuth("victor", "demo-victor")
                .getForEntity("/api/board/export.csv", JsonNode.class);
        assertProblem(viewer, HttpStatus.FORBIDDEN, "");
        assertThat(http.getForEntity("/api/board/export.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(refusedCsv("?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"), HttpStatus.BAD_REQUEST,
                "from must be before to");
        assertProblem(refusedCsv("?priority=URGENT"), HttpStatus.BAD_REQUEST, "priority");
    }

    @Test
    void shouldWriteEveryPageOfTheBoard() throws Exception {
        String many = "CSVMANY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        int count = BoardController.MAX_LIMIT + 5;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            sent.add(cloudEvents().send(new ProducerRecord<>(Topics.TASKS.name(), id.toString(),
                    TaskEvents.cloudEvent(TaskEvents.requested(id, "Tâche " + i, many, T0.plusSeconds(i))))));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lines(csv("marc", "?type=" + many))).hasSize(count));

        List<String> lines = lines(csv("marc", "?type=" + many));
        assertThat(lines.get(0)).startsWith("Tâche " + (count - 1) + ",");
        assertThat(lines.get(count - 1)).startsWith("Tâche 0,");
        assertThat(lines.stream().distinct()).hasSize(count);
    }

    /** Asked for as a CSV client asks (Accept: text/csv), answered with a problem. */
    private ResponseEntity<JsonNode> refusedCsv(String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> answer = http.withBasicAuth("marc", "demo-marc").exchange(
                "/api/board/export.csv" + query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        try {
            return new ResponseEntity<>(new ObjectMapper().readTree(answer.getBody()), answer.getHeaders(),
                    answer.getStatusCode());
        } catch (JsonProcessingException notJson) {
            throw new AssertionError("not a problem: " + answer.getBody(), notJson);
        }
    }

    private ResponseEntity<byte[]> csv(String user, String query) {
        return http.withBasicAuth(user, "demo-" + user).getForEntity("/api/board/export.csv" + query, byte[].class);
    }

    /** The lines after the header (no cell of these tests spans lines). */
    private static List<String> lines(ResponseEntity<byte[]> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + HEADER);
        return text.substring(1 + HEADER.length()).lines().toList();
    }

    private void send(String topic, UUID key, CloudEvent event) throws Exception {
        cloudEvents().send(new ProducerRecord<>(topic, key.toString(), event)).get();
    }
}
