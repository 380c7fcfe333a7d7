package io.relais.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Turns the rows of any projection table into JSON objects, by the columns' PostgreSQL types: {@code snake_case}
 * columns become {@code camelCase} properties (as in the REST API); timestamps are ISO-8601 instants in UTC, dates ISO
 * dates, {@code jsonb} nested JSON, arrays JSON arrays, {@code bytea} Base64, numerics exact decimals. The {@code bytea}
 * or {@code text} columns named in {@code jsonColumns} hold JSON (the trail's payloads, a task's calendar): they are
 * nested as JSON too.
 */
final class Rows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ObjectMapper json;
    private final Set<String> jsonColumns;

    Rows(ObjectMapper json, Set<String> jsonColumns) {
        this.json = json;
        this.jsonColumns = jsonColumns;
    }

    /** The properties, in the order of the select list. */
    static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(camel(meta.getColumnLabel(i)));
        }
        return names;
    }

    ObjectNode row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        ObjectNode row = NODES.objectNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            row.set(camel(label), value(rs, i, meta.getColumnTypeName(i), label));
        }
        return row;
    }

    private JsonNode value(ResultSet rs, int i, String type, String label) throws SQLException {
        switch (type) {
            case "timestamptz" -> {
                OffsetDateTime time = rs.getObject(i, OffsetDateTime.class);
                return time == null ? NODES.nullNode() : NODES.textNode(time.toInstant().toString());
            }
            case "date" -> {
                LocalDate date = rs.getObject(i, LocalDate.class);
                return date == null ? NODES.nullNode() : NODES.textNode(date.toString());
            }
            case "json", "jsonb" -> {
                String text = rs.getString(i);
                return text == null ? NODES.nullNode() : parse(text.getBytes(StandardCharsets.UTF_8));
            }
            case "bytea" -> {
                byte[] bytes = rs.getBytes(i);
                if (bytes == null) {
                    return NODES.nullNode();
                }
                return jsonColumns.contains(label) ? parse(bytes) : NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case "bool" -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? NODES.nullNode() : NODES.booleanNode(value);
            }
            case "int2", "int4", "int8", "serial", "bigserial" -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? NODES.nullNode() : NODES.numberNode(value);
            }
            case "float4", "float8" -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? NODES.nullNode() : NODES.numberNode(value);
            }
            case "numeric" -> {
                BigDecimal value = rs.getBigDecimal(i);
                return value == null ? NODES.nullNode() : NODES.numberNode(value);
            }
            default -> {
                if (type.startsWith("_")) {
                    return array(rs.getArray(i));
                }
                String text = rs.getString(i);
                if (text == null) {
                    return NODES.nullNode();
                }
                return jsonColumns.contains(label) ? parse(text.getBytes(StandardCharsets.UTF_8)) : NODES.textNode(text);
            }
        }
    }

    private JsonNode array(Array array) throws SQLException {
        if (array == null) {
            return NODES.nullNode();
        }
        ArrayNode node = NODES.arrayNode();
        for (Object element : (Object[]) array.getArray()) {
            node.add(element == null ? NODES.nullNode() : NODES.textNode(element.toString()));
        }
        return node;
    }

    /** JSON as stored; what is not JSON (e.g. a damaged trail row) is kept as text, so that the export goes on. */
    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
