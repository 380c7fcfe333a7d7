package io.relais.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.relais.contract.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AsyncAPI document shipped in the contract jar ({@code asyncapi.yaml}), read as a JSON tree, with its
 * payload and header schemas compiled by a JSON Schema 2020-12 validator that asserts formats (uuid, date,
 * date-time) rather than merely annotating them. {@code $ref}s resolve inside the document itself.
 */
public final class AsyncApiDocument {

    public static final String RESOURCE = "asyncapi.yaml";

    /** Where the validator finds the document's schemas; a name, not a location (nothing is fetched). */
    private static final String SCHEMAS_IRI = "urn:relais:asyncapi-schemas";
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private final String text;
    private final JsonNode root;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private AsyncApiDocument(String text) throws IOException {
        this.text = text;
        this.root = new YAMLMapper().readTree(text);
        String schemaDocument = schemaDocument().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(SCHEMAS_IRI, schemaDocument))));
    }

    /**
     * The schema parts of the document at the same JSON pointers ({@code components/schemas/*},
     * {@code components/messages/* /payload} and {@code headers}), so that its {@code $ref}s resolve unchanged,
     * without the AsyncAPI fields a JSON Schema validator would read as keywords.
     */
    private ObjectNode schemaDocument() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode components = document.putObject("components");
        components.set("schemas", root.path("components").path("schemas").deepCopy());
        ObjectNode messages = components.putObject("messages");
        componentMessages().forEach((name, message) -> {
            ObjectNode parts = messages.putObject(name);
            for (String part : List.of("payload", "headers")) {
                if (message.has(part)) {
                    parts.set(part, message.get(part).deepCopy());
                }
            }
        });
        return document;
    }

    public static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new AsyncApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public JsonNode root() {
        return root;
    }

    /** The node a local reference ({@code #/a/b}) points at; missing when it resolves to nothing. */
    public JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only local references are used: " + ref);
        }
        return root.at(ref.substring(1));
    }

    /** Follows a {@code {"$ref": ...}} node (repeatedly), or returns the node itself. */
    public JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 10) {
                throw new IllegalStateException("Reference cycle at " + node);
            }
            current = resolve(current.get("$ref").asText());
        }
        return current;
    }

    public Map<String, JsonNode> componentMessages() {
        return fields(root.path("components").path("messages"));
    }

    public Map<String, JsonNode> channels() {
        return fields(root.path("channels"));
    }

    public Map<String, JsonNode> operations() {
        return fields(root.path("operations"));
    }

    /** The key of the channel whose address is {@code topic}. */
    public Optional<String> channelKeyOf(String topic) {
        return channels().entrySet().stream()
                .filter(channel -> topic.equals(channel.getValue().path("address").asText()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Names (keys under {@code components/messages}) of the messages a channel carries. */
    public List<String> componentMessageNamesOf(String channelKey) {
        List<String> names = new ArrayList<>();
        channels().get(channelKey).path("messages").forEach(ref -> {
            String target = ref.path("$ref").asText();
            names.add(target.substring(target.lastIndexOf('/') + 1));
        });
        return names;
    }

    /** The {@code ce_type} const a message's headers schema pins, searched at the top and in {@code allOf}. */
    public Optional<String> ceTypeOf(JsonNode message) {
        return headerConst(message, "ce_type");
    }

    public Optional<String> headerConst(JsonNode message, String header) {
        JsonNode headers = deref(message.path("headers"));
        List<JsonNode> parts = new ArrayList<>();
        parts.add(headers);
        headers.path("allOf").forEach(part -> parts.add(deref(part)));
        return parts.stream()
                .map(part -> part.path("properties").path(header).path("const"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst();
    }

    /** The message whose headers pin {@code ce_type} to this event type's CloudEvents type. */
    public List<String> messageNamesFor(EventType type) {
        return componentMessages().entrySet().stream()
                .filter(message -> ceTypeOf(message.getValue()).filter(type.cloudEventType()::equals).isPresent())
                .map(Map.Entry::getKey)
                .toList();
    }

    public JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    /** Validates a payload against {@code components/messages/<message>/payload}. */
    public Set<ValidationMessage> validatePayload(String message, JsonNode payload) {
        return compiled("/components/messages/" + message + "/payload").validate(payload);
    }

    /** Validates record headers (as a JSON object of strings) against {@code components/messages/<message>/headers}. */
    public Set<ValidationMessage> validateHeaders(String message, JsonNode headers) {
        return compiled("/components/messages/" + message + "/headers").validate(headers);
    }

    private JsonSchema compiled(String pointer) {
        if (resolve("#" + pointer).isMissingNode()) {
            throw new IllegalArgumentException("Nothing at #" + pointer + " in " + RESOURCE);
        }
        return schemas.computeIfAbsent(pointer,
                p -> factory.getSchema(SchemaLocation.of(SCHEMAS_IRI + "#" + p), CONFIG));
    }

    /** Every {@code $ref} value in the document. */
    public List<String> allRefs() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    /** Every value of a field with this name, anywhere in the document. */
    public List<JsonNode> allValuesOf(String fieldName) {
        return root.findValues(fieldName);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    /** A JSON reader with Jackson's defaults, to compare example files with the document's embedded examples. */
    public static JsonMapper plainJson() {
        return JsonMapper.builder().build();
    }
}
