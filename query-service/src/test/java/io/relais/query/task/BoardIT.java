package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.process.ProcessEvents;
import io.relais.query.projection.ContractJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The "Back-office Ops" board over the real projections: five tasks of one SOP in five SLA situations, their
 * lines, filters, orders and pages, who sees which line, and what bad requests get.
 */
class BoardIT extends IntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** Far ahead of any test run: the on-track task's SLA time left is positive whatever today is. */
    private static final Instant FAR_DUE = Instant.parse("2099-01-01T00:00:00Z");

    private String type;
    private UUID processId;
    /** Name → task id, in request order. */
    private final Map<String, UUID> tasks = new LinkedHashMap<>();

    @BeforeEach
    void publishFiveTasksOfOneSop() throws Exception {
        type = "BOARD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        processId = UUID.randomUUID();
        send(Topics.PROCESSES.name(), processId, ProcessEvents.defined(processId, 0,
                ProcessEvents.procedure("Relances clients", type, "CALENDAR_HOURS(8)", List.of("Lister", "Relancer")),
                T0));
        String[] names = {"onTrack", "atRisk", "breached", "met", "paused"};
        TaskPriority[] priorities = {TaskPriority.LOW, TaskPriority.CRITICAL, TaskPriority.HIGH, TaskPriority.NORMAL,
                TaskPriority.HIGH};
        for (int i = 0; i < names.length; i++) {
            UUID id = UUID.randomUUID();
            tasks.put(names[i], id);
            Instant requestedAt = T0.plus(Duration.ofHours(i));
            send(Topics.TASKS.name(), id, TaskEvents.requestedEvent(new TaskRequested(id.toString(), "Tâche " + names[i],
                    null, type, priorities[i], processId.toString(), 1, TaskEvents.REQUESTER,
                    Confidentiality.INTERNAL, "CALENDAR_HOURS(8)", CalendarSpec.FRANCE_DEFAULT,
                    names[i].equals("onTrack") ? FAR_DUE : requestedAt.plus(Duration.ofHours(8)), requestedAt), 0));
        }
        send(Topics.PROCESSES.name(), processId, ProcessEvents.occurrenceDue(processId, 1, 1, T0, tasks.get("onTrack"),
                T0, false));
        for (String name : List.of("atRisk", "breached", "met", "paused")) {
            UUID id = tasks.get(name);
            send(Topics.TASKS.name(), id, TaskEvents.assigned(id, 1, "amina", "backoffice-pro", T0.plusSeconds(60)));
            send(Topics.TASKS.name(), id, TaskEvents.started(id, 2, T0.plusSeconds(120)));
        }
        UUID met = tasks.get("met");
        send(Topics.TASKS.name(), met, TaskEvents.completed(met, 3, 25, T0.plusSeconds(3600)));
        send(Topics.TASKS.name(), met, TaskEvents.approved(met, 4, T0.plusSeconds(4000)));
        UUID paused = tasks.get("paused");
        send(Topics.TASKS.name(), paused, TaskEvents.putOnHold(paused, 3, "attente client", T0.plusSeconds(600)));
        alert(tasks.get("atRisk"), SlaAlert.Kind.AT_RISK);
        alert(tasks.get("breached"), SlaAlert.Kind.AT_RISK);
        alert(tasks.get("breached"), SlaAlert.Kind.BREACHED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = board("&limit=50").getBody().get("items");
            assertThat(items).hasSize(5);
            assertThat(line(items, "met").get("status").asText()).isEqualTo("APPROVED");
            assertThat(line(items, "paused").get("status").asText()).isEqualTo("ON_HOLD");
            assertThat(line(items, "breached").get("sla").get("state").asText()).isEqualTo("BREACHED");
            assertThat(line(items, "atRisk").get("sla").get("state").asText()).isEqualTo("AT_RISK");
            assertThat(line(items, "onTrack").get("recurrence").get("recurring").asBoolean()).isTrue();
        });
    }

    @Test
    void shouldShowEachTaskWithItsSlaVerdictSopOwnerChecklistAndFigures_newestRequestFirst() {
        JsonNode answer = board("").getBody();
        JsonNode items = answer.get("items");
        assertThat(ids(items)).containsExactly(id("paused"), id("met"), id("breached"), id("atRisk"), id("onTrack"));
        assertThat(answer.get("nextCursor").isNull()).isTrue();
        assertThat(answer.get("sort").asText()).isEqualTo("REQUESTED_AT");
        assertThat(answer.get("direction").asText()).isEqualTo("DESC");

        JsonNode onTrack = line(items, "onTrack");
        assertThat(onTrack.get("title").asText()).isEqualTo("Tâche onTrack");
        assertThat(onTrack.get("sla").get("state").asText()).isEqualTo("ON_TRACK");
        assertThat(onTrack.get("sla").get("policy").asText()).isEqualTo("CALENDAR_HOURS(8)");
        assertThat(onTrack.get("sla").get("dueAt").asText()).isEqualTo(FAR_DUE.toString());
        long remaining = onTrack.get("sla").get("remainingSeconds").asLong();
        assertThat(remaining).isBetween(Duration.between(Instant.now(), FAR_DUE).getSeconds() - 120,
                Duration.between(Instant.now(), FAR_DUE).getSeconds() + 1);
        assertThat(onTrack.get("recurrence").get("occurrenceAt").asText()).isEqualTo(T0.toString());
        assertThat(onTrack.get("sop").get("title").asText()).isEqualTo("Relances clients");
        assertThat(onTrack.get("sop").get("version").asInt()).isEqualTo(1);
        assertThat(onTrack.get("sop").get("link").asText())
                .isEqualTo("/api/processes/" + processId + "/versions/1");
        assertThat(onTrack.get("checklist").get("expected").toString())
                .isEqualTo("[\"Montant vérifié\",\"Bon destinataire\"]");
        assertThat(onTrack.get("kpi").get("sopKpis").toString()).isEqualTo("[\"Délai moyen de traitement\"]");
        assertThat(onTrack.get("owner").get("requestedBy").asText()).isEqualTo("claire");
        assertThat(onTrack.get("owner").get("agent").isNull()).isTrue();

        JsonNode met = line(items, "met");
        assertThat(met.get("sla").get("state").asText()).isEqualTo("MET");
        assertThat(met.get("sla").get("remainingSeconds").isNull()).as("closed: no time left to show").isTrue();
        assertThat(met.get("owner").get("agent").asText()).isEqualTo("amina");
        assertThat(met.get("owner").get("organisation").asText()).isEqualTo("backoffice-pro");
        assertThat(met.get("kpi").get("timeSpentMinutes").asInt()).isEqualTo(25);
        assertThat(met.get("checklist").get("total").asInt()).isEqualTo(met.get("checklist").get("results").size());
        assertThat(met.get("recurrence").get("recurring").asBoolean()).isFalse();

        JsonNode breached = line(items, "breached");
        assertThat(breached.get("sla").get("state").asText()).isEqualTo("BREACHED");
        assertThat(breached.get("sla").get("remainingSeconds").asLong()).as("overdue").isNegative();
        assertThat(line(items, "paused").get("sla").get("state").asText()).isEqualTo("PAUSED");
        assertThat(line(items, "paused").get("sla").get("remainingSeconds").isNull()).isTrue();
    }

    @Test
    void shouldGiveTheTaskDetailItsSlaVerdictNextToItsFiguresAndTimeline() {
        JsonNode breached = get("/api/tasks/" + id("breached")).getBody();
        assertThat(breached.get("sla").get("state").asText()).isEqualTo("BREACHED");
        assertThat(breached.get("sla").get("dueAt").asText()).isEqualTo(T0.plus(Duration.ofHours(10)).toString());
        assertThat(breached.get("sla").get("remainingSeconds").asLong()).isNegative();
        assertThat(breached.get("timeline")).hasSize(3);

        JsonNode met = get("/api/tasks/" + id("met")).getBody();
        assertThat(met.get("sla").get("state").asText()).isEqualTo("MET");
        assertThat(met.get("timeSpentMinutes").asInt()).isEqualTo(25);
        assertThat(met.get("timeline").get(4).get("actor").asText()).isEqualTo("marc");
    }

    @Test
    void shouldFilterBySlaStateStatusPriorityProviderOwnerAndPeriod() {
        assertThat(ids(board("&sla=BREACHED&sla=AT_RISK").getBody().get("items")))
                .containsExactly(id("breached"), id("atRisk"));
        assertThat(ids(board("&status=ON_HOLD").getBody().get("items"))).containsExactly(id("paused"));
        assertThat(ids(board("&priority=HIGH").getBody().get("items"))).containsExactly(id("paused"), id("breached"));
        assertThat(ids(board("&provider=backoffice-pro&owner=amina").getBody().get("items")))
                .containsExactly(id("paused"), id("met"), id("breached"), id("atRisk"));
        assertThat(ids(board("&provider=assistance-plus").getBody().get("items"))).isEmpty();
        assertThat(ids(board("&from=" + T0.plus(Duration.ofHours(1)) + "&to=" + T0.plus(Duration.ofHours(3)))
                .getBody().get("items"))).containsExactly(id("breached"), id("atRisk"));
        assertThat(ids(getAs("marc", "/api/board?type=" + type.toLowerCase()).getBody().get("items")))
                .as("types match whatever their case").hasSize(5);
    }

    @Test
    void shouldWalkEveryOrderPageByPage_withoutGapOrRepeat() {
        List<String> high = new ArrayList<>(List.of(id("paused"), id("breached")));
        high.sort(java.util.Comparator.reverseOrder()); // two HIGH: the task id breaks the tie, descending too
        assertThat(ids(board("&sort=PRIORITY").getBody().get("items")))
                .containsExactly(id("atRisk"), high.get(0), high.get(1), id("met"), id("onTrack"));
        assertThat(ids(board("&sort=STATUS").getBody().get("items")).get(0)).isEqualTo(id("onTrack"));
        assertThat(ids(board("&sort=STATUS").getBody().get("items")).get(4)).isEqualTo(id("met"));
        assertThat(ids(board("&sort=DUE_AT").getBody().get("items")))
                .as("soonest due first; the due instant of an alerted task is the alert's")
                .containsExactly(id("atRisk"), id("breached"), id("met"), id("paused"), id("onTrack"));
        for (String order : List.of("", "&sort=PRIORITY", "&sort=DUE_AT", "&sort=STATUS&direction=DESC",
                "&sort=LAST_EVENT_AT", "&sort=REQUESTED_AT&direction=ASC")) {
            List<String> whole = ids(board(order).getBody().get("items"));
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = board(order + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).getBody();
                assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
                walked.addAll(ids(page.get("items")));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(walked).as("pages of %s", order).isEqualTo(whole);
            assertThat(pages).isEqualTo(3);
        }
    }

    @Test
    void shouldShowEachCallerOnlyTheTasksTheyMaySee() {
        assertThat(ids(boardAs("claire", "").getBody().get("items"))).hasSize(5);
        assertThat(ids(boardAs("paul", "").getBody().get("items"))).as("requested by claire, not paul").isEmpty();
        assertThat(ids(boardAs("amina", "").getBody().get("items")))
                .containsExactly(id("paused"), id("met"), id("breached"), id("atRisk"));
        assertThat(ids(boardAs("yann", "").getBody().get("items"))).as("another provider").isEmpty();
        assertThat(boardAs("victor", "").getStatusCode()).as("a viewer reads KPIs, not tasks")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/board", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer400ProblemNamingTheParameter_whenTheRequestIsMalformed() {
        assertProblem(board("&sort=FASTEST"), HttpStatus.BAD_REQUEST, "sort");
        assertProblem(board("&sla=LATE"), HttpStatus.BAD_REQUEST, "sla");
        assertProblem(board("&status=FINISHED"), HttpStatus.BAD_REQUEST, "status");
        assertProblem(board("&limit=0"), HttpStatus.BAD_REQUEST, "limit");
        assertProblem(board("&limit=201"), HttpStatus.BAD_REQUEST, "limit");
        assertProblem(board("&from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z"), HttpStatus.BAD_REQUEST,
                "from must be before to");
        assertProblem(board("&from=yesterday"), HttpStatus.BAD_REQUEST, "from");
        assertProblem(board("&cursor=not-a-cursor!"), HttpStatus.BAD_REQUEST, "cursor");
        String priorityCursor = board("&sort=PRIORITY&limit=1").getBody().get("nextCursor").asText();
        assertProblem(board("&cursor=" + priorityCursor), HttpStatus.BAD_REQUEST, "sort PRIORITY");
        assertProblem(board("&sort=PRIORITY&direction=ASC&cursor=" + priorityCursor), HttpStatus.BAD_REQUEST,
                "same sort and direction");
    }

    private ResponseEntity<JsonNode> board(String query) {
        return boardAs("marc", query);
    }

    private ResponseEntity<JsonNode> boardAs(String user, String query) {
        return getAs(user, "/api/board?type=" + type + query);
    }

    private String id(String name) {
        return tasks.get(name).toString();
    }

    private JsonNode line(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("taskId").asText().equals(id(name))) {
                return item;
            }
        }
        throw new AssertionError("no line for " + name + " in " + items);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("taskId").asText()));
        return ids;
    }

    private void send(String topic, UUID key, CloudEvent event) throws Exception {
        cloudEvents().send(new ProducerRecord<>(topic, key.toString(), event)).get();
    }

    private void alert(UUID taskId, SlaAlert.Kind kind) throws Exception {
        // requested one hour apart, in the order of the map
        Instant requestedAt = T0.plus(Duration.ofHours(new ArrayList<>(tasks.values()).indexOf(taskId)));
        SlaAlert alert = new SlaAlert(taskId.toString(), kind, type, TaskPriority.HIGH, processId.toString(),
                "backoffice-pro", "CALENDAR_HOURS(8)", requestedAt, requestedAt.plus(Duration.ofHours(8)),
                requestedAt.plus(Duration.ofHours(kind == SlaAlert.Kind.BREACHED ? 8 : 6)),
                requestedAt.plus(Duration.ofHours(kind == SlaAlert.Kind.BREACHED ? 8 : 6)).plusSeconds(1),
                kind == SlaAlert.Kind.BREACHED ? 28_801 : 23_041, 28_800);
        text().send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), alert.taskId(),
                ContractJson.mapper().writeValueAsString(alert))).get();
    }
}
