package io.relais.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relais.contract.Topics;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.access.ReviewDecision;
import io.relais.contract.audit.ChainHead;
import io.relais.contract.audit.DeniedAttemptRecorded;
import io.relais.query.ChainedEvents;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.access.AccessEvents;
import io.relais.query.access.AccessFold;
import io.relais.query.access.AccessStep;
import io.relais.query.projection.ContractJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The raw trail and its tamper evidence: chained records on the event topics (as the relay publishes them), read back
 * as NDJSON pages, replayed into the access registry, and verified after rows of the copy are updated or deleted
 * (each tamper is undone afterwards: every IT shares one database, hence one trail).
 */
class AuditTrailIT extends IntegrationTestSupport {

    private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");
    private static final ObjectMapper JSON = ContractJson.mapper();

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldServeTheTrailInGlobalOrder_asNdjsonPagesWithACursor() throws Exception {
        AccessGranted grant = grantReviewedAndRevoked();
        awaitCopyComplete();

        ResponseEntity<String> first = trail("/api/audit/trail?aggregate=" + grant.grantId() + "&limit=2");

        assertThat(first.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/x-ndjson"));
        List<JsonNode> lines = lines(first.getBody());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("event");
        assertThat(lines.get(0).get("type").asText()).isEqualTo("relais.access.granted.v1");
        assertThat(lines.get(0).get("sequence").asLong()).isZero();
        assertThat(lines.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(lines.get(0).get("actorRoles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(lines.get(0).get("correlationId").asText()).isEqualTo("test-" + grant.grantId() + "-0");
        assertThat(lines.get(0).get("time").asText()).isEqualTo(AT.toString());
        assertThat(lines.get(0).get("data").get("principal").asText()).isEqualTo(grant.principal());
        assertThat(lines.get(0).get("chainHash").asText()).hasSize(64);
        assertThat(lines.get(1).get("position").asLong()).isGreaterThan(lines.get(0).get("position").asLong());
        JsonNode cursor = lines.get(2);
        assertThat(cursor.get("kind").asText()).isEqualTo("cursor");
        assertThat(cursor.get("more").asBoolean()).isTrue();
        assertThat(cursor.get("after").asLong()).isEqualTo(lines.get(1).get("position").asLong());
        assertThat(first.getHeaders().getFirst("Relais-Trail-Next-After")).isEqualTo(cursor.get("after").asText());

        List<JsonNode> second = lines(trail("/api/audit/trail?aggregate=" + grant.grantId() + "&limit=2&after="
                + cursor.get("after").asLong()).getBody());
        assertThat(second).hasSize(2);
        assertThat(second.get(0).get("type").asText()).isEqualTo("relais.access.revoked.v1");
        assertThat(second.get(0).get("data").get("reason").asText()).isEqualTo("Fin de mission");
        assertThat(second.get(1).get("more").asBoolean()).isFalse();
    }

    @Test
    void shouldReproduceTheAccessRegistryExactly_whenReplayingTheTrailsAccessEvents() throws Exception {
        grantReviewedAndRevoked();
        AccessGranted expiring = grant("zoe-" + suffix, AT.plusSeconds(60), AT.plusSeconds(3600));
        send(expiring.grantId(), 1, new AccessExpired(expiring.grantId(), expiring.principal(), expiring.resource(),
                AT.plusSeconds(3600)));
        grant("yann-" + suffix, AT.plusSeconds(120), null);
        awaitCopyComplete();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(replayedRegistry()).isEqualTo(registry()).isNotEmpty());
    }

    @Test
    void shouldIncludeDeniedAttempts_relayedByOtherServicesAndRefusedHere() throws Exception {
        String relayed = UUID.randomUUID().toString();
        bytes().send(Topics.DENIED_ATTEMPTS.name(), relayed, ContractEvents.json(new DeniedAttemptRecorded(relayed,
                AT, "command-service", "FORBIDDEN", "yann", "POST", "/api/engagements", "10.0.0.7", "corr-" + suffix,
                "role AGENT may not start engagements"))).get();
        assertThat(getAs("yann", "/api/audit/trail?limit=1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonNode> denied = new java.util.HashMap<>();
            long deniedAfter = 0;
            while (true) {
                List<JsonNode> page = lines(trail("/api/audit/trail?include=denied&limit=1000&after="
                        + ChainedEvents.lastPosition() + "&deniedAfter=" + deniedAfter).getBody());
                page.stream().filter(line -> line.get("kind").asText().equals("denied-attempt"))
                        .forEach(line -> denied.put(line.get("id").asText(), line));
                JsonNode cursor = page.get(page.size() - 1);
                if (!cursor.get("more").asBoolean()) {
                    break;
                }
                deniedAfter = cursor.get("deniedAfter").asLong();
            }
            assertThat(denied).containsKey(relayed);
            assertThat(denied.get(relayed).get("service").asText()).isEqualTo("command-service");
            assertThat(denied.get(relayed).get("reason").asText()).contains("AGENT");
            assertThat(denied.values()).anySatisfy(line -> {
                assertThat(line.get("service").asText()).isEqualTo("query-service");
                assertThat(line.get("principal").asText()).isEqualTo("yann");
                assertThat(line.get("path").asText()).isEqualTo("/api/audit/trail");
            });
        });
    }

    @Test
    void shouldReportValid_andMatchTheLatestSignedHead_whenTheCopyIsIntact() throws Exception {
        grantReviewedAndRevoked();
        awaitCopyComplete();
        ChainHead head = publishHead(ChainedEvents.privateKey());

        JsonNode verification = awaitVerification(v -> v.path("head").path("position").asLong() == head.position());

        assertThat(verification.get("status").asText()).isEqualTo("VALID");
        assertThat(verification.get("head").get("result").asText()).isEqualTo("MATCHES");
        assertThat(verification.get("lastPosition").asLong()).isEqualTo(head.position());
        assertThat(verification.get("lastIndex").asLong()).isEqualTo(head.index());
        assertThat(verification.get("lastHash").asText()).isEqualTo(head.hash());
        assertThat(verification.get("breach").isNull()).isTrue();
    }

    @Test
    void shouldReportFirstBrokenPosition_whenARowWasUpdated() throws Exception {
        AccessGranted grant = grantReviewedAndRevoked();
        awaitCopyComplete();
        long position = positionOf(grant.grantId(), 1);
        Map<String, Object> original = row(position);
        try {
            jdbc.sql("UPDATE audit_trail_event SET data = convert_to(replace(convert_from(data, 'UTF8'),"
                    + " 'Toujours utile', 'Jamais utilisé'), 'UTF8') WHERE position = ?").param(position).update();

            JsonNode verification = verification();

            assertThat(verification.get("status").asText()).isEqualTo("BROKEN");
            JsonNode breach = verification.get("breach");
            assertThat(breach.get("position").asLong()).isEqualTo(position);
            assertThat(breach.get("cause").asText()).isEqualTo("ALTERED");
            assertThat(breach.get("subject").asText()).isEqualTo(grant.grantId());
            assertThat(breach.get("chainIndex").asLong()).isEqualTo(indexOf(position));
            assertThat(breach.get("message").asText()).contains("breaks at link " + indexOf(position))
                    .contains("position " + position).contains("altered");
            assertThat(verification.get("lastPosition").asLong()).as("the last position that still links")
                    .isEqualTo(positionOf(grant.grantId(), 0));
        } finally {
            restore(original);
        }
        assertThat(verification().get("status").asText()).isNotEqualTo("BROKEN");
    }

    @Test
    void shouldReportFirstBrokenPosition_whenARowWasDeleted() throws Exception {
        AccessGranted grant = grantReviewedAndRevoked();
        awaitCopyComplete();
        long deleted = positionOf(grant.grantId(), 1);
        long deletedIndex = indexOf(deleted);
        long next = positionOf(grant.grantId(), 2);
        Map<String, Object> original = row(deleted);
        try {
            jdbc.sql("DELETE FROM audit_trail_event WHERE position = ?").param(deleted).update();

            JsonNode verification = verification();

            assertThat(verification.get("status").asText()).isEqualTo("BROKEN");
            JsonNode breach = verification.get("breach");
            assertThat(breach.get("position").asLong()).as("the next stored link no longer follows").isEqualTo(next);
            assertThat(breach.get("cause").asText()).isEqualTo("MISSING_BEFORE");
            assertThat(breach.get("missingIndexes")).extracting(JsonNode::asLong)
                    .containsExactly(deletedIndex, deletedIndex);
            assertThat(breach.get("message").asText()).contains("Links " + deletedIndex + " are missing");
        } finally {
            restore(original);
        }
        assertThat(verification().get("status").asText()).isNotEqualTo("BROKEN");
    }

    @Test
    void shouldReportIncomplete_whenTheNewestEventsWereDeletedBelowASignedHead() throws Exception {
        AccessGranted grant = grantReviewedAndRevoked();
        awaitCopyComplete();
        ChainHead head = publishHead(ChainedEvents.privateKey());
        awaitVerification(v -> v.path("head").path("position").asLong() == head.position());
        long newest = positionOf(grant.grantId(), 2);
        assertThat(newest).isEqualTo(head.position());
        Map<String, Object> original = row(newest);
        try {
            jdbc.sql("DELETE FROM audit_trail_event WHERE position = ?").param(newest).update();

            JsonNode verification = verification();

            assertThat(verification.get("breach").isNull()).as("no later link breaks").isTrue();
            assertThat(verification.get("status").asText()).isEqualTo("INCOMPLETE");
            assertThat(verification.get("head").get("result").asText()).isEqualTo("BEYOND_COPY");
            assertThat(verification.get("message").asText()).contains("before the signed head's link " + head.index());
        } finally {
            restore(original);
        }
        assertThat(verification().get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void shouldNeverTrustAHead_whoseSignatureDoesNotVerify() throws Exception {
        grantReviewedAndRevoked();
        awaitCopyComplete();
        long rejectedBefore = verification().get("rejectedHeads").asLong();
        ChainHead genuine = ChainedEvents.head(ChainedEvents.privateKey(), Instant.now());
        ChainHead forged = new ChainHead(genuine.index() + 10, genuine.hash(), genuine.position() + 1_000,
                genuine.signedAt(), genuine.keyId(),
                ChainedEvents.head(ChainedEvents.keyPair().getPrivate(), genuine.signedAt()).signature());
        bytes().send(Topics.AUDIT_HEADS.name(), "chain", ContractEvents.json(forged)).get();

        JsonNode verification = awaitVerification(v -> v.get("rejectedHeads").asLong() > rejectedBefore);

        assertThat(verification.get("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("head").path("index").asLong()).isLessThan(forged.index());
    }

    @Test
    void shouldStoreARedeliveredRecordOnce() throws Exception {
        AccessGranted grant = AccessEvents.granted(UUID.randomUUID().toString(), "amina-" + suffix,
                "crm-" + suffix, null, AT, null);
        var record = ChainedEvents.next(grant.grantId(), 0, grant, ContractEvents.ADMIN, AT);
        bytes().send(record).get();
        bytes().send(record).get();
        awaitCopyComplete();

        assertThat(jdbc.sql("SELECT count(*) FROM audit_trail_event WHERE subject = ?").param(grant.grantId())
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(verification().get("status").asText()).isNotEqualTo("BROKEN");
    }

    @Test
    void shouldRefuseEveryoneButAuditorsAndAdmins_with403Problems() {
        for (String path : List.of("/api/audit/trail", "/api/audit/verification", "/api/access/grants",
                "/api/access/review", "/api/access/as-of?at=2026-03-14T10:00:00Z&resource=x")) {
            for (String user : List.of("claire", "marc", "amina", "victor")) {
                assertProblem(getAs(user, path), HttpStatus.FORBIDDEN, "");
            }
            for (String user : List.of("audrey", "admin")) {
                assertThat(http.withBasicAuth(user, "demo-" + user).getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertProblem(getAs("audrey", "/api/audit/trail?limit=0"), HttpStatus.BAD_REQUEST, "'limit'");
        assertProblem(getAs("audrey", "/api/audit/trail?after=x"), HttpStatus.BAD_REQUEST, "'after' must be an integer");
        assertProblem(getAs("audrey", "/api/audit/trail?include=everything"), HttpStatus.BAD_REQUEST,
                "'include' may only be 'denied'");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A grant reviewed (sequence 1) then revoked (sequence 2): three consecutive links of the chain. */
    private AccessGranted grantReviewedAndRevoked() throws Exception {
        AccessGranted grant = grant("amina-" + suffix, AT, AT.plusSeconds(86_400 * 30));
        send(grant.grantId(), 1, AccessEvents.reviewed(grant, ReviewDecision.KEPT, "Toujours utile",
                AT.plusSeconds(3600)));
        send(grant.grantId(), 2, AccessEvents.revoked(grant, "Fin de mission", AT.plusSeconds(7200)));
        return grant;
    }

    private AccessGranted grant(String principal, Instant at, Instant expiresAt) throws Exception {
        AccessGranted grant = AccessEvents.granted(UUID.randomUUID().toString(), principal, "payroll-" + suffix,
                null, at, expiresAt);
        send(grant.grantId(), 0, grant);
        return grant;
    }

    private void send(String grantId, long sequence, Object payload) throws Exception {
        bytes().send(ChainedEvents.next(grantId, sequence, payload, ContractEvents.ADMIN,
                AccessStep.statedAt(payload))).get();
    }

    private ChainHead publishHead(java.security.PrivateKey key) throws Exception {
        ChainHead head = ChainedEvents.head(key, Instant.now());
        bytes().send(Topics.AUDIT_HEADS.name(), "chain", ContractEvents.json(head)).get();
        return head;
    }

    /** Every chained record published so far is in the copy (other ITs' unchained records never are). */
    private void awaitCopyComplete() {
        long last = ChainedEvents.lastPosition();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM audit_trail_event"
                + " WHERE position = ?").param(last).query(Long.class).single() == 1);
    }

    private JsonNode verification() {
        ResponseEntity<JsonNode> response = getAs("audrey", "/api/audit/verification");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode awaitVerification(java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(this::verification, condition);
    }

    private ResponseEntity<String> trail(String path) {
        ResponseEntity<String> response = http.withBasicAuth("audrey", "demo-audrey").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private static List<JsonNode> lines(String ndjson) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** Every access event of the trail, page by page, folded in global order. */
    private Set<JsonNode> replayedRegistry() throws Exception {
        AccessFold fold = new AccessFold();
        long after = -1;
        while (true) {
            List<JsonNode> page = lines(trail("/api/audit/trail?limit=1000&after=" + after).getBody());
            for (JsonNode line : page) {
                if (line.get("kind").asText().equals("event") && line.get("type").asText().startsWith("relais.access.")) {
                    Class<?> type = switch (line.get("type").asText()) {
                        case "relais.access.granted.v1" -> AccessGranted.class;
                        case "relais.access.revoked.v1" -> AccessRevoked.class;
                        case "relais.access.expired.v1" -> AccessExpired.class;
                        case "relais.access.reviewed.v1" -> AccessReviewed.class;
                        default -> throw new AssertionError(line);
                    };
                    Object payload = JSON.treeToValue(line.get("data"), type);
                    fold.apply(AccessStep.of(payload, line.get("actor").asText(null),
                            Instant.parse(line.get("time").asText())));
                }
            }
            JsonNode cursor = page.get(page.size() - 1);
            if (!cursor.get("more").asBoolean()) {
                break;
            }
            after = cursor.get("after").asLong();
        }
        Set<JsonNode> grants = new HashSet<>();
        fold.grants().forEach(grant -> grants.add(JSON.valueToTree(grant)));
        return grants;
    }

    private Set<JsonNode> registry() {
        ArrayNode grants = (ArrayNode) getAs("audrey", "/api/access/grants?limit=1000").getBody();
        Set<JsonNode> registry = new HashSet<>();
        grants.forEach(registry::add);
        return registry;
    }

    private long positionOf(String subject, long sequence) {
        return jdbc.sql("SELECT position FROM audit_trail_event WHERE subject = ? AND sequence = ?")
                .params(subject, sequence).query(Long.class).single();
    }

    private long indexOf(long position) {
        return jdbc.sql("SELECT chain_index FROM audit_trail_event WHERE position = ?").param(position)
                .query(Long.class).single();
    }

    private Map<String, Object> row(long position) {
        return jdbc.sql("SELECT * FROM audit_trail_event WHERE position = ?").param(position).query().singleRow();
    }

    /** Undoes a tamper: the row exactly as it was. */
    private void restore(Map<String, Object> row) {
        jdbc.sql("DELETE FROM audit_trail_event WHERE position = ?").param(row.get("position")).update();
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.sql("INSERT INTO audit_trail_event (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")")
                .paramSource(row)
                .update();
    }
}
