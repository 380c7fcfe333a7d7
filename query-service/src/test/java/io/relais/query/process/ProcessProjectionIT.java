package io.relais.query.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.contract.Topics;
import io.relais.contract.process.Procedure;
import io.relais.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Real CloudEvents on relais.processes.v1, read back through the REST API. */
class ProcessProjectionIT extends IntegrationTestSupport {

    private static final String TOPIC = Topics.PROCESSES.name();
    private static final Instant DEFINED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant REVISED_AT = Instant.parse("2026-03-08T10:00:00Z");
    private static final Instant RETIRED_AT = Instant.parse("2026-06-30T16:00:00Z");
    private static final List<String> STEPS_V1 = List.of("Extraire les factures échues", "Envoyer la relance");
    private static final List<String> STEPS_V2 = List.of("Extraire les factures échues", "Vérifier le destinataire",
            "Envoyer la relance");

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldServeTheRetiredProcessWithBothVersions_whenItIsDefinedRevisedAndRetired() throws Exception {
        UUID id = UUID.randomUUID();
        String type = uniqueType();

        publish(lifecycle(id, type));

        JsonNode process = awaitProcess(id, p -> p.get("status").asText().equals("RETIRED"));
        assertThat(process.get("processId").asText()).isEqualTo(id.toString());
        assertThat(process.get("version").asInt()).isEqualTo(2);
        assertThat(process.get("title").asText()).isEqualTo("Relances clients (v2)");
        assertThat(process.get("taskType").asText()).isEqualTo(type);
        assertThat(process.get("slaPolicy").asText()).isEqualTo("BUSINESS_DAYS(2)");
        assertThat(process.get("definedBy").asText()).isEqualTo("admin");
        assertThat(process.get("definedAt").asText()).isEqualTo(DEFINED_AT.toString());
        assertThat(process.get("revisedBy").asText()).isEqualTo("admin");
        assertThat(process.get("revisedAt").asText()).isEqualTo(REVISED_AT.toString());
        assertThat(process.get("changeNote").asText()).isEqualTo("Ajout du contrôle du destinataire");
        assertThat(process.get("retiredBy").asText()).isEqualTo("admin");
        assertThat(process.get("retiredAt").asText()).isEqualTo(RETIRED_AT.toString());
        assertThat(process.get("retirementReason").asText()).isEqualTo("Remplacé par le recouvrement");
        assertThat(process.get("lastEventAt").asText()).isEqualTo(RETIRED_AT.toString());
        // the current version's procedure, whole
        JsonNode procedure = process.get("procedure");
        assertThat(procedure.get("title").asText()).isEqualTo("Relances clients (v2)");
        assertThat(texts(procedure.get("steps"))).isEqualTo(STEPS_V2);
        assertThat(procedure.get("raci").get("accountable").asText()).isEqualTo("marc");
        assertThat(texts(procedure.get("resources"))).containsExactly("crm", "accounting");
        // every version, oldest first
        JsonNode versions = process.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("title").asText()).isEqualTo("Relances clients");
        assertThat(versions.get(0).get("slaPolicy").asText()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(versions.get(0).get("changeNote").isNull()).isTrue();
        assertThat(versions.get(0).get("recordedAt").asText()).isEqualTo(DEFINED_AT.toString());
        assertThat(versions.get(0).get("current").asBoolean()).isFalse();
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("changeNote").asText()).isEqualTo("Ajout du contrôle du destinataire");
        assertThat(versions.get(1).get("recordedAt").asText()).isEqualTo(REVISED_AT.toString());
        assertThat(versions.get(1).get("current").asBoolean()).isTrue();
        assertThat(process.get("recentOccurrences")).isEmpty();
        assertThat(process.get("occurrenceCount").asLong()).isZero();
        assertThat(lastAppliedSequence(id)).isEqualTo(2L);
    }

    @Test
    void shouldServeEachVersionAsItWasWritten_evenAfterRevisionAndRetirement() throws Exception {
        UUID id = UUID.randomUUID();
        publish(lifecycle(id, uniqueType()));
        awaitProcess(id, p -> p.get("status").asText().equals("RETIRED"));

        JsonNode first = get("/api/processes/" + id + "/versions/1").getBody();
        JsonNode second = get("/api/processes/" + id + "/versions/2").getBody();

        assertThat(first.get("processId").asText()).isEqualTo(id.toString());
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("current").asBoolean()).isFalse();
        assertThat(first.get("processStatus").asText()).isEqualTo("RETIRED");
        assertThat(first.get("recordedBy").asText()).isEqualTo("admin");
        assertThat(first.get("procedure").get("title").asText()).isEqualTo("Relances clients");
        assertThat(first.get("procedure").get("slaPolicy").asText()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(texts(first.get("procedure").get("steps"))).isEqualTo(STEPS_V1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("current").asBoolean()).isTrue();
        assertThat(second.get("changeNote").asText()).isEqualTo("Ajout du contrôle du destinataire");
        assertThat(texts(second.get("procedure").get("steps"))).isEqualTo(STEPS_V2);
    }

    @Test
    void shouldAnswer404Problem_namingTheVersions_whenTheVersionDoesNotExist() throws Exception {
        UUID id = UUID.randomUUID();
        publish(lifecycle(id, uniqueType()));
        awaitProcess(id, p -> p.get("status").asText().equals("RETIRED"));

        ResponseEntity<JsonNode> response = get("/api/processes/" + id + "/versions/3");

        assertProblem(response, HttpStatus.NOT_FOUND, "Process " + id + " has no version 3 (its versions are 1 to 2");
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:process-not-found");
        assertThat(response.getBody().get("latestVersion").asInt()).isEqualTo(2);
    }

    @Test
    void shouldFlagTheLateOccurrence_newestFirst_whenAMissedOccurrenceIsCaughtUp() throws Exception {
        UUID id = UUID.randomUUID();
        UUID onTimeTask = UUID.randomUUID();
        UUID lateTask = UUID.randomUUID();
        Instant monday1 = Instant.parse("2026-03-02T08:00:00Z");
        Instant monday2 = Instant.parse("2026-03-09T08:00:00Z");
        // the service was down over the second Monday: caught up on Tuesday, marked late
        Instant caughtUpAt = Instant.parse("2026-03-10T07:12:00Z");

        publish(List.of(
                ProcessEvents.defined(id, 0, weekly("Relances clients", uniqueType()), DEFINED_AT),
                ProcessEvents.occurrenceDue(id, 1, 1, monday1, onTimeTask, monday1.plusSeconds(3), false),
                ProcessEvents.occurrenceDue(id, 2, 1, monday2, lateTask, caughtUpAt, true)));

        JsonNode process = awaitProcess(id, p -> p.get("occurrenceCount").asLong() == 2);
        JsonNode occurrences = process.get("recentOccurrences");
        assertThat(occurrences).hasSize(2);
        assertThat(occurrences.get(0).get("occurrenceAt").asText()).isEqualTo(monday2.toString());
        assertThat(occurrences.get(0).get("taskId").asText()).isEqualTo(lateTask.toString());
        assertThat(occurrences.get(0).get("firedAt").asText()).isEqualTo(caughtUpAt.toString());
        assertThat(occurrences.get(0).get("late").asBoolean()).isTrue();
        assertThat(occurrences.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(occurrences.get(1).get("occurrenceAt").asText()).isEqualTo(monday1.toString());
        assertThat(occurrences.get(1).get("taskId").asText()).isEqualTo(onTimeTask.toString());
        assertThat(occurrences.get(1).get("late").asBoolean()).isFalse();
        assertThat(process.get("lateOccurrenceCount").asLong()).isEqualTo(1);
        assertThat(process.get("lastEventAt").asText()).isEqualTo(caughtUpAt.toString());
        assertThat(process.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRecordTheOccurrenceOnce_whenTheSchedulerFiresTheSameOccurrenceTwice() throws Exception {
        UUID id = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Instant monday = Instant.parse("2026-03-02T08:00:00Z");

        publish(List.of(
                ProcessEvents.defined(id, 0, weekly("Relances clients", uniqueType()), DEFINED_AT),
                ProcessEvents.occurrenceDue(id, 1, 1, monday, task, monday.plusSeconds(3), false),
                ProcessEvents.occurrenceDue(id, 2, 1, monday, task, monday.plusSeconds(9), false)));

        await().atMost(Duration.ofSeconds(30)).until(() -> lastAppliedSequence(id), s -> Long.valueOf(2).equals(s));
        JsonNode process = get("/api/processes/" + id).getBody();
        assertThat(process.get("occurrenceCount").asLong()).isEqualTo(1);
        assertThat(process.get("recentOccurrences").get(0).get("firedAt").asText())
                .isEqualTo(monday.plusSeconds(3).toString());
        assertThat(skipReasons(id)).containsExactly("occurrence " + monday + " already recorded");
    }

    @Test
    void shouldChangeNothing_whenEveryEventIsDeliveredAgain() throws Exception {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>(lifecycle(id, uniqueType()));
        events.add(2, ProcessEvents.occurrenceDue(id, 2, 2, Instant.parse("2026-03-09T08:00:00Z"), UUID.randomUUID(),
                Instant.parse("2026-03-10T07:00:00Z"), true));
        events.set(3, ProcessEvents.retired(id, 3, "Remplacé par le recouvrement", RETIRED_AT));
        publish(events);
        JsonNode before = awaitProcess(id, p -> p.get("status").asText().equals("RETIRED"));
        double duplicatesBefore = outcomes("duplicate");

        // The relay re-publishes after a crash: the same records again, then a marker to know they were all read.
        publish(events);
        publish(List.of(ProcessEvents.defined(marker, 0, weekly("Marker", uniqueType()), DEFINED_AT)));

        awaitProcess(marker, p -> true);
        assertThat(get("/api/processes/" + id).getBody()).isEqualTo(before);
        assertThat(outcomes("duplicate") - duplicatesBefore).isEqualTo(4.0);
        assertThat(count("process_version", id)).isEqualTo(2);
        assertThat(count("process_occurrence", id)).isEqualTo(1);
        assertThat(lastAppliedSequence(id)).isEqualTo(3L);
    }

    @Test
    void shouldListByTitle_filteredByStatusAndCaseInsensitiveTaskType() throws Exception {
        String type = uniqueType();
        UUID active = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publish(List.of(
                ProcessEvents.defined(active, 0, weekly("B - Relances", type), DEFINED_AT),
                ProcessEvents.defined(retired, 0, weekly("A - Anciennes relances", type), DEFINED_AT),
                ProcessEvents.retired(retired, 1, "Obsolète", RETIRED_AT),
                ProcessEvents.defined(other, 0, weekly("C - Autre", uniqueType()), DEFINED_AT)));
        awaitProcess(retired, p -> p.get("status").asText().equals("RETIRED"));
        awaitProcess(other, p -> true);

        assertThat(ids("/api/processes?taskType=" + type.toLowerCase()))
                .containsExactly(retired.toString(), active.toString());
        assertThat(ids("/api/processes?taskType=" + type + "&status=ACTIVE")).containsExactly(active.toString());
        assertThat(ids("/api/processes?taskType=" + type + "&status=RETIRED")).containsExactly(retired.toString());
        assertThat(ids("/api/processes?taskType=" + type + "&limit=1")).containsExactly(retired.toString());
        assertThat(ids("/api/processes?status=ACTIVE&limit=500")).contains(active.toString(), other.toString())
                .doesNotContain(retired.toString());
        JsonNode item = get("/api/processes?taskType=" + type + "&status=ACTIVE").getBody().get(0);
        assertThat(item.get("title").asText()).isEqualTo("B - Relances");
        assertThat(item.get("version").asInt()).isEqualTo(1);
        assertThat(item.has("procedure")).as("the listing stays light").isFalse();
    }

    @Test
    void shouldSkipAndRecordTheRevision_whenItsProcessWasNeverDefined_andApplyTheNextProcess() throws Exception {
        UUID orphan = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        publish(List.of(
                ProcessEvents.revised(orphan, 1, 2, weekly("Orpheline", uniqueType()), "?", REVISED_AT),
                ProcessEvents.defined(next, 0, weekly("Suivante", uniqueType()), DEFINED_AT)));

        awaitProcess(next, p -> true);
        assertThat(skipReasons(orphan)).containsExactly("process never defined");
        assertThat(lastAppliedSequence(orphan)).isEqualTo(1L);
        assertThat(get("/api/processes/" + orphan).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldSkipAPoisonRecord_andApplyTheNextOne_whenTheValueIsGarbage() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0, 1, 2};

        bytes().send(TOPIC, id.toString(), garbage).get();
        publish(List.of(ProcessEvents.defined(id, 0, weekly("Après le poison", uniqueType()), DEFINED_AT)));

        assertThat(awaitProcess(id, p -> true).get("title").asText()).isEqualTo("Après le poison");
    }

    @Test
    void shouldRetryUntilTheWriteSucceeds_andKeepNothingHalfDone_whenTheDatabaseRefusesItForAWhile() throws Exception {
        UUID id = UUID.randomUUID();
        String title = "Refusée " + id;
        // Refuses the version row, written after the catalogue row: a half-applied definition would show.
        // A sequence counts the refused attempts: unlike the refused insert, nextval survives the rollback.
        jdbc.sql("CREATE SEQUENCE refused_process_writes").update();
        jdbc.sql("""
                CREATE FUNCTION refuse_process_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.title = '%s' THEN
                        PERFORM nextval('refused_process_writes');
                        RAISE EXCEPTION 'write refused by the test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(title)).update();
        jdbc.sql("CREATE TRIGGER refuse_process_write BEFORE INSERT ON process_version FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_process_write()").update();
        try {
            publish(List.of(ProcessEvents.defined(id, 0, weekly(title, uniqueType()), DEFINED_AT)));

            // More attempts than spring-kafka's default error handler makes (10) before it skips a record.
            await("12 refused attempts").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM refused_process_writes")
                    .query(Long.class).single() >= 12);
            assertThat(get("/api/processes/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(lastAppliedSequence(id)).as("the sequence is rolled back with the writes").isNull();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_process_write ON process_version").update();
            jdbc.sql("DROP FUNCTION refuse_process_write()").update();
            jdbc.sql("DROP SEQUENCE refused_process_writes").update();
        }

        assertThat(awaitProcess(id, p -> true).get("versions")).hasSize(1);
        assertThat(lastAppliedSequence(id)).isZero();
    }

    @Test
    void shouldAnswer404Problem_namingTheId_whenTheProcessIsUnknown() {
        UUID id = UUID.randomUUID();

        ResponseEntity<JsonNode> response = get("/api/processes/" + id);

        assertProblem(response, HttpStatus.NOT_FOUND, "No process with id " + id);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:process-not-found");
        assertProblem(get("/api/processes/" + id + "/versions/1"), HttpStatus.NOT_FOUND, "No process with id " + id);
    }

    @Test
    void shouldAnswer400Problem_whenTheIdVersionStatusOrLimitIsInvalid() {
        UUID id = UUID.randomUUID();
        assertProblem(get("/api/processes/not-a-uuid"), HttpStatus.BAD_REQUEST,
                "'id' must be a UUID; got 'not-a-uuid'");
        assertProblem(get("/api/processes/not-a-uuid/versions/1"), HttpStatus.BAD_REQUEST,
                "'id' must be a UUID; got 'not-a-uuid'");
        assertProblem(get("/api/processes/" + id + "/versions/two"), HttpStatus.BAD_REQUEST,
                "'version' must be an integer; got 'two'");
        assertProblem(get("/api/processes/" + id + "/versions/0"), HttpStatus.BAD_REQUEST,
                "'version' must be greater than or equal to 1");
        assertProblem(get("/api/processes?status=DRAFT"), HttpStatus.BAD_REQUEST,
                "'status' must be one of [ACTIVE, RETIRED]");
        assertProblem(get("/api/processes?limit=501"), HttpStatus.BAD_REQUEST,
                "'limit' must be less than or equal to 500");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Defined (WEEKLY, 2 steps), revised to v2 (J+2, 3 steps, new title), retired: sequences 0 to 2. */
    private static List<CloudEvent> lifecycle(UUID id, String type) {
        return List.of(
                ProcessEvents.defined(id, 0, ProcessEvents.procedure("Relances clients", type, "WEEKLY(MON 09:00)",
                        STEPS_V1), DEFINED_AT),
                ProcessEvents.revised(id, 1, 2, ProcessEvents.procedure("Relances clients (v2)", type,
                        "BUSINESS_DAYS(2)", STEPS_V2), "Ajout du contrôle du destinataire", REVISED_AT),
                ProcessEvents.retired(id, 2, "Remplacé par le recouvrement", RETIRED_AT));
    }

    private static Procedure weekly(String title, String type) {
        return ProcessEvents.procedure(title, type, "WEEKLY(MON 09:00)", STEPS_V1);
    }

    /** One partition: records are read in the order sent. */
    private void publish(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            cloudEvents().send(TOPIC, event.getSubject(), event).get();
        }
    }

    private JsonNode awaitProcess(UUID id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> response = get("/api/processes/" + id);
            return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
        }, process -> process != null && condition.test(process));
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        get(path).getBody().forEach(process -> ids.add(process.get("processId").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private Long lastAppliedSequence(UUID id) {
        return jdbc.sql("SELECT sequence FROM last_applied_sequence WHERE projection = 'process' AND aggregate_id = ?")
                .param(id.toString()).query(Long.class).optional().orElse(null);
    }

    private List<String> skipReasons(UUID id) {
        return jdbc.sql("SELECT reason FROM projection_event_skipped WHERE projection = 'process' AND aggregate_id = ?"
                        + " ORDER BY sequence")
                .param(id.toString()).query(String.class).list();
    }

    private long count(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE process_id = ?").param(id).query(Long.class).single();
    }

    private double outcomes(String outcome) {
        var counter = meters.find("relais.projection.events").tag("projection", "process").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String uniqueType() {
        return "SOP_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
