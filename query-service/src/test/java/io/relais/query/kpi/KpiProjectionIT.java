package io.relais.query.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** KPI values as kpi-streams publishes them (plain JSON, key = KpiValue.key()), read back through the REST API. */
class KpiProjectionIT extends IntegrationTestSupport {

    private static final String TOPIC = Topics.KPIS.name();
    private static final Instant DAY = Instant.parse("2026-03-14T00:00:00Z");

    @Test
    void shouldServeAKpiValue_withIsoInstants_whenItArrives() throws Exception {
        String group = uniqueGroup();
        KpiValue value = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plus(Duration.ofDays(1)),
                12.0);

        send(value.key(), json(value));

        JsonNode kpi = awaitSingle(group, 12.0);
        assertThat(kpi.get("kpi").asText()).isEqualTo("tasks-requested");
        assertThat(kpi.get("dimension").asText()).isEqualTo("task-type");
        assertThat(kpi.get("windowStart").asText()).isEqualTo("2026-03-14T00:00:00Z");
        assertThat(kpi.get("windowEnd").asText()).isEqualTo("2026-03-15T00:00:00Z");
    }

    @Test
    void shouldKeepOnlyTheLatestValue_whenSeveralArriveForTheSameKey() throws Exception {
        String group = uniqueGroup();
        KpiValue first = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 1);
        KpiValue latest = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 3);

        send(first.key(), json(first));
        send(latest.key(), json(latest));

        awaitSingle(group, 3.0);
    }

    @Test
    void shouldRemoveTheValue_whenItsTombstoneArrives() throws Exception {
        String group = uniqueGroup();
        KpiValue value = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 5);
        send(value.key(), json(value));
        awaitSingle(group, 5.0);

        send(value.key(), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> kpisOf(group).isEmpty());
    }

    @Test
    void shouldSkipAnUndecodableValue_andApplyTheNextOneForTheSameKey() throws Exception {
        String group = uniqueGroup();
        KpiValue value = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 7);

        send(value.key(), "{\"kpi\": \"tasks-requested\", \"value\": \"lots\"");
        send(value.key(), """
                {"kpi": "tasks-requested", "dimension": "task-type", "group": "%s", "value": 2}""".formatted(group));
        send(value.key(), json(value));

        awaitSingle(group, 7.0);
    }

    @Test
    void shouldFilterByKpiDimensionAndGroup() throws Exception {
        String group = uniqueGroup();
        KpiValue byType = new KpiValue(Kpis.TASKS_REQUESTED, Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 4);
        KpiValue otherKpi = new KpiValue("tasks-approved", Kpis.BY_TASK_TYPE, group, DAY, DAY.plusSeconds(86_400), 9);
        send(byType.key(), json(byType));
        send(otherKpi.key(), json(otherKpi));

        await().atMost(Duration.ofSeconds(30)).until(() -> kpisOf(group).size() == 2);
        JsonNode filtered = get("/api/kpis?kpi=tasks-requested&dimension=task-type&group=" + group).getBody();

        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).get("value").asDouble()).isEqualTo(4.0);
        assertThat(get("/api/kpis?kpi=tasks-requested&dimension=provider&group=" + group).getBody()).isEmpty();
    }

    @Test
    void shouldFilterByWindowKindAndPeriod_andServeTheCurrentWindowOfEachKind() throws Exception {
        String group = uniqueGroup();
        Instant asOf = Instant.parse("2026-03-14T10:30:00Z");
        KpiValue today = new KpiValue(Kpis.ON_TIME_RATE, Kpis.BY_PROVIDER, group, DAY, DAY.plus(Duration.ofDays(1)),
                0.9, WindowKind.DAY);
        KpiValue yesterday = new KpiValue(Kpis.ON_TIME_RATE, Kpis.BY_PROVIDER, group, DAY.minus(Duration.ofDays(1)),
                DAY, 0.8, WindowKind.DAY);
        Instant trailingStart = Instant.parse("2026-03-13T11:00:00Z");
        KpiValue trailing = new KpiValue(Kpis.ON_TIME_RATE, Kpis.BY_PROVIDER, group, trailingStart,
                trailingStart.plus(Duration.ofHours(24)), 0.85, WindowKind.TRAILING_24H);
        KpiValue olderTrailing = new KpiValue(Kpis.ON_TIME_RATE, Kpis.BY_PROVIDER, group,
                trailingStart.minus(Duration.ofHours(1)), trailingStart.plus(Duration.ofHours(23)), 0.7,
                WindowKind.TRAILING_24H);
        KpiValue backlog = new KpiValue(Kpis.BACKLOG, Kpis.BY_PROVIDER, group, asOf, asOf, 4, WindowKind.NOW);
        for (KpiValue value : java.util.List.of(today, yesterday, trailing, olderTrailing, backlog)) {
            send(value.key(), Json.of(value));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kpisOf(group).size() == 5);

        JsonNode trailingOnly = get("/api/kpis?group=" + group + "&windowKind=TRAILING_24H").getBody();
        assertThat(trailingOnly).extracting(node -> node.get("value").asDouble()).containsExactly(0.85, 0.7);
        JsonNode period = get("/api/kpis?group=" + group + "&windowKind=DAY&from=2026-03-14T00:00:00Z"
                + "&to=2026-03-15T00:00:00Z").getBody();
        assertThat(period).extracting(node -> node.get("value").asDouble()).containsExactly(0.9);
        JsonNode current = get("/api/kpis?group=" + group + "&current=true&asOf=" + asOf).getBody();
        assertThat(current).extracting(node -> node.get("windowKind").asText() + "=" + node.get("value").asDouble())
                .containsExactlyInAnyOrder("DAY=0.9", "TRAILING_24H=0.85", "NOW=4.0");
    }

    @Test
    void shouldServeASeriesOldestFirst_withinThePeriod() throws Exception {
        String group = uniqueGroup();
        for (int day = 0; day < 4; day++) {
            Instant start = DAY.plus(Duration.ofDays(day));
            KpiValue value = new KpiValue(Kpis.THROUGHPUT, Kpis.BY_TASK_TYPE, group, start,
                    start.plus(Duration.ofDays(1)), 10 + day, WindowKind.DAY);
            send(value.key(), Json.of(value));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kpisOf(group).size() == 4);

        JsonNode series = get("/api/kpis/series?kpi=throughput&dimension=task-type&group=" + group
                + "&from=2026-03-15T00:00:00Z&to=2026-03-17T00:00:00Z").getBody();

        assertThat(series).extracting(node -> node.get("windowStart").asText() + "=" + node.get("value").asDouble())
                .containsExactly("2026-03-15T00:00:00Z=11.0", "2026-03-16T00:00:00Z=12.0");
        assertProblem(get("/api/kpis/series?kpi=backlog&dimension=task-type&group=" + group + "&windowKind=NOW"),
                org.springframework.http.HttpStatus.BAD_REQUEST, "windowKind");
    }

    @Test
    void shouldShowEachPhasesHealthNowAndAWeekBefore_withTheFiguresOfTheWindow() throws Exception {
        String group = "health-" + UUID.randomUUID().toString().substring(0, 8);
        Instant asOf = Instant.parse("2026-03-18T15:30:00Z");
        Instant current = Instant.parse("2026-03-12T00:00:00Z"); // the 7 days ending at the next UTC midnight
        Instant weekBefore = current.minus(Duration.ofDays(7));
        java.util.List<KpiValue> values = java.util.List.of(
                new KpiValue(Kpis.HEALTH_GROWTH, Kpis.BY_TASK_TYPE, group, current, current.plus(Duration.ofDays(7)),
                        82.5, WindowKind.TRAILING_7D),
                new KpiValue(Kpis.HEALTH_GROWTH, Kpis.BY_TASK_TYPE, group, weekBefore, current, 70.0,
                        WindowKind.TRAILING_7D),
                new KpiValue(Kpis.HEALTH_SALE, Kpis.BY_TASK_TYPE, group, current, current.plus(Duration.ofDays(7)),
                        64.0, WindowKind.TRAILING_7D),
                new KpiValue(Kpis.ON_TIME_RATE, Kpis.BY_TASK_TYPE, group, current, current.plus(Duration.ofDays(7)),
                        0.9, WindowKind.TRAILING_7D),
                new KpiValue(Kpis.HEALTH_GROWTH, Kpis.BY_TASK_TYPE, group, current, current.plus(Duration.ofDays(1)),
                        11.0, WindowKind.DAY));
        for (KpiValue value : values) {
            send(value.key(), Json.of(value));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kpisOf(group).size() == values.size());

        JsonNode health = get("/api/kpis/health?dimension=task-type&group=" + group + "&asOf=" + asOf).getBody();

        assertThat(health.get("windowStart").asText()).isEqualTo(current.toString());
        assertThat(health.get("phases")).extracting(phase -> phase.get("phase").asText() + " "
                        + phase.get("score").asText() + " " + phase.get("previous").asText() + " "
                        + phase.get("change").asText())
                .containsExactly("GROWTH 82.5 70.0 12.5", "TRANSFORMATION null null null", "SALE 64.0 null null");
        assertThat(health.get("criteria").get(Kpis.ON_TIME_RATE).asDouble()).isEqualTo(0.9);
        assertThat(health.get("criteria").get(Kpis.HEALTH_GROWTH).asDouble()).as("not the DAY window's").isEqualTo(82.5);
    }

    private void send(String key, String value) throws Exception {
        text().send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    private JsonNode awaitSingle(String group, double value) {
        return await("KPI " + group + " = " + value).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> kpisOf(group), kpis -> kpis.size() == 1 && kpis.get(0).get("value").asDouble() == value)
                .get(0);
    }

    private JsonNode kpisOf(String group) {
        return get("/api/kpis?group=" + group).getBody();
    }

    /** As kpi-streams writes it (the contract's JSON, windowKind included). */
    private static final class Json {
        static String of(KpiValue value) throws Exception {
            return io.relais.query.projection.ContractJson.mapper().writeValueAsString(value);
        }
    }

    private static String json(KpiValue value) {
        return """
                {"kpi": "%s", "dimension": "%s", "group": "%s", "windowStart": "%s", "windowEnd": "%s", "value": %s}"""
                .formatted(value.kpi(), value.dimension(), value.group(), value.windowStart(), value.windowEnd(),
                        value.value());
    }

    private static String uniqueGroup() {
        return "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
