package io.relais.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgBenchTest {

    @Test
    void shouldReadTheTransactionRateAndLatencyOfAPgbenchRun() {
        String output = """
                transaction type: pgbench-insert.sql
                number of clients: 4
                latency average = 0.292 ms
                initial connection time = 4.512 ms
                tps = 13712.345678 (without initial connection time)
                """;
        PgBench.Result result = PgBench.parse(4, output);
        assertThat(result.clients()).isEqualTo(4);
        assertThat(result.tps()).isEqualTo(13712.345678);
        assertThat(result.latencyAverageMs()).isEqualTo(0.292);
    }

    @Test
    void shouldRefuseAnOutputWithoutARate() {
        assertThatThrownBy(() -> PgBench.parse(1, "pgbench: error: connection refused"))
                .hasMessageContaining("connection refused");
    }

    @Test
    void shouldKeepColonsOutOfTheScript_pgbenchTakesThemForVariables() {
        assertThat(PgBench.script()).doesNotContainPattern(":[A-Za-z0-9_]");
        assertThat(PgBench.functions()).allSatisfy(f -> assertThat(f).contains("IMMUTABLE"));
    }

    @Test
    void shouldReadSettingsWithQuickDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of());
        assertThat(settings.mode()).isEqualTo("quick");
        assertThat(settings.clients()).isEqualTo(List.of(1, 4, 16));
        assertThat(settings.commandPort()).isEqualTo(18081);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(Settings.fromEnvironment(Map.of("RELAIS_BENCH_MODE", "full")).kpiEvents()).isEqualTo(1_000_000);
        assertThat(settings.runs("kpi")).isTrue();
        assertThat(Settings.fromEnvironment(Map.of("RELAIS_BENCH_PHASES", "pgbench,crud")).runs("kpi")).isFalse();
    }

    @Test
    void shouldAddUserAndSystemTicksOfAProcStatLine() {
        String stat = "4242 (java (main)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 123 456 789";
        assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(300);
    }
}
