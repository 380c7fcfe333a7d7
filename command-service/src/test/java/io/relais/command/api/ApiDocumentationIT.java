package io.relais.command.api;

import static io.relais.testsupport.OpenApiAssertions.PROBLEM_JSON;
import static io.relais.testsupport.OpenApiAssertions.assertProblemResponse;
import static io.relais.testsupport.OpenApiAssertions.assertSameProblem;
import static io.relais.testsupport.OpenApiAssertions.escape;
import static io.relais.testsupport.OpenApiAssertions.exampleOf;
import static io.relais.testsupport.OpenApiAssertions.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 7: command-service's OpenAPI document and Swagger UI are served without credentials, describe the commands
 * with their problem+json refusals and examples, and opening them opened nothing else. The documented examples are
 * checked against what the service really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
class ApiDocumentationIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_api_docs");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldServeTheOpenApiDocument_toAnonymousCallers() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode doc = response.getBody();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Relais command service");
        assertThat(doc.at("/info/version").asText()).isNotBlank().doesNotContain("@").isNotEqualTo("unknown");
        assertThat(doc.at("/info/description").asText()).contains("problem+json");
        JsonNode paths = doc.path("paths");
        assertThat(paths.at("/~1api~1tasks/post").isObject()).isTrue();
        for (String action : List.of("assignment", "start", "hold", "resumption", "completion", "approval", "rework",
                "escalation", "priority", "cancellation", "rating", "incidents")) {
            assertThat(paths.at("/~1api~1tasks~1{id}~1" + action + "/post").isObject()).as(action).isTrue();
        }
        assertThat(paths.at("/~1api~1access~1grants/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1processes/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1engagements/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1audit~1verification/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1personal-data~1subjects~1{subject}~1erasure/post").isObject()).isTrue();
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));

        ResponseEntity<String> yaml = http.getForEntity("/v3/api-docs.yaml", String.class);
        assertThat(yaml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(yaml.getBody()).contains("openapi: 3.").contains("/api/tasks");
    }

    @Test
    void shouldDeclareBasicAndBearerSchemes_requiredOnEveryOperation() {
        JsonNode doc = apiDocs();

        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerJwt/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearerJwt/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/bearerJwt/bearerFormat").asText()).isEqualTo("JWT");
        List<String> global = new ArrayList<>();
        doc.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactly("basicAuth", "bearerJwt"); // LOCAL mode: Basic first
        operations(doc).forEach(operation -> assertThat(operation.has("security"))
                .as("no operation overrides the global requirement").isFalse());
    }

    @Test
    void shouldDocumentProblemJsonRefusals_onEveryOperation() {
        JsonNode doc = apiDocs();

        JsonNode problem = doc.at("/components/schemas/Problem");
        assertThat(problem.path("properties").has("type")).isTrue();
        assertThat(problem.path("properties").has("status")).isTrue();
        assertThat(problem.path("properties").has("detail")).isTrue();
        for (JsonNode operation : operations(doc)) {
            for (String status : List.of("401", "403", "503")) {
                assertProblemResponse(operation, status);
            }
        }
        JsonNode request = doc.at("/paths/~1api~1tasks/post");
        for (String status : List.of("400", "401", "403", "413", "422", "429")) {
            assertProblemResponse(request, status);
        }
        assertThat(request.path("responses").has("201")).as("POST /api/tasks answers 201").isTrue();
        assertThat(request.path("responses").has("409")).as("requesting a task never conflicts").isFalse();
        JsonNode complete = doc.at("/paths/~1api~1tasks~1{id}~1completion/post");
        for (String status : List.of("400", "401", "403", "404", "409")) {
            assertProblemResponse(complete, status);
        }
        assertThat(exampleOf(complete, "404").path("type").asText()).isEqualTo("urn:relais:problem:task-not-found");
        JsonNode conflict = complete.at("/responses/409/content/" + escape(PROBLEM_JSON) + "/examples");
        assertThat(conflict.at("/action-not-allowed/value/type").asText())
                .isEqualTo("urn:relais:problem:action-not-allowed");
        assertThat(conflict.at("/action-not-allowed/value/allowedActions").isArray()).isTrue();
        assertThat(conflict.has("concurrent-change")).isTrue();
        assertThat(doc.at("/paths/~1api~1access~1grants~1{id}~1revocation/post/responses/404/content/"
                + escape(PROBLEM_JSON) + "/example/type").asText()).isEqualTo("urn:relais:problem:grant-not-found");
        assertThat(doc.at("/paths/~1api~1access~1grants/post/responses/409/content/" + escape(PROBLEM_JSON)
                + "/examples/no-signed-dpa/value/type").asText()).isEqualTo("urn:relais:problem:rule-violated");
    }

    @Test
    void shouldDocumentTheRefusalsAsTheServiceAnswersThem() {
        JsonNode request = apiDocs().at("/paths/~1api~1tasks/post");

        ResponseEntity<JsonNode> anonymous = http.postForEntity("/api/tasks",
                body("{\"title\": \"x\", \"type\": \"DATA_ENTRY\"}"), JsonNode.class);
        assertSameProblem(anonymous, HttpStatus.UNAUTHORIZED, exampleOf(request, "401"));
        ResponseEntity<JsonNode> forbidden = http.withBasicAuth("victor", "demo-victor").postForEntity("/api/tasks",
                body("{\"title\": \"x\", \"type\": \"DATA_ENTRY\"}"), JsonNode.class);
        assertSameProblem(forbidden, HttpStatus.FORBIDDEN, exampleOf(request, "403"));
        assertThat(forbidden.getBody().get("detail")).isEqualTo(exampleOf(request, "403").get("detail"));
        ResponseEntity<JsonNode> unknownField = http.withBasicAuth("claire", "demo-claire").postForEntity("/api/tasks",
                body("{\"title\": \"x\", \"type\": \"DATA_ENTRY\", \"requester\": \"marc\"}"), JsonNode.class);
        assertSameProblem(unknownField, HttpStatus.BAD_REQUEST, exampleOf(request, "400"));
        assertThat(unknownField.getBody().get("detail")).isEqualTo(exampleOf(request, "400").get("detail"));

        JsonNode approval = apiDocs().at("/paths/~1api~1tasks~1{id}~1approval/post");
        JsonNode notFound = exampleOf(approval, "404");
        ResponseEntity<JsonNode> missing = http.withBasicAuth("marc", "demo-marc")
                .postForEntity(notFound.get("instance").asText(), null, JsonNode.class);
        assertSameProblem(missing, HttpStatus.NOT_FOUND, notFound);
        assertThat(missing.getBody().get("detail")).isEqualTo(notFound.get("detail"));

        String taskId = http.withBasicAuth("claire", "demo-claire").postForEntity("/api/tasks",
                body("{\"title\": \"Saisir les notes de frais\", \"type\": \"DATA_ENTRY\"}"), JsonNode.class)
                .getBody().get("id").asText();
        ResponseEntity<JsonNode> tooEarly = http.withBasicAuth("marc", "demo-marc")
                .postForEntity("/api/tasks/" + taskId + "/approval", null, JsonNode.class);
        JsonNode documented = approval.at("/responses/409/content/" + escape(PROBLEM_JSON)
                + "/examples/action-not-allowed/value");
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        for (String member : List.of("type", "title", "status")) {
            assertThat(tooEarly.getBody().get(member)).as(member).isEqualTo(documented.get(member));
        }
        assertThat(tooEarly.getBody().has("currentState")).isTrue();
        assertThat(tooEarly.getBody().has("allowedActions")).isTrue();
    }

    @Test
    void shouldCarryContractExamples_thatTheServiceAccepts() throws Exception {
        JsonNode doc = apiDocs();

        for (String path : List.of("/api/tasks", "/api/tasks/{id}/assignment", "/api/tasks/{id}/completion",
                "/api/access/grants", "/api/access/grants/{id}/review")) {
            JsonNode content = doc.at("/paths/" + escape(path) + "/post/requestBody/content/" + escape("application/json"));
            assertThat(content.path("examples").size()).as(path).isPositive();
            Set<String> accepted = new TreeSet<>();
            resolve(doc, content.path("schema")).path("properties").fieldNames().forEachRemaining(accepted::add);
            content.path("examples").forEach(example -> example.path("value").fieldNames()
                    .forEachRemaining(field -> assertThat(accepted).as(path).contains(field)));
        }
        assertThat(doc.at("/paths/~1api~1tasks~1{id}~1assignment/post/requestBody/content/application~1json"
                + "/examples/to-an-engaged-agent/value/agent").asText()).isEqualTo("amina");

        JsonNode adHoc = doc.at("/paths/~1api~1tasks/post/requestBody/content/application~1json/examples/ad-hoc/value");
        ResponseEntity<JsonNode> created = http.withBasicAuth("claire", "demo-claire")
                .postForEntity("/api/tasks", body(json.writeValueAsString(adHoc)), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldServeSwaggerUi_toAnonymousCallers() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("swagger-ui");

        ResponseEntity<String> entry = http.getForEntity("/swagger-ui.html", String.class);
        assertThat(entry.getStatusCode().is2xxSuccessful() || entry.getStatusCode().is3xxRedirection()).isTrue();
        ResponseEntity<JsonNode> config = http.getForEntity("/v3/api-docs/swagger-config", JsonNode.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody().path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(http.getForEntity("/swagger-ui/swagger-ui-bundle.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldKeepTheApiClosed_toAnonymousCallers() {
        assertThat(http.postForEntity("/api/tasks", body("{\"title\": \"x\", \"type\": \"DATA_ENTRY\"}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/audit/verification", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode apiDocs() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : doc.at(ref.substring(1));
    }

    private static HttpEntity<String> body(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }
}
