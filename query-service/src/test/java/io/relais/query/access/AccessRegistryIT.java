package io.relais.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.ReviewDecision;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.ChainedEvents;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Real access events on relais.access.v1, read back as auditors read them: the registry, the history, the state as of
 * any instant and the review report. Each test uses principals and resources of its own.
 */
class AccessRegistryIT extends IntegrationTestSupport {

    private static final Instant GRANTED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2026-03-14T10:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2026-06-30T22:00:00Z");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String principal = "amina-" + suffix;
    private final String resource = "payroll-folder-" + suffix;

    @Test
    void shouldServeTheGrantAndItsHistory_withActorTimeAndReason_whenGrantedReviewedAndRevoked() throws Exception {
        AccessGranted grant = grant(principal, resource, null, GRANTED_AT, EXPIRES_AT);
        publish(grant.grantId(), 1, AccessEvents.reviewed(grant, ReviewDecision.KEPT, "Toujours utile",
                GRANTED_AT.plusSeconds(86_400)));
        publish(grant.grantId(), 2, AccessEvents.revoked(grant, "Fin de mission", REVOKED_AT));

        JsonNode detail = awaitGrant(grant.grantId(), "REVOKED");
        JsonNode registered = detail.get("grant");
        assertThat(registered.get("principal").asText()).isEqualTo(principal);
        assertThat(registered.get("organisation").asText()).isEqualTo("backoffice-pro");
        assertThat(registered.get("level").asText()).isEqualTo("READ");
        assertThat(registered.get("grantedBy").asText()).isEqualTo("admin");
        assertThat(registered.get("grantedAt").asText()).isEqualTo(GRANTED_AT.toString());
        assertThat(registered.get("endedBy").asText()).isEqualTo("admin");
        assertThat(registered.get("endedAt").asText()).isEqualTo(REVOKED_AT.toString());
        assertThat(registered.get("endReason").asText()).isEqualTo("Fin de mission");
        assertThat(registered.get("lastReviewDecision").asText()).isEqualTo("KEPT");
        assertThat(registered.get("lastReviewedBy").asText()).isEqualTo("audrey");
        assertThat(kinds(detail.get("history"))).containsExactly("GRANTED", "REVIEWED", "REVOKED");

        JsonNode history = getAs("audrey", "/api/access/history?principal=" + principal).getBody();
        assertThat(kinds(history)).containsExactly("GRANTED", "REVIEWED", "REVOKED");
        JsonNode revocation = history.get(2);
        assertThat(revocation.get("actor").asText()).isEqualTo("admin");
        assertThat(revocation.get("occurredAt").asText()).isEqualTo(REVOKED_AT.toString());
        assertThat(revocation.get("reason").asText()).isEqualTo("Fin de mission");
        assertThat(revocation.get("correlationId").asText()).isEqualTo("test-" + grant.grantId() + "-2");
        assertThat(revocation.get("chainPosition").asLong()).isPositive();
        assertThat(history.get(0).get("reason").asText()).isEqualTo("Préparation de la paie");
        assertThat(kinds(getAs("audrey", "/api/access/history?resource=" + resource + "&from="
                + GRANTED_AT.plusSeconds(1) + "&to=" + REVOKED_AT).getBody())).containsExactly("REVIEWED", "REVOKED");
        assertThat(ids(getAs("admin", "/api/access/grants?principal=" + principal + "&status=REVOKED").getBody()))
                .containsExactly(grant.grantId());
        assertThat(getAs("admin", "/api/access/grants?principal=" + principal + "&status=ACTIVE").getBody())
                .isEmpty();
    }

    @Test
    void shouldAnswerWhoCouldAccess_beforeAtBetweenAndAfterTheGrantAndTheRevocation() throws Exception {
        AccessGranted grant = grant(principal, resource, null, GRANTED_AT, null);
        AccessGranted other = grant("zoe-" + suffix, resource, null, GRANTED_AT.plusSeconds(3600), null);
        publish(grant.grantId(), 1, AccessEvents.revoked(grant, "Fin de mission", REVOKED_AT));
        awaitGrant(grant.grantId(), "REVOKED");
        awaitGrant(other.grantId(), "ACTIVE");

        assertThat(whoCould(GRANTED_AT.minusSeconds(1))).isEmpty();
        assertThat(whoCould(GRANTED_AT)).containsExactly(principal);
        assertThat(whoCould(GRANTED_AT.plusSeconds(7200))).containsExactlyInAnyOrder(principal, "zoe-" + suffix);
        assertThat(whoCould(REVOKED_AT.minusSeconds(1))).containsExactlyInAnyOrder(principal, "zoe-" + suffix);
        assertThat(whoCould(REVOKED_AT)).containsExactly("zoe-" + suffix);
        assertThat(whoCould(REVOKED_AT.plusSeconds(86_400))).containsExactly("zoe-" + suffix);

        JsonNode what = getAs("audrey", "/api/access/as-of?at=" + REVOKED_AT.minusSeconds(1) + "&principal="
                + principal).getBody();
        assertThat(what.get("grants")).hasSize(1);
        assertThat(what.get("grants").get(0).get("resource").asText()).isEqualTo(resource);
        assertThat(what.get("grants").get(0).get("status").asText())
                .as("the state as of then, not the current one").isEqualTo("ACTIVE");
        assertThat(getAs("audrey", "/api/access/as-of?at=" + REVOKED_AT + "&principal=" + principal).getBody()
                .get("grants")).isEmpty();
    }

    @Test
    void shouldEndTheAccessAtExpiresAt_evenWhenTheExpiryEventCameLate() throws Exception {
        AccessGranted grant = grant(principal, resource, null, GRANTED_AT, EXPIRES_AT);
        publish(grant.grantId(), 1, AccessEvents.expired(grant, EXPIRES_AT.plusSeconds(3 * 3600)));
        JsonNode detail = awaitGrant(grant.grantId(), "EXPIRED");

        assertThat(detail.get("grant").get("endReason").asText()).isEqualTo("expired");
        assertThat(whoCould(EXPIRES_AT.minusSeconds(1))).containsExactly(principal);
        assertThat(whoCould(EXPIRES_AT)).isEmpty();
        assertThat(whoCould(EXPIRES_AT.plusSeconds(3600))).isEmpty();
    }

    @Test
    void shouldChangeNothing_andRecordTheSkip_whenAGrantEndsTwiceOrIsDeliveredAgain() throws Exception {
        AccessGranted grant = grant(principal, resource, null, GRANTED_AT, EXPIRES_AT);
        publish(grant.grantId(), 1, AccessEvents.revoked(grant, "Fin de mission", REVOKED_AT));
        publish(grant.grantId(), 2, AccessEvents.expired(grant, EXPIRES_AT));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM projection_event_skipped"
                + " WHERE projection = 'access' AND aggregate_id = ?").param(grant.grantId()).query(Long.class)
                .single() == 1);

        JsonNode detail = awaitGrant(grant.grantId(), "REVOKED");
        assertThat(detail.get("grant").get("endedAt").asText()).isEqualTo(REVOKED_AT.toString());
        assertThat(kinds(detail.get("history"))).containsExactly("GRANTED", "REVOKED");
        assertThat(jdbc.sql("SELECT reason FROM projection_event_skipped WHERE projection = 'access'"
                + " AND aggregate_id = ?").param(grant.grantId()).query(String.class).single())
                .isEqualTo("grant already ended");
    }

    @Test
    void shouldReportEachGrantThatDeservesALook_withTheReasons_onAPreparedSet() throws Exception {
        Instant longAgo = Instant.parse("2025-01-06T08:00:00Z");
        Instant farAway = Instant.parse("2098-01-01T00:00:00Z");
        String signed = engagement(true, LocalDate.parse("2099-12-31"), false);
        String unsigned = engagement(false, LocalDate.parse("2097-12-31"), false);
        String ended = engagement(true, LocalDate.parse("2099-12-31"), true);
        AccessGranted used = grant(principal, resource, signed, longAgo, farAway);
        AccessGranted forever = grant(principal, "crm-" + suffix, signed, longAgo.plusSeconds(1), null);
        AccessGranted withoutDpa = grant("yann-" + suffix, resource, unsigned, longAgo.plusSeconds(2), farAway);
        AccessGranted afterEnd = grant("zoe-" + suffix, resource, ended, longAgo.plusSeconds(3),
                Instant.parse("2097-01-01T00:00:00Z"));
        AccessGranted revoked = grant("lea-" + suffix, resource, null, longAgo.plusSeconds(4), null);
        publish(revoked.grantId(), 1, AccessEvents.revoked(revoked, "Plus utile", longAgo.plusSeconds(5)));
        UUID task = UUID.randomUUID();
        ChainedPublisher tasks = new ChainedPublisher();
        tasks.send(task.toString(), 0, new TaskRequested(task.toString(), "Paie de mars", null, "PAYROLL",
                TaskPriority.HIGH, null, 0, "claire", Confidentiality.CONFIDENTIAL, "BUSINESS_DAYS(2)",
                CalendarSpec.FRANCE_DEFAULT, longAgo.plusSeconds(86_400 * 3), longAgo.plusSeconds(60),
                List.of(resource)), longAgo.plusSeconds(60));
        tasks.send(task.toString(), 1, new TaskAssigned(task.toString(), principal, "backoffice-pro", signed, "marc",
                longAgo.plusSeconds(120)), longAgo.plusSeconds(120));
        awaitGrant(revoked.grantId(), "REVOKED");
        await().atMost(Duration.ofSeconds(30)).until(() -> getAs("marc", "/api/tasks/" + task).getBody()
                .path("status").asText().equals("ASSIGNED"));

        ResponseEntity<JsonNode> response = getAs("audrey", "/api/access/review");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Set<String> mine = Set.of(used.grantId(), forever.grantId(), withoutDpa.grantId(), afterEnd.grantId(),
                revoked.grantId());
        Set<String> findings = new HashSet<>();
        response.getBody().get("findings").forEach(line -> {
            if (mine.contains(line.get("grantId").asText())) {
                findings.add(line.get("grantId").asText() + " " + line.get("finding").asText());
                assertThat(line.get("detail").asText()).isNotBlank();
            }
        });
        assertThat(findings).containsExactlyInAnyOrder(
                forever.grantId() + " NO_EXPIRY",
                forever.grantId() + " OUTLIVES_ENGAGEMENT",
                forever.grantId() + " UNUSED",
                withoutDpa.grantId() + " NO_SIGNED_DPA",
                withoutDpa.grantId() + " OUTLIVES_ENGAGEMENT",
                withoutDpa.grantId() + " UNUSED",
                afterEnd.grantId() + " OUTLIVES_ENGAGEMENT",
                afterEnd.grantId() + " UNUSED");
        assertThat(response.getBody().get("counts").get("NO_EXPIRY").asInt()).isPositive();
        assertThat(detailOf(response.getBody(), withoutDpa.grantId(), "NO_SIGNED_DPA")).contains(unsigned)
                .contains("not signed");
        assertThat(detailOf(response.getBody(), afterEnd.grantId(), "OUTLIVES_ENGAGEMENT")).contains("ended");
    }

    @Test
    void shouldAnswer400Problem_whenTheQuestionIsIncompleteOrMalformed() {
        assertProblem(getAs("audrey", "/api/access/as-of?resource=x"), HttpStatus.BAD_REQUEST, "'at' is required");
        assertProblem(getAs("audrey", "/api/access/as-of?at=2026-03-14T10:00:00Z"), HttpStatus.BAD_REQUEST,
                "Name a 'resource'");
        assertProblem(getAs("audrey", "/api/access/as-of?at=yesterday&resource=x"), HttpStatus.BAD_REQUEST,
                "'at' must be");
        assertProblem(getAs("audrey", "/api/access/history?from=2026-03-14T10:00:00Z"), HttpStatus.BAD_REQUEST,
                "Name a 'principal' or a 'resource'");
        assertProblem(getAs("audrey", "/api/access/history?resource=x&from=2026-03-14T10:00:00Z"
                + "&to=2026-03-13T10:00:00Z"), HttpStatus.BAD_REQUEST, "'from' (2026-03-14T10:00:00Z) is after 'to'");
        assertProblem(getAs("audrey", "/api/access/grants?status=SUSPENDED"), HttpStatus.BAD_REQUEST,
                "'status' must be one of [ACTIVE, REVOKED, EXPIRED]");
        assertProblem(getAs("audrey", "/api/access/grants/not-a-uuid"), HttpStatus.BAD_REQUEST, "must be a UUID");
        assertProblem(getAs("audrey", "/api/access/grants/" + UUID.randomUUID()), HttpStatus.NOT_FOUND,
                "No grant with id");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Chained records, as the relay publishes them once it chains every event. */
    private final class ChainedPublisher {
        void send(String subject, long sequence, Object payload, Instant at) throws Exception {
            bytes().send(ChainedEvents.next(subject, sequence, payload, ContractEvents.ADMIN, at)).get();
        }
    }

    private AccessGranted grant(String who, String what, String engagementId, Instant at, Instant expiresAt)
            throws Exception {
        AccessGranted grant = AccessEvents.granted(UUID.randomUUID().toString(), who, what, engagementId, at,
                expiresAt);
        publish(grant.grantId(), 0, grant);
        return grant;
    }

    private void publish(String grantId, long sequence, Object payload) throws Exception {
        new ChainedPublisher().send(grantId, sequence, payload, AccessStep.statedAt(payload));
    }

    private String engagement(boolean dpaSigned, LocalDate plannedEnd, boolean ended) throws Exception {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2025-01-02T09:00:00Z");
        ChainedPublisher publisher = new ChainedPublisher();
        publisher.send(id.toString(), 0, new EngagementStarted(id.toString(), "backoffice-pro", List.of(principal),
                new BigDecimal("45.00"), new BigDecimal("18.00"), CalendarSpec.FRANCE_DEFAULT, dpaSigned,
                LocalDate.parse("2025-01-02"), plannedEnd, "admin", at), at);
        if (ended) {
            publisher.send(id.toString(), 1, new EngagementEnded(id.toString(), "Fin anticipée", "admin",
                    at.plusSeconds(86_400)), at.plusSeconds(86_400));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> getAs("admin", "/api/engagements/" + id).getBody()
                .path("status").asText().equals(ended ? "ENDED" : "ACTIVE"));
        return id.toString();
    }

    private JsonNode awaitGrant(String grantId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> response = getAs("audrey", "/api/access/grants/" + grantId);
            return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
        }, detail -> detail != null && detail.get("grant").get("status").asText().equals(status));
    }

    private List<String> whoCould(Instant at) {
        JsonNode answer = getAs("audrey", "/api/access/as-of?at=" + at + "&resource=" + resource).getBody();
        assertThat(answer.get("at").asText()).isEqualTo(at.toString());
        List<String> principals = new ArrayList<>();
        answer.get("grants").forEach(grant -> principals.add(grant.get("principal").asText()));
        return principals;
    }

    private static List<String> kinds(JsonNode entries) {
        List<String> kinds = new ArrayList<>();
        entries.forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private static List<String> ids(JsonNode grants) {
        List<String> ids = new ArrayList<>();
        grants.forEach(grant -> ids.add(grant.get("grantId").asText()));
        return ids;
    }

    private static String detailOf(JsonNode report, String grantId, String finding) {
        for (JsonNode line : report.get("findings")) {
            if (line.get("grantId").asText().equals(grantId) && line.get("finding").asText().equals(finding)) {
                return line.get("detail").asText();
            }
        }
        throw new AssertionError("No " + finding + " line for " + grantId);
    }
}
