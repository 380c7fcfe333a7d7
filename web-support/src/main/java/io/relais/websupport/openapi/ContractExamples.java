package io.relais.websupport.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request-body examples taken from the event contract's JSON examples ({@code io/relais/contract/examples/}, checked
 * by the contract's tests), so that the API documentation and the events tell the same story. A request names only
 * what the caller may say: the fields kept are listed explicitly (ids, actors and times are the server's).
 */
public final class ContractExamples {

    private static final String LOCATION = "io/relais/contract/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    /**
     * @param example the file name without {@code .json}, e.g. {@code relais.task.requested.v1}
     * @param fields  the members to keep, in this order; each must be in the example
     */
    public static Map<String, Object> fields(String example, String... fields) {
        Map<String, Object> source = read(example);
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String field : fields) {
            if (!source.containsKey(field)) {
                throw new IllegalArgumentException("The contract example " + example + " has no field '" + field + "'");
            }
            kept.put(field, source.get(field));
        }
        return kept;
    }

    private static Map<String, Object> read(String example) {
        String resource = LOCATION + example + ".json";
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract example " + resource);
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract example " + resource, e);
        }
    }
}
