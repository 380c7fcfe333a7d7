package io.relais.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the benchmark reads, from {@code RELAIS_BENCH_*} environment variables (bin/relais-benchmark passes
 * them through). {@code RELAIS_BENCH_MODE=quick} (default, a few minutes) or {@code full} (about 15 minutes) sets
 * the defaults; every figure can be overridden on its own.
 */
public record Settings(String mode, Path root, Path productRoot, Path workDir, Path resultsDir, String phases,
                       int warmupSeconds, int phaseSeconds, List<Integer> clients, List<Integer> rates,
                       int openLoopWorkers, int kpiEvents, int slaTasks, boolean profile,
                       String pgHost, int pgPort, String pgUser, String pgPassword, String pgbench,
                       int commandPort, int queryPort, int kpiPort, int crudPort, int catchUpKpiPort,
                       int rebuildQueryPort, int kafkaPort, int kafkaControllerPort, int kpiKafkaPort,
                       int kpiKafkaControllerPort, String serviceJavaOpts, String serviceEnv) {

    static Settings fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("RELAIS_BENCH_MODE", "quick");
        boolean full = "full".equals(mode);
        if (!full && !"quick".equals(mode)) {
            throw new IllegalArgumentException("RELAIS_BENCH_MODE must be quick or full, is " + mode);
        }
        Path root = Path.of(env.getOrDefault("RELAIS_BENCH_ROOT", ".")).toAbsolutePath().normalize();
        return new Settings(mode, root,
                Path.of(env.getOrDefault("RELAIS_BENCH_PRODUCT_ROOT", root.toString())).toAbsolutePath().normalize(),
                Path.of(env.getOrDefault("RELAIS_BENCH_WORK_DIR", root.resolve(".run/bench").toString())),
                Path.of(env.getOrDefault("RELAIS_BENCH_RESULTS_DIR", root.resolve("benchmark/results").toString())),
                env.getOrDefault("RELAIS_BENCH_PHASES", "all"),
                integer(env, "RELAIS_BENCH_WARMUP_SECONDS", full ? 15 : 8),
                integer(env, "RELAIS_BENCH_PHASE_SECONDS", full ? 20 : 8),
                integers(env, "RELAIS_BENCH_CLIENTS", "1,4,16"),
                integers(env, "RELAIS_BENCH_RATES", full ? "100,200,500" : "100,200"),
                integer(env, "RELAIS_BENCH_OPEN_LOOP_WORKERS", 128),
                integer(env, "RELAIS_BENCH_KPI_EVENTS", full ? 1_000_000 : 200_000),
                integer(env, "RELAIS_BENCH_SLA_TASKS", full ? 300 : 100),
                !"0".equals(env.getOrDefault("RELAIS_BENCH_PROFILE", "1")),
                env.getOrDefault("RELAIS_PG_HOST", "127.0.0.1"), integer(env, "RELAIS_PG_PORT", 5432),
                env.getOrDefault("RELAIS_DB_USER", "postgres"), env.getOrDefault("RELAIS_DB_PASSWORD", ""),
                env.getOrDefault("RELAIS_BENCH_PGBENCH", "pgbench"),
                integer(env, "RELAIS_BENCH_COMMAND_PORT", 18081), integer(env, "RELAIS_BENCH_QUERY_PORT", 18082),
                integer(env, "RELAIS_BENCH_KPI_PORT", 18083), integer(env, "RELAIS_BENCH_CRUD_PORT", 18086),
                integer(env, "RELAIS_BENCH_CATCHUP_KPI_PORT", 18084),
                integer(env, "RELAIS_BENCH_REBUILD_QUERY_PORT", 18085),
                integer(env, "RELAIS_BENCH_KAFKA_PORT", 19092), integer(env, "RELAIS_BENCH_KAFKA_CONTROLLER_PORT", 19093),
                integer(env, "RELAIS_BENCH_KPI_KAFKA_PORT", 19094),
                integer(env, "RELAIS_BENCH_KPI_KAFKA_CONTROLLER_PORT", 19095),
                env.getOrDefault("RELAIS_BENCH_JAVA_OPTS", "-Xmx512m"),
                env.getOrDefault("RELAIS_BENCH_SERVICE_ENV", ""));
    }

    /** Extra product settings for the services, {@code NAME=value,NAME=value} (e.g. RELAIS_RELAY_BATCH_SIZE=50). */
    Map<String, String> serviceEnvironment() {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (String pair : serviceEnv.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                extra.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return extra;
    }

    boolean runs(String phase) {
        return "all".equals(phases) || Arrays.asList(phases.split(",")).contains(phase);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static List<Integer> integers(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .toList();
    }
}
