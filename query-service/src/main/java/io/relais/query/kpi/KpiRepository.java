package io.relais.query.kpi;

import io.relais.contract.kpi.KpiValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class KpiRepository {

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The KPI topic carries the latest value per key, in order per key: the last record read wins. */
    void upsert(KpiValue value) {
        jdbc.sql("""
                        INSERT INTO kpi_value (kpi_key, kpi, dimension, group_name, window_start, window_end, value)
                        VALUES (:key, :kpi, :dimension, :group, :windowStart, :windowEnd, :value)
                        ON CONFLICT (kpi_key) DO UPDATE SET window_end = EXCLUDED.window_end, value = EXCLUDED.value""")
                .param("key", value.key())
                .param("kpi", value.kpi())
                .param("dimension", value.dimension())
                .param("group", value.group())
                .param("windowStart", Timestamp.from(value.windowStart()))
                .param("windowEnd", Timestamp.from(value.windowEnd()))
                .param("value", value.value())
                .update();
    }

    void delete(String key) {
        jdbc.sql("DELETE FROM kpi_value WHERE kpi_key = :key").param("key", key).update();
    }

    /** Most recent windows first; a filter left empty matches every value. */
    List<KpiValue> find(Optional<String> kpi, Optional<String> dimension, Optional<String> group, int limit) {
        Map<String, String> filters = new LinkedHashMap<>();
        kpi.ifPresent(k -> filters.put("kpi", k));
        dimension.ifPresent(d -> filters.put("dimension", d));
        group.ifPresent(g -> filters.put("group_name", g));
        String where = filters.isEmpty() ? "" : filters.keySet().stream()
                .map(column -> column + " = :" + column)
                .collect(Collectors.joining(" AND ", " WHERE ", ""));
        var statement = jdbc.sql("SELECT kpi, dimension, group_name, window_start, window_end, value FROM kpi_value"
                        + where + " ORDER BY window_start DESC, kpi, dimension, group_name LIMIT :limit")
                .param("limit", limit);
        for (var filter : filters.entrySet()) {
            statement = statement.param(filter.getKey(), filter.getValue());
        }
        return statement.query(KpiRepository::kpiValue).list();
    }

    private static KpiValue kpiValue(ResultSet row, int rowNumber) throws SQLException {
        return new KpiValue(
                row.getString("kpi"),
                row.getString("dimension"),
                row.getString("group_name"),
                row.getTimestamp("window_start").toInstant(),
                row.getTimestamp("window_end").toInstant(),
                row.getDouble("value"));
    }
}
