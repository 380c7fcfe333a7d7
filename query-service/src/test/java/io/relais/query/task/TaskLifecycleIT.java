package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.contract.Topics;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every event of the task catalogue on relais.tasks.v1, read back through the REST API with the timeline. */
class TaskLifecycleIT extends IntegrationTestSupport {

    private static final String TOPIC = Topics.TASKS.name();
    private static final Instant T0 = Instant.parse("2026-03-13T16:00:00Z");
    private static final CalendarSpec CALENDAR = new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"),
            "FR-ALSACE-MOSELLE", List.of(LocalDate.parse("2026-12-24")));

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldEndApprovedWithItsFiguresAndAnOrderedTimeline_whenATaskGoesThroughItsWholeLifecycle() throws Exception {
        UUID id = UUID.randomUUID();

        publish(lifecycle(id));

        JsonNode task = awaitVersion(id, 12);
        assertThat(task.get("status").asText()).isEqualTo("APPROVED");
        assertThat(task.get("statusBeforeHold").isNull()).isTrue();
        assertThat(task.get("priority").asText()).as("reprioritized").isEqualTo("CRITICAL");
        assertThat(task.get("description").asText()).isEqualTo("Clients Dupont et Martin");
        assertThat(task.get("processId").asText()).isEqualTo("b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
        assertThat(task.get("processVersion").asInt()).isEqualTo(2);
        assertThat(task.get("confidentiality").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(task.get("slaPolicy").asText()).isEqualTo("BUSINESS_DAYS(2)");
        assertThat(task.get("dueAt").asText()).isEqualTo("2026-03-17T17:00:00Z");
        assertThat(task.get("calendar").get("holidays").asText()).isEqualTo("FR-ALSACE-MOSELLE");
        assertThat(task.get("calendar").get("closedDays").get(0).asText()).isEqualTo("2026-12-24");
        assertThat(task.get("requestedBy").asText()).isEqualTo("claire");
        assertThat(task.get("assignedAgent").asText()).isEqualTo("amina");
        assertThat(task.get("assignedOrganisation").asText()).isEqualTo("backoffice-pro");
        assertThat(task.get("assignedAt").asText()).isEqualTo(at(1).toString());
        assertThat(task.get("startedAt").asText()).isEqualTo(at(2).toString());
        assertThat(task.get("completedAt").asText()).as("the second completion").isEqualTo(at(9).toString());
        assertThat(task.get("approvedAt").asText()).isEqualTo(at(10).toString());
        assertThat(task.get("timeSpentMinutes").asInt()).as("30 + 15 after the rework").isEqualTo(45);
        assertThat(task.get("checklist")).hasSize(2);
        assertThat(task.get("checklist").get(0).get("item").asText()).isEqualTo("Montant vérifié");
        assertThat(task.get("reworkCount").asInt()).isEqualTo(1);
        assertThat(task.get("escalated").asBoolean()).isTrue();
        assertThat(task.get("escalationCount").asInt()).isEqualTo(1);
        assertThat(task.get("incidentCount").asInt()).isEqualTo(1);
        assertThat(task.get("rating").asInt()).isEqualTo(9);
        assertThat(task.get("cancelledAt").isNull()).isTrue();
        assertThat(task.get("lastEventAt").asText()).isEqualTo(at(12).toString());

        JsonNode timeline = task.get("timeline");
        assertThat(timeline).hasSize(13);
        List<String> types = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            JsonNode entry = timeline.get(i);
            assertThat(entry.get("sequence").asLong()).isEqualTo(i);
            assertThat(entry.get("occurredAt").asText()).isEqualTo(at(i).toString());
            assertThat(entry.get("details").has("taskId")).isFalse();
            types.add(entry.get("type").asText().replace("relais.task.", "").replace(".v1", ""));
            actors.add(entry.get("actor").asText() + "/" + entry.get("actorRoles").get(0).asText());
        }
        assertThat(types).containsExactly("requested", "assigned", "started", "reprioritized", "escalated",
                "put-on-hold", "resumed", "completed", "rework-requested", "completed", "approved",
                "incident-reported", "rated");
        assertThat(actors).containsExactly("claire/REQUESTER", "marc/APPROVER", "amina/AGENT", "marc/APPROVER",
                "claire/REQUESTER", "amina/AGENT", "amina/AGENT", "amina/AGENT", "marc/APPROVER", "amina/AGENT",
                "marc/APPROVER", "marc/APPROVER", "claire/REQUESTER");
        assertThat(timeline.get(1).get("actorOrganisation").asText()).isEqualTo("acme");
        assertThat(timeline.get(1).get("correlationId").asText()).isEqualTo("test-" + id + "-1");
        assertThat(timeline.get(1).get("details").get("providerOrganisation").asText()).isEqualTo("backoffice-pro");
        assertThat(timeline.get(5).get("details").get("reason").asText()).isEqualTo("En attente du relevé bancaire");
        assertThat(timeline.get(7).get("details").get("timeSpentMinutes").asInt()).isEqualTo(30);
        assertThat(timeline.get(9).get("details").get("timeSpentMinutes").asInt()).isEqualTo(15);
        assertThat(timeline.get(11).get("details").get("severity").asText()).isEqualTo("HIGH");
        assertThat(timeline.get(12).get("details").get("rating").asInt()).isEqualTo(9);

        ResponseEntity<JsonNode> served = get("/api/tasks/" + id + "/timeline");
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getBody()).isEqualTo(timeline);
    }

    @Test
    void shouldChangeNothing_whenAMiddleEventIsDeliveredAgain() throws Exception {
        UUID id = UUID.randomUUID();
        List<CloudEvent> events = lifecycle(id);
        int partition = publish(events);
        JsonNode before = awaitVersion(id, 12);
        double duplicatesBefore = outcomes("duplicate");

        // The first completion again (30 minutes, status DONE), then a marker behind it in the same partition.
        cloudEvents().send(new ProducerRecord<>(TOPIC, partition, id.toString(), events.get(7))).get();
        UUID marker = UUID.randomUUID();
        cloudEvents().send(new ProducerRecord<>(TOPIC, partition, marker.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(marker, "Marker", "INVOICING", Instant.now())))).get();
        awaitVersion(marker, 0);

        assertThat(get("/api/tasks/" + id).getBody()).isEqualTo(before);
        assertThat(outcomes("duplicate") - duplicatesBefore).isEqualTo(1.0);
        assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE task_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(13L);
        assertThat(lastAppliedSequence(id)).isEqualTo(12L);
    }

    @Test
    void shouldShowTheTaskToTheAgentsOfTheAssignedOrganisationOnly_whenItIsAssignedAndReassigned() throws Exception {
        UUID id = UUID.randomUUID();
        publish(List.of(TaskEvents.requestedEvent(requested(id, "VISIBILITY"), 0)));
        awaitVersion(id, 0);
        assertThat(getAs("amina", "/api/tasks/" + id).getStatusCode()).as("not assigned yet")
                .isEqualTo(HttpStatus.NOT_FOUND);

        publish(List.of(TaskEvents.assigned(id, 1, "amina", "backoffice-pro", at(1))));
        awaitVersion(id, 1);

        ResponseEntity<JsonNode> amina = getAs("amina", "/api/tasks/" + id);
        assertThat(amina.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amina.getBody().get("timeline")).hasSize(2);
        assertThat(getAs("amina", "/api/tasks/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskIds("amina", "/api/tasks?limit=500")).contains(id.toString());
        assertThat(getAs("yann", "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getAs("yann", "/api/tasks/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskIds("yann", "/api/tasks?limit=500")).doesNotContain(id.toString());
        assertThat(getAs("paul", "/api/tasks/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getAs("claire", "/api/tasks/" + id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);

        publish(List.of(TaskEvents.assigned(id, 2, "yann", "assistance-plus", at(2))));
        awaitVersion(id, 2);

        assertThat(getAs("yann", "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getAs("amina", "/api/tasks/" + id).getStatusCode()).as("reassigned away from her organisation")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getAs("amina", "/api/tasks/" + id + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldListTasksFilteredByStatusTypePriorityAndAssignedAgent_newestFirst() throws Exception {
        String type = "FILTER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        publish(List.of(TaskEvents.requestedEvent(TaskEvents.requested(a, "A", type, T0), 0)));
        publish(List.of(TaskEvents.requestedEvent(TaskEvents.requested(b, "B", type, T0.plusSeconds(1)), 0),
                TaskEvents.assigned(b, 1, "amina", "backoffice-pro", at(1)),
                TaskEvents.reprioritized(b, 2, TaskPriority.HIGH, TaskPriority.LOW, at(2))));
        publish(List.of(TaskEvents.requestedEvent(TaskEvents.requested(c, "C", type, T0.plusSeconds(2)), 0),
                TaskEvents.assigned(c, 1, "bob", "backoffice-pro", at(1)),
                TaskEvents.started(c, 2, at(2))));
        awaitVersion(a, 0);
        awaitVersion(b, 2);
        awaitVersion(c, 2);
        String all = "/api/tasks?type=" + type;

        assertThat(taskIds("marc", all)).containsExactly(ids(c, b, a));
        assertThat(taskIds("marc", all + "&status=ASSIGNED")).containsExactly(ids(b));
        assertThat(taskIds("marc", all + "&status=IN_PROGRESS")).containsExactly(ids(c));
        assertThat(taskIds("marc", all + "&status=DONE")).isEmpty();
        assertThat(taskIds("marc", all + "&priority=HIGH")).containsExactly(ids(c, a));
        assertThat(taskIds("marc", all + "&priority=LOW")).containsExactly(ids(b));
        assertThat(taskIds("marc", all + "&assignedAgent=amina")).containsExactly(ids(b));
        assertThat(taskIds("marc", all + "&assignedAgent=AMINA")).as("exact match").isEmpty();
        assertThat(taskIds("marc", all + "&assignedAgent=bob&status=IN_PROGRESS&priority=HIGH"))
                .containsExactly(ids(c));
        assertThat(taskIds("marc", all + "&limit=1")).containsExactly(ids(c));
        assertThat(taskIds("amina", all)).as("her organisation's tasks only").containsExactly(ids(c, b));
    }

    @Test
    void shouldSkipAndRecordAnEventOfATaskNeverRequested_andGoOn() throws Exception {
        UUID orphan = UUID.randomUUID();
        double orphansBefore = outcomes("unknown-task");

        int partition = cloudEvents().send(TOPIC, orphan.toString(),
                TaskEvents.assigned(orphan, 1, "amina", "backoffice-pro", at(1))).get().getRecordMetadata().partition();
        UUID next = UUID.randomUUID();
        cloudEvents().send(new ProducerRecord<>(TOPIC, partition, next.toString(),
                TaskEvents.cloudEvent(TaskEvents.requested(next, "After the orphan", "INVOICING", Instant.now()))))
                .get();

        assertThat(awaitVersion(next, 0).get("title").asText()).isEqualTo("After the orphan");
        assertThat(get("/api/tasks/" + orphan).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT event_type || ' ' || sequence || ': ' || reason FROM task_event_skipped"
                + " WHERE aggregate_id = ?").param(orphan.toString()).query(String.class).list())
                .containsExactly("relais.task.assigned.v1 1: task never requested");
        assertThat(lastAppliedSequence(orphan)).isEqualTo(1L);
        assertThat(outcomes("unknown-task") - orphansBefore).isEqualTo(1.0);
        assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE task_id = ?").param(orphan)
                .query(Long.class).single()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The instant of the event at {@code sequence} in these tests: one hour apart. */
    private static Instant at(long sequence) {
        return T0.plus(Duration.ofHours(sequence));
    }

    private static TaskRequested requested(UUID id, String type) {
        return new TaskRequested(id.toString(), "Relancer les factures impayées d'octobre",
                "Clients Dupont et Martin", type, TaskPriority.HIGH, "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d", 2,
                TaskEvents.REQUESTER, Confidentiality.CONFIDENTIAL, "BUSINESS_DAYS(2)", CALENDAR,
                Instant.parse("2026-03-17T17:00:00Z"), at(0));
    }

    /**
     * Requested, assigned, started, reprioritized, escalated, on hold, resumed, completed (30 min), sent back,
     * completed (15 min), approved, an incident, rated: sequences 0 to 12.
     */
    private static List<CloudEvent> lifecycle(UUID id) {
        return List.of(
                TaskEvents.requestedEvent(requested(id, "LIFECYCLE"), 0),
                TaskEvents.assigned(id, 1, "amina", "backoffice-pro", at(1)),
                TaskEvents.started(id, 2, at(2)),
                TaskEvents.reprioritized(id, 3, TaskPriority.HIGH, TaskPriority.CRITICAL, at(3)),
                TaskEvents.escalated(id, 4, "Client menace de rompre le contrat", at(4)),
                TaskEvents.putOnHold(id, 5, "En attente du relevé bancaire", at(5)),
                TaskEvents.resumed(id, 6, at(6)),
                TaskEvents.completed(id, 7, 30, at(7)),
                TaskEvents.reworkRequested(id, 8, "Le client Martin a déjà payé", at(8)),
                TaskEvents.completed(id, 9, 15, at(9)),
                TaskEvents.approved(id, 10, at(10)),
                TaskEvents.incidentReported(id, 11, IncidentSeverity.HIGH, at(11)),
                TaskEvents.rated(id, 12, 9, at(12)));
    }

    /** Sends the events in order under their subject as key (hence to one partition) and returns that partition. */
    private int publish(List<CloudEvent> events) throws Exception {
        int partition = -1;
        for (CloudEvent event : events) {
            partition = cloudEvents().send(TOPIC, event.getSubject(), event).get().getRecordMetadata().partition();
        }
        return partition;
    }

    /** The task's detail once its event at {@code version} is applied, as marc (who sees everything). */
    private JsonNode awaitVersion(UUID id, long version) {
        return await("task " + id + " at version " + version).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tasks/" + id), response -> response.getStatusCode() == HttpStatus.OK
                        && response.getBody().get("version").asLong() == version)
                .getBody();
    }

    private List<String> taskIds(String user, String path) {
        ResponseEntity<JsonNode> response = getAs(user, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().forEach(task -> ids.add(task.get("taskId").asText()));
        return ids;
    }

    private static String[] ids(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
    }

    private Long lastAppliedSequence(UUID id) {
        return jdbc.sql("SELECT sequence FROM last_applied_sequence WHERE projection = 'task' AND aggregate_id = ?")
                .param(id.toString()).query(Long.class).optional().orElse(null);
    }

    private double outcomes(String outcome) {
        return meters.get("relais.projection.events").tag("projection", "task").tag("outcome", outcome)
                .counter().count();
    }
}
