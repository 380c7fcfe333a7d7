package io.relais.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The canonical text of one row, what {@link ProjectionChecksums} hashes. Two rows render the same iff their values
 * are the same, whatever the database's settings (time zone, collation, JSON key order):
 *
 * <ul>
 *   <li>every value carries a type tag, and text-like values their length, so {@code null} differs from {@code ""},
 *       {@code ("ab", "c")} from {@code ("a", "bc")}, the text {@code "1"} from the number 1 and bytes from their text;
 *       </li>
 *   <li>instants ({@code timestamptz}) as ISO-8601 UTC ({@link Instant#toString()}), whatever offset they were read
 *       with; {@code timestamp} and {@code date} as ISO-8601;</li>
 *   <li>{@code numeric} without trailing zeros ({@code 18.00} = {@code 18}); {@code double precision} as
 *       {@link Double#toString(double)} (exact: it reads back to the same double);</li>
 *   <li>JSON ({@code json}/{@code jsonb}) re-written with object keys sorted and no white space, numbers exact;</li>
 *   <li>{@code bytea} as lowercase hex; arrays as their element count and each element rendered the same way;</li>
 *   <li>anything else (text, uuid as lowercase text, enums) as text.</li>
 * </ul>
 * A row is its values in column order followed by a new line; the column order is fixed by the caller (by name).
 */
final class CanonicalRow {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalRow() {
    }

    /** A JSON document as stored (text); rendered canonically, unlike text. */
    record Json(String text) {
    }

    /** The canonical text of a row of values (see the class comment for the Java types understood). */
    static String render(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object value : values) {
            value(out, value);
        }
        return out.append('\n').toString();
    }

    static byte[] renderUtf8(List<?> values) {
        return render(values).getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("N;");
        } else if (value instanceof CharSequence text) {
            sized(out, 'S', text.toString());
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "B1;" : "B0;");
        } else if (value instanceof Short || value instanceof Integer || value instanceof Long) {
            out.append('I').append(((Number) value).longValue()).append(';');
        } else if (value instanceof java.math.BigInteger big) {
            out.append('I').append(big).append(';');
        } else if (value instanceof BigDecimal decimal) {
            out.append('D').append(plain(decimal)).append(';');
        } else if (value instanceof Double || value instanceof Float) {
            out.append('F').append(Double.toString(((Number) value).doubleValue())).append(';');
        } else if (value instanceof Instant instant) {
            out.append('Z').append(instant).append(';');
        } else if (value instanceof OffsetDateTime offset) {
            out.append('Z').append(offset.toInstant()).append(';');
        } else if (value instanceof java.sql.Timestamp timestamp) {
            out.append('Z').append(timestamp.toInstant()).append(';');
        } else if (value instanceof LocalDateTime local) {
            out.append('L').append(local).append(';');
        } else if (value instanceof LocalDate date) {
            out.append('d').append(date).append(';');
        } else if (value instanceof UUID uuid) {
            out.append('U').append(uuid.toString().toLowerCase(Locale.ROOT)).append(';');
        } else if (value instanceof Json json) {
            sized(out, 'J', canonicalJson(json.text()));
        } else if (value instanceof byte[] bytes) {
            sized(out, 'X', HexFormat.of().formatHex(bytes));
        } else if (value instanceof Object[] array) {
            elements(out, array.length, array);
        } else if (value instanceof List<?> list) {
            elements(out, list.size(), list.toArray());
        } else {
            sized(out, 'S', value.toString());
        }
    }

    private static void elements(StringBuilder out, int count, Object[] elements) {
        out.append('A').append(count).append('[');
        for (Object element : elements) {
            value(out, element);
        }
        out.append("];");
    }

    private static void sized(StringBuilder out, char tag, String text) {
        out.append(tag).append(text.length()).append(':').append(text).append(';');
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    /** Keys sorted at every level, no white space, numbers exact (1.50 and 1.5 are the same number). */
    static String canonicalJson(String text) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(text)));
        } catch (JsonProcessingException e) {
            // not JSON after all (cannot happen for a json/jsonb column): hash it as it is, tagged apart
            return "!" + text;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            ArrayNode copy = JSON.createArrayNode();
            copy.addAll(items);
            return copy;
        }
        if (node.isBigDecimal()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(plain(node.decimalValue())));
        }
        return node;
    }
}
