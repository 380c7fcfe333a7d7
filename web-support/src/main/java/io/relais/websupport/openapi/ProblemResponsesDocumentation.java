package io.relais.websupport.openapi;

import io.relais.websupport.problem.ProblemTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents on every operation the refusals it can answer, each an {@code application/problem+json} body of the
 * {@code Problem} schema with an example, as web-support and the services write them:
 * <ul>
 *     <li>400 {@code invalid-request}: operations with a body or parameters;</li>
 *     <li>401 {@code unauthenticated}, 403 {@code forbidden}: every operation (none is open);</li>
 *     <li>404: operations on one item (a path variable); the type per path prefix, given by the service;</li>
 *     <li>409: writes the service names refusals for (state, rule), and writes on an item ({@code concurrent-change});
 *     429 {@code too-many-requests}: writes; 413 {@code payload-too-large}: writes with a body; 422
 *     {@code idempotency-key-reused}: operations taking an {@code Idempotency-Key};</li>
 *     <li>503 {@code temporarily-unavailable}: every operation (the database is unreachable).</li>
 * </ul>
 * Responses the controllers' annotations already describe with a problem body are kept.
 */
public class ProblemResponsesDocumentation implements OpenApiCustomizer {

    /** The example 404 of the items under a path prefix; {@code {id}} in the detail is the example id. */
    public record NotFound(URI type, String title, String detail) {
    }

    /**
     * An example 409 ({@code {id}} in the detail is the example id), with the extension members the service adds
     * (e.g. {@code currentState}, {@code allowedActions}).
     */
    public record Conflict(String name, String summary, URI type, String title, String detail,
                           Map<String, Object> members) {

        public Conflict {
            members = new TreeMap<>(members);
        }

        public Conflict(String name, String summary, URI type, String title, String detail) {
            this(name, summary, type, title, detail, Map.of());
        }
    }

    static final URI CONCURRENT_CHANGE = URI.create("urn:relais:problem:concurrent-change");

    /** The id the examples name (the contract examples' task). */
    public static final String EXAMPLE_ID = "6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Set<PathItem.HttpMethod> READS =
            Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Map<String, NotFound> notFound;
    private final Map<String, List<Conflict>> conflicts;

    /** A service without writes of its own refusals. */
    public ProblemResponsesDocumentation(Map<String, NotFound> notFound) {
        this(notFound, Map.of());
    }

    /**
     * @param notFound  per path prefix (the longest matching one wins), the 404 of its items
     * @param conflicts per path template, the 409s its writes may answer; a template ending in {@code /**} covers the
     *                  paths under it. A write on an item (a path with a variable) may also lose a race
     *                  ({@code concurrent-change}); a write with neither is documented without 409.
     */
    public ProblemResponsesDocumentation(Map<String, NotFound> notFound, Map<String, List<Conflict>> conflicts) {
        this.notFound = new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        this.notFound.putAll(notFound);
        this.conflicts = Map.copyOf(conflicts);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && (openApi.getComponents().getSchemas() == null
                || !openApi.getComponents().getSchemas().containsKey(RelaisOpenApi.PROBLEM_SCHEMA))) {
            openApi.getComponents().addSchemas(RelaisOpenApi.PROBLEM_SCHEMA, RelaisOpenApi.problemSchema());
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(openApi, path, method, operation)));
    }

    private void document(OpenAPI openApi, String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, ApiResponse> problems = new LinkedHashMap<>();
        String instance = examplePath(path);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean write = !READS.contains(method);
        boolean body = operation.getRequestBody() != null;

        if (body || !parameters.isEmpty()) {
            problems.put("400", badRequest(openApi, operation, parameters, instance, write));
        }
        problems.put("401", problem("No valid credentials: none sent, a wrong password, an expired or foreign token.",
                example(ProblemTypes.UNAUTHENTICATED, "Unauthorized", 401,
                        "Authentication required: Full authentication is required to access this resource", instance)));
        problems.put("403", problem("The caller's roles do not allow this operation (README, \"Who may do what\"). "
                        + "Every refusal is recorded as a denied attempt.",
                example(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                        "Your roles do not allow " + method + " " + instance, instance)));
        boolean onAnItem = PATH_VARIABLE.matcher(path).find();
        if (onAnItem) {
            NotFound missing = notFoundFor(path);
            problems.put("404", problem("No such item, or one the caller may not see (answered alike).",
                    example(missing.type(), missing.title(), 404, missing.detail().replace("{id}", EXAMPLE_ID),
                            instance)));
        }
        if (write) {
            List<Conflict> conflicts = conflictsOf(path, onAnItem);
            if (!conflicts.isEmpty()) {
                problems.put("409", conflict(conflicts, instance));
            }
            if (body) {
                problems.put("413", problem("The request body is larger than `RELAIS_HTTP_MAX_BODY_BYTES`.",
                        example(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload Too Large", 413,
                                "Request body is larger than 65536 bytes", instance)));
            }
        }
        if (parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()))) {
            problems.put("422", problem("The `Idempotency-Key` was used before with another body; nothing was written.",
                    example(URI.create("urn:relais:problem:idempotency-key-reused"), "Unprocessable Entity", 422,
                            "'Idempotency-Key' 2026-03-13-relances-1 was already used for a different request", instance)));
        }
        if (write) {
            ApiResponse tooMany = problem("More writes than `RELAIS_WRITE_RATE_LIMIT_PER_MINUTE` by this caller in "
                            + "a minute; `Retry-After` says when to retry.",
                    example(ProblemTypes.TOO_MANY_REQUESTS, "Too Many Requests", 429,
                            "More than 120 writes per minute by claire; retry in 12 s", instance));
            tooMany.addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                    .schema(new IntegerSchema()));
            problems.put("429", tooMany);
        }
        ApiResponse unavailable = problem("The database is unreachable; nothing was written. Retry after "
                        + "`Retry-After` seconds.",
                example(ProblemTypes.UNAVAILABLE, "Service Unavailable", 503,
                        "The database is unavailable; nothing was written. Retry later.", instance));
        unavailable.addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
        problems.put("503", unavailable);

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, ApiResponse> all = new TreeMap<>(responses);
        problems.forEach((status, response) -> all.merge(status, response,
                (declared, documented) -> describesProblem(declared) ? declared : documented));
        ApiResponses sorted = new ApiResponses();
        all.forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private NotFound notFoundFor(String path) {
        return notFound.entrySet().stream()
                .filter(entry -> path.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new NotFound(ProblemTypes.NOT_FOUND, "Not Found", "Nothing with id {id}"));
    }

    private ApiResponse badRequest(OpenAPI openApi, Operation operation, List<Parameter> parameters, String instance,
                                   boolean write) {
        Map<String, Object> example;
        Set<String> fields = bodyFields(openApi, operation);
        if (!fields.isEmpty()) {
            example = example(ProblemTypes.INVALID_REQUEST, "Invalid request body", 400,
                    "Unknown field 'requester'; accepted fields: " + String.join(", ", fields), instance);
        } else {
            Parameter parameter = parameters.stream().filter(p -> "path".equals(p.getIn())).findFirst()
                    .or(() -> parameters.stream().filter(p -> "query".equals(p.getIn())).findFirst())
                    .orElse(parameters.isEmpty() ? null : parameters.get(0));
            String detail = parameter == null ? "The request body is missing or is not a JSON object"
                    : "'" + parameter.getName() + "' must be " + expected(parameter.getSchema()) + "; got 'x'";
            example = example(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, detail, instance);
        }
        return problem(write
                ? "The request is malformed or invalid: unknown or server-owned fields, wrong JSON types, values out of "
                + "range, bad parameters. `detail` (and `errors`) say what to fix; nothing was written."
                : "A parameter is malformed or out of range; `detail` (and `errors`) say which and why.", example);
    }

    private static String expected(Schema<?> schema) {
        if (schema == null) {
            return "a valid value";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return "one of " + schema.getEnum();
        }
        if ("uuid".equals(schema.getFormat())) {
            return "a UUID";
        }
        if ("integer".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("integer"))) {
            return "an integer";
        }
        if ("date-time".equals(schema.getFormat())) {
            return "a valid Instant";
        }
        return "a valid value";
    }

    /** The members a JSON request body accepts, from its schema (sorted, as the real 400 lists them). */
    private static Set<String> bodyFields(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Set.of();
        }
        for (MediaType mediaType : operation.getRequestBody().getContent().values()) {
            Schema<?> schema = mediaType.getSchema();
            if (schema != null && schema.get$ref() != null && openApi.getComponents() != null
                    && openApi.getComponents().getSchemas() != null) {
                schema = openApi.getComponents().getSchemas()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            }
            if (schema != null && schema.getProperties() != null) {
                return new TreeSet<>(schema.getProperties().keySet());
            }
        }
        return Set.of();
    }

    private List<Conflict> conflictsOf(String path, boolean onAnItem) {
        List<Conflict> found = new ArrayList<>();
        conflicts.forEach((template, examples) -> {
            if (template.equals(path) || (template.endsWith("/**")
                    && path.startsWith(template.substring(0, template.length() - 2)))) {
                found.addAll(examples);
            }
        });
        if (onAnItem) {
            found.add(new Conflict("concurrent-change", "Another request changed the item at the same moment",
                    CONCURRENT_CHANGE, "Conflict",
                    "The item was changed by another request at the same moment; nothing was written. Retry."));
        }
        return found;
    }

    private static ApiResponse conflict(List<Conflict> conflicts, String instance) {
        Map<String, Example> examples = new LinkedHashMap<>();
        Set<String> types = new LinkedHashSet<>();
        for (Conflict conflict : conflicts) {
            Map<String, Object> value = example(conflict.type(), conflict.title(), 409,
                    conflict.detail().replace("{id}", EXAMPLE_ID), instance);
            value.putAll(conflict.members());
            examples.put(conflict.name(), new Example().summary(conflict.summary()).value(value));
            types.add("`" + conflict.type().toString().substring(conflict.type().toString().lastIndexOf(':') + 1) + "`");
        }
        MediaType mediaType = new MediaType().schema(problemRef());
        mediaType.setExamples(examples);
        return new ApiResponse()
                .description("The state of the item or a business rule does not allow the request, or another request "
                        + "changed the item at the same moment (" + String.join(", ", types) + "); nothing was written. "
                        + "An `action-not-allowed` answer names the `currentState` and the `allowedActions`.")
                .content(new Content().addMediaType(RelaisOpenApi.PROBLEM_JSON, mediaType));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(RelaisOpenApi.PROBLEM_JSON, new MediaType().schema(problemRef()).example(example)));
    }

    private static Schema<?> problemRef() {
        return new Schema<>().$ref("#/components/schemas/" + RelaisOpenApi.PROBLEM_SCHEMA);
    }

    private static boolean describesProblem(ApiResponse response) {
        return response.getContent() != null && response.getContent().containsKey(RelaisOpenApi.PROBLEM_JSON);
    }

    private static Map<String, Object> example(URI type, String title, int status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    /** The path with example values for its variables, as a request would name it. */
    static String examplePath(String path) {
        Matcher variables = PATH_VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String value = switch (variables.group(1)) {
                case "subject" -> "task-" + EXAMPLE_ID;
                case "n", "version" -> "2";
                default -> EXAMPLE_ID;
            };
            variables.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variables.appendTail(out);
        return out.toString();
    }
}
