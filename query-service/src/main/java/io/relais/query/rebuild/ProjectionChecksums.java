package io.relais.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deterministic SHA-256 per projection table and one over all of them, so that a rebuilt projection can be shown
 * identical to the live one (or to another instance's).
 *
 * <p>Per table: the hash of a header (table name and the hashed column names, sorted by name) followed by every row
 * in primary-key order (text key columns in the {@code "C"} collation, so the order does not depend on the
 * database's locale), each rendered by {@link CanonicalRow}. Which tables, and which columns are left out (only
 * wall-clock receipt instants), is {@link ProjectionTables}' business and documented there. The overall hash is the
 * SHA-256 of {@code name rows sha256} lines of every table in name order.
 *
 * <p>All tables are read in one read-only {@code REPEATABLE READ} transaction: one snapshot, even while listeners
 * write. Rows are streamed (fetch size {@code relais.rebuild.checksum-fetch-size}), never held in memory.
 */
@Component
public class ProjectionChecksums {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ProjectionChecksums(DataSource dataSource, PlatformTransactionManager transactions, RebuildProperties properties,
                        Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(properties.checksumFetchSize());
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /** The rows and hash of one table. */
    public record TableChecksum(long rows, String sha256) {
    }

    /**
     * @param tables             per checksummed table, in name order
     * @param overall            all rows, and the hash over the tables' hashes
     * @param excludedColumns    the columns left out of the hashes, per table
     * @param unclassifiedTables tables of the schema that are neither checksummed nor knowingly kept: a projection
     *                           nobody classified (see {@link ProjectionTables})
     */
    public record Report(Instant computedAt, Map<String, TableChecksum> tables, TableChecksum overall,
                         Map<String, Set<String>> excludedColumns, List<String> unclassifiedTables) {
    }

    public Report compute() {
        Instant at = clock.instant();
        return snapshot.execute(status -> {
            Map<String, TableChecksum> tables = new LinkedHashMap<>();
            for (String table : ProjectionTables.checksummed()) {
                tables.put(table, table(table));
            }
            MessageDigest overall = sha256();
            long rows = 0;
            for (Map.Entry<String, TableChecksum> entry : tables.entrySet()) {
                rows += entry.getValue().rows();
                overall.update((entry.getKey() + " " + entry.getValue().rows() + " " + entry.getValue().sha256() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return new Report(at, tables, new TableChecksum(rows, HexFormat.of().formatHex(overall.digest())),
                    ProjectionTables.excludedColumns(), unclassified());
        });
    }

    private record Column(String name, String type) {
    }

    private TableChecksum table(String table) {
        Set<String> excluded = ProjectionTables.EXCLUDED_COLUMNS.getOrDefault(table, Set.of());
        List<Column> columns = jdbc.query("""
                        SELECT column_name, udt_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = ? ORDER BY column_name""",
                        (row, n) -> new Column(row.getString(1), row.getString(2)), table).stream()
                .filter(column -> !excluded.contains(column.name()))
                .toList();
        if (columns.isEmpty()) {
            throw new IllegalStateException("Projection table " + table + " does not exist (or has no column)");
        }
        List<Column> key = jdbc.query("""
                SELECT a.attname, t.typname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                JOIN pg_type t ON t.oid = a.atttypid
                WHERE i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)""",
                (row, n) -> new Column(row.getString(1), row.getString(2)), table);
        List<String> order = new ArrayList<>();
        for (Column column : key.isEmpty() ? columns : key) {
            boolean text = column.type().equals("text") || column.type().equals("varchar")
                    || column.type().equals("bpchar");
            order.add(quote(column.name()) + (text ? " COLLATE \"C\"" : ""));
        }
        String sql = "SELECT " + String.join(", ", columns.stream().map(column -> quote(column.name())).toList())
                + " FROM " + quote(table) + " ORDER BY " + String.join(", ", order);

        MessageDigest digest = sha256();
        digest.update((table + "\n" + String.join(",", columns.stream().map(Column::name).toList()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        long[] rows = {0};
        List<Object> values = new ArrayList<>(columns.size());
        jdbc.query(sql, resultSet -> {
            values.clear();
            for (int i = 0; i < columns.size(); i++) {
                values.add(read(resultSet, i + 1, columns.get(i).type()));
            }
            digest.update(CanonicalRow.renderUtf8(values));
            rows[0]++;
        });
        return new TableChecksum(rows[0], HexFormat.of().formatHex(digest.digest()));
    }

    private List<String> unclassified() {
        Set<String> known = new TreeSet<>(ProjectionTables.checksummed());
        known.addAll(ProjectionTables.KEPT);
        return jdbc.queryForList("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""",
                String.class).stream().filter(table -> !known.contains(table)).toList();
    }

    /** The value of a column as the Java type {@link CanonicalRow} renders, by its PostgreSQL type. */
    static Object read(ResultSet row, int index, String type) throws SQLException {
        if (row.getObject(index) == null) {
            return null;
        }
        if (type.startsWith("_")) {
            Array array = row.getArray(index);
            try {
                return array.getArray();
            } finally {
                array.free();
            }
        }
        return switch (type) {
            case "int2", "int4", "int8" -> row.getLong(index);
            case "numeric" -> row.getBigDecimal(index);
            case "float4", "float8" -> row.getDouble(index);
            case "bool" -> row.getBoolean(index);
            case "timestamptz" -> row.getObject(index, OffsetDateTime.class).toInstant();
            case "timestamp" -> row.getObject(index, LocalDateTime.class);
            case "date" -> row.getObject(index, LocalDate.class);
            case "json", "jsonb" -> new CanonicalRow.Json(row.getString(index));
            case "bytea" -> row.getBytes(index);
            case "uuid" -> row.getObject(index, UUID.class);
            default -> row.getString(index);
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
