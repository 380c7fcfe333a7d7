package io.relais.websupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.websupport.security.RelaisSecurityProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemResponsesDocumentationTest {

    @Test
    void shouldDocumentTheRefusalsThatApply_toEachKindOfOperation() {
        OpenAPI api = RelaisOpenApi.document("t", "1", "d", RelaisSecurityProperties.Mode.LOCAL);
        api.getComponents().addSchemas("ThingBody", new ObjectSchema()
                .addProperty("name", new StringSchema()).addProperty("colour", new StringSchema()));
        Operation create = new Operation().requestBody(new RequestBody().content(new Content().addMediaType(
                        "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/ThingBody")))))
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").schema(new StringSchema()))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        Operation act = new Operation().addParametersItem(new PathParameter().name("id").schema(new UUIDSchema()))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        Operation list = new Operation().addParametersItem(new QueryParameter().name("limit").schema(
                new io.swagger.v3.oas.models.media.IntegerSchema())).responses(new ApiResponses());
        Operation verify = new Operation().responses(new ApiResponses());
        api.paths(new Paths()
                .addPathItem("/api/things", new PathItem().post(create).get(list))
                .addPathItem("/api/things/{id}/start", new PathItem().post(act))
                .addPathItem("/api/verification", new PathItem().get(verify)));

        new ProblemResponsesDocumentation(
                Map.of("/api/things", new ProblemResponsesDocumentation.NotFound(
                        URI.create("urn:relais:problem:thing-not-found"), "Thing not found", "No thing with id {id}")),
                Map.of("/api/things/{id}/**", List.of(new ProblemResponsesDocumentation.Conflict("done",
                        "Already done", URI.create("urn:relais:problem:action-not-allowed"), "Conflict",
                        "Thing {id} is done", Map.of("currentState", "DONE"))))).customise(api);

        assertThat(create.getResponses().keySet()).containsExactly("200", "400", "401", "403", "413", "422", "429", "503");
        assertThat(act.getResponses().keySet()).containsExactly("200", "400", "401", "403", "404", "409", "429", "503");
        assertThat(list.getResponses().keySet()).containsExactly("400", "401", "403", "503");
        assertThat(verify.getResponses().keySet()).containsExactly("401", "403", "503");
        assertThat(example(create, "400").get("detail"))
                .isEqualTo("Unknown field 'requester'; accepted fields: colour, name");
        assertThat(example(list, "400").get("detail")).isEqualTo("'limit' must be an integer; got 'x'");
        Map<?, ?> notFound = example(act, "404");
        assertThat(notFound.get("type")).isEqualTo("urn:relais:problem:thing-not-found");
        assertThat(notFound.get("detail")).isEqualTo("No thing with id " + ProblemResponsesDocumentation.EXAMPLE_ID);
        assertThat(notFound.get("instance"))
                .isEqualTo("/api/things/" + ProblemResponsesDocumentation.EXAMPLE_ID + "/start");
        MediaType conflict = act.getResponses().get("409").getContent().get(RelaisOpenApi.PROBLEM_JSON);
        assertThat(conflict.getExamples()).containsOnlyKeys("done", "concurrent-change");
        assertThat(conflict.getExamples().get("done").getValue()).isEqualTo(Map.of("type",
                "urn:relais:problem:action-not-allowed", "title", "Conflict", "status", 409, "detail",
                "Thing " + ProblemResponsesDocumentation.EXAMPLE_ID + " is done", "instance",
                "/api/things/" + ProblemResponsesDocumentation.EXAMPLE_ID + "/start", "currentState", "DONE"));
        assertThat(conflict.getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void shouldKeepOnlyTheFieldsACallerMaySend_fromTheContractExamples() {
        assertThat(ContractExamples.fields("relais.task.assigned.v1", "agent", "engagementId"))
                .containsOnlyKeys("agent", "engagementId").containsEntry("agent", "amina");
        assertThatThrownBy(() -> ContractExamples.fields("relais.task.assigned.v1", "colour"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> example(Operation operation, String status) {
        return (Map<String, Object>) operation.getResponses().get(status).getContent().get(RelaisOpenApi.PROBLEM_JSON)
                .getExample();
    }
}
