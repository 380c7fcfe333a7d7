package io.relais.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Checks of a service's OpenAPI document against web-support's conventions (problem+json refusals), shared by the services'
 * API documentation tests: each operation documents its refusals with the shared {@code Problem} schema and an
 * example, and a real refusal carries what its example says.
 */
public final class OpenApiAssertions {

    public static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiAssertions() {
    }

    /** {@code operation} documents {@code status} as problem+json with the shared schema and an example. */
    public static void assertProblemResponse(JsonNode operation, String status) {
        JsonNode content = operation.at("/responses/" + status + "/content/" + escape(PROBLEM_JSON));
        assertThat(content.isObject()).as(operation.path("operationId").asText() + " documents " + status).isTrue();
        assertThat(content.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(content.has("example") || content.has("examples")).isTrue();
    }

    /** The single example {@code operation} documents for {@code status}, whose own status is that one. */
    public static JsonNode exampleOf(JsonNode operation, String status) {
        JsonNode example = operation.at("/responses/" + status + "/content/" + escape(PROBLEM_JSON) + "/example");
        assertThat(example.isObject()).as(status + " example").isTrue();
        assertThat(example.path("status").asInt()).isEqualTo(Integer.parseInt(status));
        return example;
    }

    /** The service answered {@code status} with the problem {@code documented} describes. */
    public static void assertSameProblem(ResponseEntity<JsonNode> response, HttpStatus status, JsonNode documented) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        for (String member : List.of("type", "title", "status", "instance")) {
            assertThat(response.getBody().get(member)).as(member).isEqualTo(documented.get(member));
        }
    }

    /** Every operation of the document (each method of each path); the document has some. */
    public static List<JsonNode> operations(JsonNode doc) {
        List<JsonNode> operations = new ArrayList<>();
        doc.path("paths").forEach(item -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (Set.of("get", "post", "put", "patch", "delete").contains(entry.getKey())) {
                    operations.add(entry.getValue());
                }
            }
        });
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** {@code pointerSegment} as one segment of a JSON pointer (RFC 6901): a path or a media type. */
    public static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }
}
