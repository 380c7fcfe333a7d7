package io.relais.query.kpi;

import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.WindowKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code kpi_value}; the weekly review (io.relais.query.review) reads its windows through {@link #find}. */
@Repository
public class KpiRepository {

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The KPI topic carries the latest value per key, in order per key: the last record read wins. */
    void upsert(KpiValue value) {
        jdbc.sql("""
                        INSERT INTO kpi_value (kpi_key, kpi, dimension, group_name, window_kind, window_start, window_end,
                                               value)
                        VALUES (:key, :kpi, :dimension, :group, :windowKind, :windowStart, :windowEnd, :value)
                        ON CONFLICT (kpi_key) DO UPDATE SET window_start = EXCLUDED.window_start,
                            window_end = EXCLUDED.window_end, value = EXCLUDED.value""")
                .param("key", value.key())
                .param("kpi", value.kpi())
                .param("dimension", value.dimension())
                .param("group", value.group())
                .param("windowKind", value.windowKind().name())
                .param("windowStart", Timestamp.from(value.windowStart()))
                .param("windowEnd", Timestamp.from(value.windowEnd()))
                .param("value", value.value())
                .update();
    }

    void delete(String key) {
        jdbc.sql("DELETE FROM kpi_value WHERE kpi_key = :key").param("key", key).update();
    }

    /**
     * Most recent windows first; a filter left empty matches every value. {@code current} keeps, per window kind,
     * only the window that is current at {@code asOf} (see {@link KpiWindows#currentStart}) and every NOW value.
     */
    public List<KpiValue> find(KpiFilter filter, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        filter.kpi().ifPresent(k -> equal(conditions, params, "kpi", k));
        filter.dimension().ifPresent(d -> equal(conditions, params, "dimension", d));
        filter.group().ifPresent(g -> equal(conditions, params, "group_name", g));
        filter.windowKind().ifPresent(w -> equal(conditions, params, "window_kind", w.name()));
        filter.from().ifPresent(from -> {
            conditions.add("window_start >= :from");
            params.put("from", Timestamp.from(from));
        });
        filter.to().ifPresent(to -> {
            conditions.add("window_start < :to");
            params.put("to", Timestamp.from(to));
        });
        filter.currentAsOf().ifPresent(asOf -> {
            List<String> current = new ArrayList<>();
            for (WindowKind kind : WindowKind.values()) {
                if (kind == WindowKind.NOW) {
                    current.add("window_kind = 'NOW'");
                } else {
                    current.add("(window_kind = '" + kind.name() + "' AND window_start = :current_" + kind.name()
                            + ")");
                    params.put("current_" + kind.name(), Timestamp.from(KpiWindows.currentStart(kind, asOf)));
                }
            }
            conditions.add(current.stream().collect(Collectors.joining(" OR ", "(", ")")));
        });
        return query(conditions, params, " ORDER BY window_start DESC, kpi, dimension, group_name, window_kind", limit);
    }

    /** One KPI of one group over time, oldest window first. */
    List<KpiValue> series(String kpi, String dimension, String group, WindowKind kind, Instant from, Instant to,
                          int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        equal(conditions, params, "kpi", kpi);
        equal(conditions, params, "dimension", dimension);
        equal(conditions, params, "group_name", group);
        equal(conditions, params, "window_kind", kind.name());
        conditions.add("window_start >= :from AND window_start < :to");
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return query(conditions, params, " ORDER BY window_start", limit);
    }

    private List<KpiValue> query(List<String> conditions, Map<String, Object> params, String order, int limit) {
        String where = conditions.isEmpty() ? "" : conditions.stream().collect(Collectors.joining(" AND ", " WHERE ", ""));
        var statement = jdbc.sql("SELECT kpi, dimension, group_name, window_kind, window_start, window_end, value"
                        + " FROM kpi_value" + where + order + " LIMIT :limit")
                .param("limit", limit);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query(KpiRepository::kpiValue).list();
    }

    private static void equal(List<String> conditions, Map<String, Object> params, String column, String value) {
        conditions.add(column + " = :" + column);
        params.put(column, value);
    }

    private static KpiValue kpiValue(ResultSet row, int rowNumber) throws SQLException {
        return new KpiValue(
                row.getString("kpi"),
                row.getString("dimension"),
                row.getString("group_name"),
                row.getTimestamp("window_start").toInstant(),
                row.getTimestamp("window_end").toInstant(),
                row.getDouble("value"),
                WindowKind.valueOf(row.getString("window_kind")));
    }
}
