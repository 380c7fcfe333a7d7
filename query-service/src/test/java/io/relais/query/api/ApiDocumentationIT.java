package io.relais.query.api;

import static io.relais.testsupport.OpenApiAssertions.PROBLEM_JSON;
import static io.relais.testsupport.OpenApiAssertions.assertProblemResponse;
import static io.relais.testsupport.OpenApiAssertions.assertSameProblem;
import static io.relais.testsupport.OpenApiAssertions.escape;
import static io.relais.testsupport.OpenApiAssertions.exampleOf;
import static io.relais.testsupport.OpenApiAssertions.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.query.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 7: query-service's OpenAPI document and Swagger UI are served without credentials (although the service
 * serves no static resources of its own), describe the reads with their problem+json refusals, and opening them
 * opened nothing else. The documented refusals are checked against what the service really answers.
 */
class ApiDocumentationIT extends IntegrationTestSupport {


    @Test
    void shouldServeTheOpenApiDocument_toAnonymousCallers() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode doc = response.getBody();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Relais query service");
        assertThat(doc.at("/info/version").asText()).isNotBlank().doesNotContain("@").isNotEqualTo("unknown");
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/timeline", "/api/kpis",
                "/api/kpis/series", "/api/sla-alerts", "/api/processes", "/api/processes/{id}", "/api/engagements",
                "/api/access/grants", "/api/access/grants/{id}", "/api/access/history", "/api/access/as-of",
                "/api/access/review", "/api/audit/trail", "/api/audit/verification", "/api/webhooks/subscriptions",
                "/api/webhooks/subscriptions/{id}", "/api/webhooks/subscriptions/{id}/deliveries",
                "/api/webhooks/deliveries/{id}", "/api/webhooks/deliveries/{id}/attempts",
                "/api/webhooks/dead-letters")) {
            assertThat(paths.at("/" + escape(path) + "/get").isObject()).as("GET " + path).isTrue();
        }
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void shouldDeclareBasicAndBearerSchemes_requiredOnEveryOperation() {
        JsonNode doc = apiDocs();

        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerJwt/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/bearerJwt/bearerFormat").asText()).isEqualTo("JWT");
        List<String> global = new ArrayList<>();
        doc.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactly("basicAuth", "bearerJwt");
        operations(doc).forEach(operation -> assertThat(operation.has("security")).isFalse());
    }

    @Test
    void shouldDocumentProblemJsonRefusals_onEveryOperation() {
        JsonNode doc = apiDocs();

        assertThat(doc.at("/components/schemas/Problem/properties").has("type")).isTrue();
        for (JsonNode operation : operations(doc)) {
            for (String status : List.of("401", "403")) {
                assertProblemResponse(operation, status);
            }
        }
        for (JsonNode read : reads(doc)) {
            assertThat(read.path("responses").has("409")).as("reads do not conflict").isFalse();
        }
        JsonNode list = doc.at("/paths/~1api~1tasks/get");
        assertProblemResponse(list, "400");
        JsonNode one = doc.at("/paths/~1api~1tasks~1{id}/get");
        for (String status : List.of("400", "401", "403", "404")) {
            assertProblemResponse(one, status);
        }
        assertThat(exampleOf(one, "404").path("type").asText()).isEqualTo("urn:relais:problem:task-not-found");
        assertProblemResponse(doc.at("/paths/~1api~1kpis/get"), "403");
        assertThat(exampleOf(doc.at("/paths/~1api~1access~1grants~1{id}/get"), "404").path("type").asText())
                .isEqualTo("urn:relais:problem:grant-not-found");

        JsonNode create = doc.at("/paths/~1api~1webhooks~1subscriptions/post");
        assertThat(create.at("/responses/201").isObject()).as("creating a subscription answers 201").isTrue();
        for (String status : List.of("400", "401", "403", "413", "429")) {
            assertProblemResponse(create, status);
        }
        assertThat(exampleOf(doc.at("/paths/~1api~1webhooks~1subscriptions~1{id}/get"), "404").path("type").asText())
                .isEqualTo("urn:relais:problem:webhook-subscription-not-found");
        JsonNode redelivery = doc.at("/paths/~1api~1webhooks~1deliveries~1{id}~1redelivery/post");
        assertProblemResponse(redelivery, "404");
        assertThat(redelivery.at("/responses/409/content/" + escape(PROBLEM_JSON) + "/examples")
                .has("webhook-delivery-not-dead")).isTrue();
    }

    @Test
    void shouldDocumentTheRefusalsAsTheServiceAnswersThem() {
        JsonNode one = apiDocs().at("/paths/~1api~1tasks~1{id}/get");
        String documentedId = exampleOf(one, "404").path("instance").asText().substring("/api/tasks/".length());

        assertSameProblem(http.getForEntity("/api/tasks/" + documentedId, JsonNode.class), HttpStatus.UNAUTHORIZED,
                exampleOf(one, "401"));
        ResponseEntity<JsonNode> forbidden = getAs("victor", "/api/tasks/" + documentedId);
        assertSameProblem(forbidden, HttpStatus.FORBIDDEN, exampleOf(one, "403"));
        assertThat(forbidden.getBody().get("detail")).isEqualTo(exampleOf(one, "403").get("detail"));
        ResponseEntity<JsonNode> missing = get("/api/tasks/" + documentedId);
        assertSameProblem(missing, HttpStatus.NOT_FOUND, exampleOf(one, "404"));
        assertThat(missing.getBody().get("detail")).isEqualTo(exampleOf(one, "404").get("detail"));
        assertThat(get("/api/tasks/" + UUID.randomUUID()).getBody().get("type"))
                .isEqualTo(exampleOf(one, "404").get("type"));
    }

    @Test
    void shouldServeSwaggerUi_toAnonymousCallers_withoutStaticResourcesOfTheService() {
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
        // still no static content of the service's own: an unknown path is an unknown endpoint
        assertThat(getAs("marc", "/index.html").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldKeepTheApiClosed_toAnonymousCallers() {
        for (String path : List.of("/api/tasks", "/api/kpis", "/api/audit/trail", "/api/access/grants")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode apiDocs() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<JsonNode> reads(JsonNode doc) {
        List<JsonNode> reads = new ArrayList<>();
        doc.path("paths").forEach(item -> {
            if (item.has("get")) {
                reads.add(item.get("get"));
            }
        });
        return reads;
    }
}
