package io.relais.websupport.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Named examples of request bodies, attached to the operations they belong to (by method and path, so that two body
 * types of the same simple name in two packages cannot be confused).
 */
public class RequestBodyExamples implements OpenApiCustomizer {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyExamples.class);

    private record Entry(PathItem.HttpMethod method, String path, String name, String summary, Object value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public RequestBodyExamples add(String method, String path, String name, String summary, Map<String, Object> value) {
        entries.add(new Entry(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path, name, summary, value));
        return this;
    }

    @Override
    public void customise(OpenAPI openApi) {
        for (Entry entry : entries) {
            PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(entry.path());
            Operation operation = item == null ? null : item.readOperationsMap().get(entry.method());
            if (operation == null || operation.getRequestBody() == null
                    || operation.getRequestBody().getContent() == null) {
                log.warn("API documentation: no request body for {} {}, example '{}' left out", entry.method(),
                        entry.path(), entry.name());
                continue;
            }
            for (MediaType mediaType : operation.getRequestBody().getContent().values()) {
                mediaType.addExamples(entry.name(), new Example().summary(entry.summary()).value(entry.value()));
            }
        }
    }
}
