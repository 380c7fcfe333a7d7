package io.relais.query.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Real CloudEvents on relais.engagements.v1, read back through the REST API (as admin: rates are commercial). */
class EngagementProjectionIT extends IntegrationTestSupport {

    private static final String TOPIC = Topics.ENGAGEMENTS.name();
    private static final LocalDate STARTS_ON = LocalDate.parse("2026-03-01");
    private static final Instant STARTED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant ENDED_AT = Instant.parse("2027-02-28T17:00:00Z");

    @Test
    void shouldServeTheEngagementActiveThenEnded_whenItStartsAndEnds() throws Exception {
        UUID id = UUID.randomUUID();
        String provider = uniqueProvider();

        publish(List.of(EngagementEvents.startedEvent(started(id, provider))));

        JsonNode active = awaitEngagement(id, e -> true);
        assertThat(active.get("engagementId").asText()).isEqualTo(id.toString());
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("providerOrganisation").asText()).isEqualTo(provider);
        assertThat(active.get("agents")).hasSize(2);
        assertThat(active.get("agents").get(0).asText()).isEqualTo("amina");
        assertThat(active.get("agents").get(1).asText()).isEqualTo("zoe");
        assertThat(active.get("internalHourlyRate").decimalValue()).isEqualByComparingTo("45");
        assertThat(active.get("providerHourlyRate").decimalValue()).isEqualByComparingTo("18");
        assertThat(active.get("calendar").get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(active.get("calendar").get("workingHours").get(0).asText()).isEqualTo("MON-FRI 09:00-18:00");
        assertThat(active.get("calendar").get("holidays").asText()).isEqualTo("FR");
        assertThat(active.get("dpaSigned").asBoolean()).isTrue();
        assertThat(active.get("startsOn").asText()).isEqualTo("2026-03-01");
        assertThat(active.get("plannedEndOn").asText()).isEqualTo("2027-02-28");
        assertThat(active.get("startedBy").asText()).isEqualTo("admin");
        assertThat(active.get("startedAt").asText()).isEqualTo(STARTED_AT.toString());
        assertThat(active.get("endedAt").isNull()).isTrue();
        assertThat(active.get("endReason").isNull()).isTrue();

        publish(List.of(EngagementEvents.ended(id, 1, "Fin de contrat", ENDED_AT)));

        JsonNode ended = awaitEngagement(id, e -> e.get("status").asText().equals("ENDED"));
        assertThat(ended.get("endedAt").asText()).isEqualTo(ENDED_AT.toString());
        assertThat(ended.get("endedBy").asText()).isEqualTo("admin");
        assertThat(ended.get("endReason").asText()).isEqualTo("Fin de contrat");
        assertThat(ended.get("lastEventAt").asText()).isEqualTo(ENDED_AT.toString());
        assertThat(ended.get("providerHourlyRate").decimalValue()).isEqualByComparingTo("18");
        assertThat(lastAppliedSequence(id)).isEqualTo(1L);
    }

    @Test
    void shouldChangeNothing_whenEveryEventIsDeliveredAgain() throws Exception {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        List<CloudEvent> events = List.of(EngagementEvents.startedEvent(started(id, uniqueProvider())),
                EngagementEvents.ended(id, 1, "Fin de contrat", ENDED_AT));
        publish(events);
        JsonNode before = awaitEngagement(id, e -> e.get("status").asText().equals("ENDED"));

        publish(events);
        publish(List.of(EngagementEvents.startedEvent(started(marker, uniqueProvider()))));

        awaitEngagement(marker, e -> true);
        assertThat(get("/api/engagements/" + id).getBody()).isEqualTo(before);
        assertThat(lastAppliedSequence(id)).isEqualTo(1L);
        assertThat(skipReasons(id)).isEmpty();
    }

    @Test
    void shouldKeepTheFirstEnd_andRecordTheSkip_whenASecondEndArrives() throws Exception {
        UUID id = UUID.randomUUID();
        publish(List.of(EngagementEvents.startedEvent(started(id, uniqueProvider())),
                EngagementEvents.ended(id, 1, "Fin de contrat", ENDED_AT),
                EngagementEvents.ended(id, 2, "Autre fin", ENDED_AT.plusSeconds(3600))));

        await().atMost(Duration.ofSeconds(30)).until(() -> lastAppliedSequence(id), s -> Long.valueOf(2).equals(s));
        JsonNode engagement = get("/api/engagements/" + id).getBody();
        assertThat(engagement.get("endedAt").asText()).isEqualTo(ENDED_AT.toString());
        assertThat(engagement.get("endReason").asText()).isEqualTo("Fin de contrat");
        assertThat(skipReasons(id)).containsExactly("engagement already ended");
    }

    @Test
    void shouldSkipAndRecordTheEnd_whenItsEngagementNeverStarted() throws Exception {
        UUID orphan = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        publish(List.of(EngagementEvents.ended(orphan, 1, "?", ENDED_AT),
                EngagementEvents.startedEvent(started(next, uniqueProvider()))));

        awaitEngagement(next, e -> true);
        assertThat(skipReasons(orphan)).containsExactly("engagement never started");
        assertThat(get("/api/engagements/" + orphan).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldListNewestFirst_filteredByStatusProviderAndAgent() throws Exception {
        String provider = uniqueProvider();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        EngagementStarted first = started(older, provider);
        EngagementStarted second = new EngagementStarted(newer.toString(), provider, List.of("yann"),
                first.internalHourlyRate(), first.providerHourlyRate(), first.calendar(), false, STARTS_ON.plusDays(1),
                null, "admin", STARTED_AT.plusSeconds(86_400));
        publish(List.of(EngagementEvents.startedEvent(first), EngagementEvents.startedEvent(second),
                EngagementEvents.ended(older, 1, "Fin de contrat", ENDED_AT)));
        awaitEngagement(older, e -> e.get("status").asText().equals("ENDED"));
        awaitEngagement(newer, e -> true);

        assertThat(ids("/api/engagements?provider=" + provider)).containsExactly(newer.toString(), older.toString());
        assertThat(ids("/api/engagements?provider=" + provider + "&status=ACTIVE")).containsExactly(newer.toString());
        assertThat(ids("/api/engagements?provider=" + provider + "&status=ENDED")).containsExactly(older.toString());
        assertThat(ids("/api/engagements?provider=" + provider + "&agent=zoe")).containsExactly(older.toString());
        assertThat(ids("/api/engagements?provider=" + provider + "&limit=1")).containsExactly(newer.toString());
        JsonNode withoutEnd = get("/api/engagements/" + newer).getBody();
        assertThat(withoutEnd.get("plannedEndOn").isNull()).isTrue();
        assertThat(withoutEnd.get("dpaSigned").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswer404Problem_namingTheId_whenTheEngagementIsUnknown() {
        UUID id = UUID.randomUUID();

        ResponseEntity<JsonNode> response = get("/api/engagements/" + id);

        assertProblem(response, HttpStatus.NOT_FOUND, "No engagement with id " + id);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:engagement-not-found");
    }

    @Test
    void shouldAnswer400Problem_whenTheIdStatusOrLimitIsInvalid() {
        assertProblem(get("/api/engagements/not-a-uuid"), HttpStatus.BAD_REQUEST,
                "'id' must be a UUID; got 'not-a-uuid'");
        assertProblem(get("/api/engagements?status=PAUSED"), HttpStatus.BAD_REQUEST,
                "'status' must be one of [ACTIVE, ENDED]");
        assertProblem(get("/api/engagements?limit=0"), HttpStatus.BAD_REQUEST,
                "'limit' must be greater than or equal to 1");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static EngagementStarted started(UUID id, String provider) {
        return EngagementEvents.started(id, provider, List.of("amina", "zoe"), STARTS_ON, STARTED_AT);
    }

    /** One partition: records are read in the order sent. */
    private void publish(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            cloudEvents().send(TOPIC, event.getSubject(), event).get();
        }
    }

    /** As admin, who may read engagements. */
    @Override
    protected ResponseEntity<JsonNode> get(String path) {
        return getAs("admin", path);
    }

    private JsonNode awaitEngagement(UUID id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> response = get("/api/engagements/" + id);
            return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
        }, engagement -> engagement != null && condition.test(engagement));
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        get(path).getBody().forEach(engagement -> ids.add(engagement.get("engagementId").asText()));
        return ids;
    }

    private Long lastAppliedSequence(UUID id) {
        return jdbc.sql("SELECT sequence FROM last_applied_sequence WHERE projection = 'engagement'"
                        + " AND aggregate_id = ?")
                .param(id.toString()).query(Long.class).optional().orElse(null);
    }

    private List<String> skipReasons(UUID id) {
        return jdbc.sql("SELECT reason FROM projection_event_skipped WHERE projection = 'engagement'"
                        + " AND aggregate_id = ? ORDER BY sequence")
                .param(id.toString()).query(String.class).list();
    }

    private static String uniqueProvider() {
        return "provider-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
