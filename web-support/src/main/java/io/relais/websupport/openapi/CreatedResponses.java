package io.relais.websupport.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Operations answering {@code 201 Created} with a {@code Location} (springdoc cannot tell from a
 * {@code ResponseEntity<?>}): their success response is documented as 201 instead of the 200 springdoc infers.
 */
public class CreatedResponses implements OpenApiCustomizer {

    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /** @param description what was created, and where {@code Location} points */
    public CreatedResponses add(String method, String path, String description) {
        descriptions.put(method.toUpperCase(Locale.ROOT) + " " + path, description);
        return this;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String description = descriptions.get(method.name() + " " + path);
            if (description != null) {
                created(operation, description);
            }
        }));
    }

    private static void created(Operation operation, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse ok = responses.get("200");
        ApiResponse created = new ApiResponse().description(description)
                .content(ok == null ? null : ok.getContent())
                .addHeaderObject("Location", new Header().description("Where the created item is read")
                        .schema(new StringSchema().format("uri")));
        ApiResponses sorted = new ApiResponses();
        sorted.addApiResponse("201", created);
        responses.forEach((status, response) -> {
            if (!"200".equals(status)) {
                sorted.addApiResponse(status, response);
            }
        });
        operation.setResponses(sorted);
    }
}
