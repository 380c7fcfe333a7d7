package io.relais.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input bar of BRIEF §8 on every command endpoint, as a seeded fuzzer: valid requests are mutated into
 * malformed JSON, wrong types, huge strings and arrays, unknown and server-owned fields, invalid enum values, wrong
 * state transitions, other organisations' tasks, unknown ids, and missing or forged credentials. Every answer must be
 * a 4xx {@code application/problem+json} naming the problem, and no event may be written. The seed is printed in the
 * failure message, so any failing case can be replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=100000"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_bad_input");
    private static final long SEED = Long.getLong("relais.fuzz.seed", 20261123L);
    private static final int CASES_PER_ENDPOINT = 50;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(SEED);

    private String requestedTask;   // REQUESTED, nobody assigned
    private String ameliasTask;     // assigned to amina (backoffice-pro)
    private String grant;           // an active grant

    /** A valid request per endpoint: who may send it, where, and a valid body (null: no body). */
    private record Endpoint(String user, String path, String body) {
    }

    @BeforeAll
    void fixtures() throws Exception {
        requestedTask = id(send("claire", "/api/tasks", "{\"title\": \"Factures\", \"type\": \"INVOICING\"}"));
        send("admin", "/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["amina"], "internalHourlyRate": 45,
                 "providerHourlyRate": 18, "dpaSigned": true, "startsOn": "2026-03-01", "plannedEndOn": "2099-02-28"}""");
        ameliasTask = id(send("claire", "/api/tasks", "{\"title\": \"Relances\", \"type\": \"PAYMENT_REMINDER\"}"));
        assertThat(send("marc", "/api/tasks/" + ameliasTask + "/assignment", "{\"agent\": \"amina\"}").statusCode())
                .isEqualTo(200);
        grant = id(send("admin", "/api/access/grants",
                "{\"principal\": \"marc\", \"resource\": \"crm\", \"level\": \"READ\", \"purpose\": \"Suivi\"}"));
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("claire", "/api/tasks", """
                        {"title": "Facture client", "description": "Dupont", "type": "INVOICING", "priority": "HIGH",
                         "confidentiality": "INTERNAL", "slaPolicy": "BUSINESS_HOURS(24)"}"""),
                new Endpoint("marc", "/api/tasks/" + requestedTask + "/assignment", "{\"agent\": \"amina\"}"),
                new Endpoint("marc", "/api/tasks/" + ameliasTask + "/hold", "{\"reason\": \"Attente client\"}"),
                new Endpoint("amina", "/api/tasks/" + ameliasTask + "/completion",
                        "{\"timeSpentMinutes\": 30, \"checklist\": [{\"item\": \"Montant\", \"passed\": true, \"note\": null}]}"),
                new Endpoint("marc", "/api/tasks/" + ameliasTask + "/priority", "{\"priority\": \"LOW\"}"),
                new Endpoint("claire", "/api/tasks/" + requestedTask + "/escalation", "{\"reason\": \"Urgent\"}"),
                new Endpoint("claire", "/api/tasks/" + ameliasTask + "/incidents",
                        "{\"kind\": \"ERROR\", \"severity\": \"LOW\", \"description\": \"Erreur de montant\"}"),
                new Endpoint("admin", "/api/engagements", """
                        {"providerOrganisation": "assistance-plus", "agents": ["yann"], "internalHourlyRate": 45,
                         "providerHourlyRate": 20, "dpaSigned": true, "startsOn": "2026-03-01", "plannedEndOn": "2027-02-28"}"""),
                new Endpoint("admin", "/api/processes", """
                        {"title": "Relances", "objective": "Relancer", "scope": "Factures", "taskType": "payment_reminder",
                         "slaPolicy": "BUSINESS_DAYS(2)",
                         "raci": {"responsible": ["AGENT"], "accountable": "marc", "consulted": [], "informed": []},
                         "resources": ["crm"], "tools": [], "templates": [], "steps": ["Relancer"], "qualityChecks": [],
                         "kpis": [], "annexes": []}"""),
                new Endpoint("admin", "/api/access/grants",
                        "{\"principal\": \"paul\", \"resource\": \"crm\", \"level\": \"READ\", \"purpose\": \"Suivi\"}"),
                new Endpoint("admin", "/api/access/grants/" + grant + "/review",
                        "{\"decision\": \"KEPT\", \"comment\": \"Utile\"}"));
    }

    @Test
    void shouldAnswerEveryMalformedRequest_with4xxProblem_andWriteNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long before = storedEvents();
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                Mutation mutation = mutate(endpoint);
                cases++;
                check(mutation, send(mutation.user(), mutation.path(), mutation.body(), mutation.headers()), failures);
            }
        }
        for (Mutation mutation : stateAndIdentityCases()) {
            cases++;
            check(mutation, send(mutation.user(), mutation.path(), mutation.body(), mutation.headers()), failures);
        }

        assertThat(failures).as("seed %d: requests not answered 4xx problem+json", SEED).isEmpty();
        assertThat(storedEvents()).as("seed %d: events written by refused requests", SEED).isEqualTo(before);
        assertThat(cases).isGreaterThanOrEqualTo(500);
    }

    private record Mutation(String kind, String user, String path, String body, Map<String, String> headers) {
    }

    private void check(Mutation mutation, HttpResponse<String> response, List<String> failures) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        boolean problem = contentType.startsWith("application/problem+json");
        String detail = "";
        if (problem) {
            try {
                JsonNode body = json.readTree(response.body());
                detail = body.path("detail").asText();
                problem = body.path("status").asInt() == response.statusCode() && body.hasNonNull("type")
                        && !detail.isBlank();
            } catch (Exception unreadable) {
                problem = false;
            }
        }
        if (response.statusCode() < 400 || response.statusCode() >= 500 || !problem) {
            failures.add(mutation.kind() + " " + mutation.path() + " as " + mutation.user() + " -> "
                    + response.statusCode() + " " + contentType + " " + abbreviate(response.body()) + " for body "
                    + abbreviate(mutation.body()));
        }
    }

    // --- generating the corpus -----------------------------------------------------------------------------------

    private Mutation mutate(Endpoint endpoint) throws Exception {
        ObjectNode valid = (ObjectNode) json.readTree(endpoint.body());
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        ObjectNode body = valid.deepCopy();
        return switch (random.nextInt(11)) {
            case 0 -> raw(endpoint, "malformed JSON", truncated(endpoint.body()));
            case 1 -> raw(endpoint, "trailing garbage", endpoint.body() + random.nextInt(10) + "}");
            case 2 -> {
                body.set(field, wrongType(valid.get(field)));
                yield raw(endpoint, "wrong type for " + field, body.toString());
            }
            case 3 -> {
                body.put(textField(valid).orElse(field), "x".repeat(70_000));
                yield raw(endpoint, "huge string", body.toString());
            }
            case 4 -> {
                body.put(textField(valid).orElse(field), "x".repeat(5_000 + random.nextInt(20_000)));
                yield raw(endpoint, "oversized string", body.toString());
            }
            case 5 -> {
                ArrayNode array = body.putArray(field);
                for (int i = 0; i < 2_000 + random.nextInt(20_000); i++) {
                    array.add(random.nextInt());
                }
                yield raw(endpoint, "huge array in " + field, body.toString());
            }
            case 6 -> {
                body.put("unexpected" + random.nextInt(1000), "x");
                yield raw(endpoint, "unknown field", body.toString());
            }
            case 7 -> {
                String owned = List.of("actor", "requester", "taskId", "id", "grantedBy", "requestedAt", "startedBy",
                        "status", "assignedBy", "dueAt").get(random.nextInt(10));
                body.put(owned, "forged");
                yield raw(endpoint, "server-owned field " + owned, body.toString());
            }
            case 8 -> enumField(valid).map(name -> {
                body.put(name, List.of("URGENT", "ROOT", "MAYBE", "critical ", "", "0").get(random.nextInt(6)));
                return raw(endpoint, "invalid enum " + name, body.toString());
            }).orElseGet(() -> raw(endpoint, "empty object", "{}"));
            case 9 -> credentials(endpoint);
            default -> {
                body.putNull(field);
                yield fields.size() == 1 || requiredEverywhere(endpoint, field)
                        ? raw(endpoint, "null " + field, body.toString())
                        : raw(endpoint, "not JSON", "title=" + field);
            }
        };
    }

    /** Fields whose absence every endpoint refuses (the first field of each valid body is required). */
    private boolean requiredEverywhere(Endpoint endpoint, String field) throws Exception {
        return json.readTree(endpoint.body()).fieldNames().next().equals(field);
    }

    private Mutation credentials(Endpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        String kind;
        switch (random.nextInt(4)) {
            case 0 -> kind = "no credentials";
            case 1 -> {
                kind = "wrong password";
                headers.put("Authorization", basic(endpoint.user(), "demo-" + endpoint.user() + "!"));
            }
            case 2 -> {
                kind = "forged bearer token";
                headers.put("Authorization", "Bearer " + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + ".eyJzdWIiOiJhZG1pbiJ9.");
            }
            default -> {
                kind = "unknown user";
                headers.put("Authorization", basic("mallory", "demo-mallory"));
            }
        }
        return new Mutation(kind, null, endpoint.path(), endpoint.body(), headers);
    }

    /** Wrong states, other organisations, unknown and malformed ids: valid bodies the domain refuses. */
    private List<Mutation> stateAndIdentityCases() {
        String unknown = UUID.randomUUID().toString();
        List<Mutation> cases = new ArrayList<>();
        for (String action : List.of("start", "approval", "resumption")) {
            cases.add(new Mutation("wrong state", action.equals("start") ? "amina" : "marc",
                    "/api/tasks/" + requestedTask + "/" + action, null, Map.of()));
        }
        cases.add(new Mutation("rating before approval", "claire", "/api/tasks/" + requestedTask + "/rating",
                "{\"rating\": 8}", Map.of()));
        cases.add(new Mutation("other organisation", "yann", "/api/tasks/" + ameliasTask + "/start", null, Map.of()));
        cases.add(new Mutation("other requester", "paul", "/api/tasks/" + requestedTask + "/cancellation",
                "{\"reason\": \"x\"}", Map.of()));
        cases.add(new Mutation("unknown task", "marc", "/api/tasks/" + unknown + "/approval", null, Map.of()));
        cases.add(new Mutation("malformed id", "marc", "/api/tasks/not-a-uuid/approval", null, Map.of()));
        cases.add(new Mutation("unknown grant", "admin", "/api/access/grants/" + unknown + "/revocation",
                "{\"reason\": \"x\"}", Map.of()));
        cases.add(new Mutation("task id as engagement", "admin", "/api/engagements/" + requestedTask + "/end",
                "{\"reason\": \"x\"}", Map.of()));
        cases.add(new Mutation("agent without engagement", "marc", "/api/tasks/" + requestedTask + "/assignment",
                "{\"agent\": \"nobody-engaged\"}", Map.of()));
        return cases;
    }

    private Mutation raw(Endpoint endpoint, String kind, String body) {
        return new Mutation(kind, endpoint.user(), endpoint.path(), body, Map.of());
    }

    private String truncated(String body) {
        String compact = body.replaceAll("\\s+", " ");
        return compact.substring(0, 1 + random.nextInt(compact.length() - 2));
    }

    private JsonNode wrongType(JsonNode value) {
        if (value != null && value.isTextual()) {
            return random.nextBoolean() ? json.getNodeFactory().numberNode(random.nextInt(1000))
                    : json.createArrayNode().add(value.asText());
        }
        if (value != null && value.isNumber()) {
            return random.nextBoolean() ? json.getNodeFactory().textNode("abc") : json.createObjectNode().put("n", 1);
        }
        if (value != null && value.isBoolean()) {
            return json.getNodeFactory().textNode("yes");
        }
        return json.getNodeFactory().numberNode(42);
    }

    private java.util.Optional<String> textField(ObjectNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue().isTextual() && !enumNames().contains(entry.getKey())) {
                return java.util.Optional.of(entry.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<String> enumField(ObjectNode body) {
        return enumNames().stream().filter(body::has).findFirst();
    }

    private static List<String> enumNames() {
        return List.of("priority", "confidentiality", "kind", "severity", "level", "decision");
    }

    // --- HTTP --------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String user, String path, String body) throws Exception {
        return send(user, path, body, Map.of());
    }

    private HttpResponse<String> send(String user, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, "demo-" + user));
        }
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String id(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
