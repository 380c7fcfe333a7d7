package io.relais.benchmark;

import io.relais.contract.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * bin/relais-benchmark's driver: starts the system on the benchmark's own ports, databases and Kafka storage, runs
 * the phases, prints one table and writes results.json and PNG charts under benchmark/results/&lt;run id&gt;/.
 */
public final class BenchmarkMain {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String COMMAND_DB = "relais_bench_command";
    static final String QUERY_DB = "relais_bench_query";
    static final String REBUILD_DB = "relais_bench_rebuild";
    static final String PG_DB = "relais_bench_pgbench";
    static final String CRUD_DB = "relais_bench_crud";

    /** BRIEF §8 / issue 8 targets measured on this machine. */
    static final Map<Integer, Double> PGBENCH_TARGETS = Map.of(1, 6_600d, 4, 13_700d, 16, 22_900d);
    static final double PRODUCER_TARGET = 145_000;
    static final double STREAMS_TARGET = 126_000;

    private final Settings settings;
    private final Path runDir;
    private final List<Service> started = new ArrayList<>();
    private final Map<String, Service> byName = new LinkedHashMap<>();
    private final List<Table.Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Double> peakRss = new LinkedHashMap<>();
    private final Map<String, Object> cpu = new LinkedHashMap<>();
    private final List<String> caveats = new ArrayList<>();
    private final String runId;
    private Jwt jwt;
    private Path publicKey;
    private String classPath;

    private BenchmarkMain(Settings settings) {
        this.settings = settings;
        this.runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + settings.mode();
        this.runDir = settings.resultsDir().resolve(runId);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(System.getenv());
        BenchmarkMain benchmark = new BenchmarkMain(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopAll, "stop-services"));
        try {
            benchmark.run();
        } finally {
            benchmark.stopAll();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String startedAt = Instant.now().toString();
        Files.createDirectories(runDir);
        Progress.say("Relais benchmark, mode %s, phases %s, results in %s", settings.mode(), settings.phases(), runDir);
        checkPortsFree();
        prepareWorkDir();
        classPath = System.getProperty("java.class.path");
        jwt = new Jwt();
        publicKey = jwt.writePublicKey(settings.workDir().resolve("jwt-public.pem"));
        double loadBefore = loadAverage();

        if (settings.runs("pgbench")) {
            guard("pgbench", this::pgbenchPhase);
        }
        if (settings.runs("personal")) {
            guard("personal", this::personalDataPhase);
        }
        boolean needSystem = Stream.of("crud", "closed", "open").anyMatch(settings::runs);
        if (needSystem) {
            startSystem();
            if (settings.runs("crud")) {
                guard("crud", this::crudPhase);
            }
            if (settings.runs("closed")) {
                guard("closed", this::closedLoopPhase);
            }
            if (settings.runs("open")) {
                guard("open", this::openLoopPhase);
            }
            snapshotRss();
        }
        if (settings.runs("kpi") || settings.runs("sla") || settings.runs("rebuild")) {
            guard("kpi", this::kpiAndSlaPhases);
        }
        snapshotRss();
        memoryRows();
        ratioRows();
        details.put("peakRssMiB", peakRss);
        details.put("cpuSecondsPerPhase", cpu);
        double loadAfter = loadAverage();
        caveats.add(String.format(Locale.ROOT, "load average (1 min) before the run %.2f, after %.2f on %d cores;"
                + " the load generator runs on the same cores as the system", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors()));

        Results results = new Results(runId, startedAt, Instant.now().toString(), settings.mode(), machine(),
                settingsMap(), rows, details, caveats);
        Path json = results.write(runDir);
        charts();
        String table = Table.format(rows);
        Files.writeString(runDir.resolve("table.txt"), table);
        System.out.println();
        System.out.println(table);
        caveats.forEach(c -> System.out.println("note: " + c));
        Progress.say("results: %s (and table.txt, *.png in %s)", json, runDir);
    }

    // ---------------------------------------------------------------------------------------------- phases

    private void pgbenchPhase() throws Exception {
        recreateDatabase(PG_DB);
        execute(PG_DB, PgBenchSchema.TABLE_DDL);
        for (String function : PgBench.functions()) {
            execute(PG_DB, function);
        }
        List<PgBench.Result> results = PgBench.run(settings, PG_DB, settings.workDir());
        details.put("pgbench", Map.of("results", results, "schema", PgBench.describe()));
        for (PgBench.Result r : results) {
            Double target = PGBENCH_TARGETS.get(r.clients());
            rows.add(new Table.Row("1 ceiling", "pgbench single-row insert, " + r.clients() + " client(s)", r.tps(),
                    "commits/s", target == null ? "" : "target " + Table.number(target) + " ("
                    + Table.percent(Table.ratio(r.tps(), target)) + " of it)"));
        }
    }

    private void crudPhase() throws Exception {
        String token = jwt.token("claire", List.of("REQUESTER"), "acme");
        String url = "http://127.0.0.1:" + settings.crudPort() + "/crud/tasks";
        LoadDriver.Operation insert = () -> Http.post(url, token, """
                {"title":"Relancer les factures impayées","description":"Clients Dupont et Martin",\
                "type":"PAYMENT_REMINDER","priority":"HIGH"}""").status();
        warmUp("crud", insert);
        List<LoadDriver.Result> results = new ArrayList<>();
        for (int clients : settings.clients()) {
            LoadDriver.Result r = withCpu("crud-" + clients, () ->
                    LoadDriver.closedLoop("crud " + clients + "c", insert, clients, settings.phaseSeconds()));
            results.add(r);
            rows.add(new Table.Row("2 baseline", "CRUD insert over HTTP, " + clients + " client(s)",
                    r.achievedPerSecond(), "inserts/s", failures(r) + latencyNote(r.latency())));
        }
        details.put("crud", results);
    }

    private void closedLoopPhase() throws Exception {
        RelaisCommands commands = relaisCommands(null);
        warmUp("relais", commands);
        List<LoadDriver.Result> results = new ArrayList<>();
        int maxClients = settings.clients().stream().max(Integer::compare).orElse(1);
        for (int clients : settings.clients()) {
            LoadDriver.Result r = withCpu("relais-closed-" + clients, () ->
                    LoadDriver.closedLoop("relais " + clients + "c", relaisCommands(null), clients,
                            settings.phaseSeconds()));
            results.add(r);
            rows.add(new Table.Row("3 command path", "Relais closed loop, " + clients + " client(s)",
                    r.achievedPerSecond(), "commands/s", failures(r) + latencyNote(r.latency())));
        }
        if (settings.profile()) {
            // an extra step under JFR, so that no measured figure carries the recorder's cost
            Service command = byName.get("command-service");
            Path jfr = runDir.resolve("command-service-closed-" + maxClients + ".jfr");
            if (Profiles.start(command.pid(), "bench", jfr)) {
                LoadDriver.Result profiled = withCpu("relais-closed-profiled", () -> LoadDriver.closedLoop(
                        "relais " + maxClients + "c profiled", relaisCommands(null), maxClients, settings.phaseSeconds()));
                if (Profiles.stop(command.pid(), "bench") && Files.exists(jfr)) {
                    Map<String, Object> summary = new LinkedHashMap<>(Profiles.summarise(jfr, 25));
                    summary.put("commandsPerSecondWhileRecording", profiled.achievedPerSecond());
                    details.put("profileCommandServiceClosedLoop", summary);
                }
            }
        }
        details.put("relaisClosedLoop", results);
    }

    private void openLoopPhase() throws Exception {
        if (!settings.runs("closed")) {
            warmUp("relais", relaisCommands(null)); // the closed-loop phase did not warm the JIT up
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int rate : settings.rates()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("relayBacklogBefore", awaitRelayIdle(rate, 120));
            try (Freshness freshness = new Freshness(settings.jdbcUrl(QUERY_DB), settings.pgUser(),
                    settings.pgPassword())) {
                long topicBefore = tasksOnTopic();
                LoadDriver.Result r = withCpu("relais-open-" + rate, () -> LoadDriver.openLoop("relais " + rate + "/s",
                        relaisCommands(freshness), rate, settings.phaseSeconds(), settings.openLoopWorkers()));
                long topicAtEnd = tasksOnTopic();
                long drainStart = System.nanoTime();
                int stillPending = freshness.drain(60);
                double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                long topicAfterDrain = tasksOnTopic();
                double relayRate = (topicAtEnd - topicBefore) / r.seconds();
                entry.put("relay", Map.of("eventsPublishedDuringLoad", topicAtEnd - topicBefore,
                        "publishedPerSecondDuringLoad", relayRate, "eventsPublishedAfterLoad", topicAfterDrain - topicAtEnd,
                        "drainSeconds", drainSeconds));
                LatencyRecorder.Summary fresh = freshness.summary();
                Progress.say("  %d/s: achieved %.0f/s, latency p50 %.1f p90 %.1f p99 %.1f max %.1f ms; freshness p50 %.0f"
                                + " p99 %.0f ms (%d not visible 60 s after the load)", rate, r.achievedPerSecond(),
                        r.latency().p50(), r.latency().p90(), r.latency().p99(), r.latency().max(), fresh.p50(),
                        fresh.p99(), stillPending);
                Progress.say("  relay: %.0f events/s on relais.tasks.v1 during the load, %d more after it", relayRate,
                        topicAfterDrain - topicAtEnd);
                entry.put("load", r);
                entry.put("freshness", fresh);
                entry.put("notVisible60sAfterTheLoad", stillPending);
                results.add(entry);
                String phase = "3 command path";
                String label = "open loop " + rate + "/s";
                rows.add(new Table.Row(phase, label + ": achieved", r.achievedPerSecond(), "commands/s", failures(r)));
                rows.add(new Table.Row(phase, label + ": latency p50", r.latency().p50(), "ms",
                        "corrected for coordinated omission; uncorrected p50 " + Table.number(r.uncorrectedLatency().p50())));
                rows.add(new Table.Row(phase, label + ": latency p90", r.latency().p90(), "ms", ""));
                rows.add(new Table.Row(phase, label + ": latency p99", r.latency().p99(), "ms",
                        "uncorrected p99 " + Table.number(r.uncorrectedLatency().p99())));
                rows.add(new Table.Row(phase, label + ": latency max", r.latency().max(), "ms", ""));
                double visible = fresh.count() == 0 ? Double.NaN : 1;
                rows.add(new Table.Row("4 freshness", "at " + rate + "/s: accepted → in projection p50", fresh.p50() * visible,
                        "ms", fresh.count() + " commands visible, poll every " + Freshness.POLL_MILLIS + " ms"));
                rows.add(new Table.Row("4 freshness", "at " + rate + "/s: accepted → in projection p99", fresh.p99() * visible,
                        "ms", stillPending > 0 ? stillPending + " not visible 60 s after the load" : ""));
                rows.add(new Table.Row("4 freshness", "at " + rate + "/s: relay published during the load", relayRate,
                        "events/s", String.format(Locale.ROOT, "%d more in the %.1f s after it", topicAfterDrain - topicAtEnd,
                        drainSeconds)));
            }
        }
        details.put("relaisOpenLoop", results);
        relayStopped();
    }

    /**
     * Phase 6 on the pre-filled broker: a query-service with a new consumer group and an empty database replays the
     * topics; events/s over {@code rebuildSeconds} after its first commit (or until caught up).
     */
    private void rebuildPhase(Admin admin, String bootstrap) throws Exception {
        recreateDatabase(REBUILD_DB);
        String group = "bench-rebuild-" + runId;
        List<String> topics = List.of(Topics.TASKS.name(), Topics.PROCESSES.name(), Topics.ENGAGEMENTS.name(),
                Topics.ACCESS.name(), Topics.KPIS.name(), Topics.AUDIT_HEADS.name(), Topics.DENIED_ATTEMPTS.name());
        List<String> present = new ArrayList<>(admin.listTopics().names().get());
        present.retainAll(topics);
        Map<TopicPartition, Long> ends = KafkaPhases.endOffsets(admin, present);
        Map<String, String> env = serviceEnvironment();
        env.put("RELAIS_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("RELAIS_QUERY_PORT", Integer.toString(settings.rebuildQueryPort()));
        env.put("RELAIS_QUERY_DB_URL", settings.jdbcUrl(REBUILD_DB));
        env.put("RELAIS_QUERY_GROUP_ID", group);
        long started = System.nanoTime();
        Service rebuild = startJar("query-service-rebuild", "query-service", settings.rebuildQueryPort(), env);
        Path jfr = runDir.resolve("query-service-rebuild.jfr");
        boolean profiling = false;
        if (settings.profile()) {
            rebuild.awaitListening(Duration.ofSeconds(120));
            profiling = Profiles.start(rebuild.pid(), "bench", jfr);
        }
        int window = Math.max(20, settings.phaseSeconds() * 3);
        KafkaPhases.CatchUp result = withCpu("rebuild", () -> KafkaPhases.awaitCatchUp(admin, group, ends,
                started, 900, window, "rebuild"));
        if (profiling && Profiles.stop(rebuild.pid(), "bench") && Files.exists(jfr)) {
            details.put("profileQueryServiceRebuild", Profiles.summarise(jfr, 25));
        }
        peakRss.put("query-service (rebuild)", rebuild.peakRssMib());
        rebuild.close();
        details.put("rebuild", Map.of("topics", present, "result", result, "windowSeconds", window));
        rows.add(new Table.Row("6 rebuild", "projection rebuild (new group, empty database)",
                result.eventsPerSecond(), "events/s", (result.complete() ? "caught up, " : "measured over "
                + window + " s after the first commit, ") + Table.number(result.events()) + " of "
                + Table.number(ends.values().stream().mapToLong(Long::longValue).sum()) + " records of the pre-filled"
                + " broker"));
    }

    private void kpiAndSlaPhases() throws Exception {
        Path data = settings.workDir().resolve("kafka-kpi");
        String bootstrap = "127.0.0.1:" + settings.kpiKafkaPort();
        Service broker = startBroker("kafka-kpi", settings.kpiKafkaPort(), settings.kpiKafkaControllerPort(), data);
        try (Admin admin = KafkaPhases.admin(bootstrap)) {
            KafkaPhases.createTopic(admin, Topics.TASKS);
            int rawRecords = Math.max(100_000, settings.kpiEvents() / 2);
            Progress.say("kafka producer: %,d pre-serialized task events, acks=all, idempotent", rawRecords);
            KafkaPhases.ProduceResult raw = withCpu("kafka-producer", () -> KafkaPhases.rawProducer(bootstrap,
                    rawRecords));
            Progress.say("kafka producer: %.0f records/s", raw.recordsPerSecond());
            details.put("kafkaProducer", raw);
            rows.add(new Table.Row("5 kpi-streams", "Kafka producer alone (pre-serialized, acks=all, idempotent)",
                    raw.recordsPerSecond(), "records/s", "target " + Table.number(PRODUCER_TARGET) + " ("
                    + Table.percent(Table.ratio(raw.recordsPerSecond(), PRODUCER_TARGET)) + "); "
                    + raw.bytes() / Math.max(1, raw.records()) + " B values + CloudEvents headers"));
            Progress.say("kpi: producing %,d synthetic task events to %s on %s", settings.kpiEvents(),
                    Topics.TASKS.name(), bootstrap);
            KafkaPhases.ProduceResult produced = withCpu("kpi-prefill", () ->
                    KafkaPhases.prefill(bootstrap, settings.kpiEvents()));
            Progress.say("kpi: %,d events in %.1f s: %.0f records/s", produced.records(), produced.seconds(),
                    produced.recordsPerSecond());
            rows.add(new Table.Row("5 kpi-streams", "prefill: events generated and produced",
                    produced.recordsPerSecond(), "records/s", "one thread builds each CloudEvent, JSON included; avg "
                    + produced.bytes() / Math.max(1, produced.records()) + " B of data"));
            Map<TopicPartition, Long> ends = KafkaPhases.endOffsets(admin, List.of(Topics.TASKS.name()));
            String applicationId = "bench-kpi-catchup-" + runId;
            Map<String, String> env = serviceEnvironment();
            env.put("RELAIS_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            env.put("RELAIS_KPI_PORT", Integer.toString(settings.catchUpKpiPort()));
            env.put("RELAIS_KPI_APPLICATION_ID", applicationId);
            env.put("RELAIS_KPI_STATE_DIR", settings.workDir().resolve("kpi-state-catchup").toString());
            long started = System.nanoTime();
            Service kpi = startJar("kpi-streams-catchup", "kpi-streams", settings.catchUpKpiPort(), env);
            Path jfr = runDir.resolve("kpi-streams-catchup.jfr");
            boolean profiling = false;
            if (settings.profile()) {
                kpi.awaitListening(Duration.ofSeconds(120));
                profiling = Profiles.start(kpi.pid(), "bench", jfr);
            }
            KafkaPhases.CatchUp catchUp = withCpu("kpi-catchup", () ->
                    KafkaPhases.awaitCatchUp(admin, applicationId, ends, started, 900, 900, "kpi catch-up"));
            if (profiling && Profiles.stop(kpi.pid(), "bench") && Files.exists(jfr)) {
                details.put("profileKpiStreamsCatchUp", Profiles.summarise(jfr, 25));
            }
            details.put("kpiCatchUp", Map.of("produced", produced, "catchUp", catchUp));
            rows.add(new Table.Row("5 kpi-streams", "catch-up, one instance, exactly-once v2", catchUp.eventsPerSecond(),
                    "events/s", Table.number(catchUp.events()) + " events; target (simple windowed aggregate) "
                    + Table.number(STREAMS_TARGET) + " (" + Table.percent(Table.ratio(catchUp.eventsPerSecond(),
                    STREAMS_TARGET)) + "); " + Table.number(catchUp.eventsPerSecondIncludingStartup())
                    + "/s with JVM start-up"));
            if (settings.runs("sla") || "all".equals(settings.phases())) {
                kpi.awaitReady("/actuator/health/readiness", Duration.ofSeconds(120));
                KafkaPhases.SlaResult sla = withCpu("sla", () -> KafkaPhases.slaAlerts(bootstrap, settings.slaTasks()));
                details.put("slaAlerts", sla);
                String note = sla.alerts() + " of " + sla.tasks() + " alerts; punctuation every 1 s";
                rows.add(new Table.Row("7 SLA alert", "due → BREACHED alert on the topic p50", sla.latency().p50(), "ms",
                        note));
                rows.add(new Table.Row("7 SLA alert", "due → BREACHED alert on the topic p99", sla.latency().p99(), "ms",
                        "max " + Table.number(sla.latency().max()) + " ms"));
            }
            peakRss.put("kpi-streams (catch-up)", kpi.peakRssMib());
            kpi.close();
            if (settings.runs("rebuild")) {
                guard("rebuild", () -> rebuildPhase(admin, bootstrap));
            }
            peakRss.put("kafka (kpi broker)", broker.peakRssMib());
        } finally {
            broker.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- the system

    private void startSystem() throws Exception {
        recreateDatabase(COMMAND_DB);
        recreateDatabase(QUERY_DB);
        recreateDatabase(CRUD_DB);
        startBroker("kafka", settings.kafkaPort(), settings.kafkaControllerPort(), settings.workDir().resolve("kafka"));
        Map<String, String> env = serviceEnvironment();
        List<Service> services = List.of(
                startJar("command-service", "command-service", settings.commandPort(), env),
                startJar("query-service", "query-service", settings.queryPort(), env),
                startJar("kpi-streams", "kpi-streams", settings.kpiPort(), env));
        Map<String, String> crudEnv = new HashMap<>();
        crudEnv.put("SERVER_PORT", Integer.toString(settings.crudPort()));
        crudEnv.put("SPRING_DATASOURCE_URL", settings.jdbcUrl(CRUD_DB));
        crudEnv.put("SPRING_DATASOURCE_USERNAME", settings.pgUser());
        crudEnv.put("SPRING_DATASOURCE_PASSWORD", settings.pgPassword());
        crudEnv.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "10");
        crudEnv.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", "file:" + publicKey);
        List<String> crudCommand = new ArrayList<>(List.of(java()));
        crudCommand.addAll(javaOpts());
        crudCommand.addAll(List.of("-cp", classPath, "io.relais.benchmark.crud.CrudBaselineApplication"));
        Service crud = track(Service.start("crud-baseline", settings.crudPort(), crudCommand, crudEnv, logDir()));
        for (Service service : services) {
            service.awaitReady("/actuator/health/readiness", Duration.ofMinutes(4));
        }
        crud.awaitReady("/crud/health", Duration.ofMinutes(2));
        String admin = jwt.token("admin", List.of("ADMIN"), "acme");
        Http.Answer engagement = Http.post(commandUrl() + "/api/engagements", admin, """
                {"providerOrganisation":"backoffice-pro","agents":["amina"],"internalHourlyRate":45.00,\
                "providerHourlyRate":18.00,"dpaSigned":true,"startsOn":"%s","plannedEndOn":"2099-12-31"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        if (engagement.status() != 201) {
            throw new IllegalStateException("cannot create the benchmark's engagement: " + engagement.status() + " "
                    + engagement.body());
        }
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("RELAIS_DB_USER", settings.pgUser());
        env.put("RELAIS_DB_PASSWORD", settings.pgPassword());
        env.put("RELAIS_COMMAND_DB_URL", settings.jdbcUrl(COMMAND_DB));
        env.put("RELAIS_QUERY_DB_URL", settings.jdbcUrl(QUERY_DB));
        env.put("RELAIS_KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        env.put("RELAIS_COMMAND_PORT", Integer.toString(settings.commandPort()));
        env.put("RELAIS_QUERY_PORT", Integer.toString(settings.queryPort()));
        env.put("RELAIS_KPI_PORT", Integer.toString(settings.kpiPort()));
        env.put("RELAIS_QUERY_PUBLIC_URL", "http://127.0.0.1:" + settings.queryPort());
        env.put("RELAIS_KPI_APPLICATION_ID", "relais-bench-kpi-" + runId);
        env.put("RELAIS_KPI_STATE_DIR", settings.workDir().resolve("kpi-state").toString());
        env.put("RELAIS_QUERY_GROUP_ID", "relais-bench-query");
        env.put("RELAIS_SECURITY_MODE", "JWT");
        env.put("RELAIS_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey);
        // the per-principal flood guard (120 writes/min) would cap the three benchmark callers at 6 commands/s
        env.put("RELAIS_WRITE_RATE_LIMIT_PER_MINUTE", "100000000");
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    private Service startBroker(String name, int port, int controllerPort, Path data) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("RELAIS_KAFKA_PORT", Integer.toString(port));
        env.put("RELAIS_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        env.put("RELAIS_KAFKA_DATA_DIR", data.toString());
        List<String> command = List.of(java(), "-Xms256m", "-Xmx512m", "-cp", classPath,
                "io.relais.localkafka.LocalKafka");
        Service broker = track(Service.start(name, port, command, env, logDir()));
        broker.awaitListening(Duration.ofSeconds(90));
        return broker;
    }

    private Service startJar(String name, String module, int port, Map<String, String> env) throws IOException {
        Path jar = settings.productRoot().resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run bin/relais-benchmark (it builds what is missing)");
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOpts());
        command.addAll(List.of("-jar", jar.toString()));
        return track(Service.start(name, port, command, env, logDir()));
    }

    private Service track(Service service) {
        started.add(service);
        byName.put(service.name, service);
        return service;
    }

    private void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private RelaisCommands relaisCommands(Freshness freshness) {
        return new RelaisCommands(commandUrl(), jwt.token("claire", List.of("REQUESTER"), "acme"),
                jwt.token("marc", List.of("APPROVER"), "acme"), jwt.token("amina", List.of("AGENT"), "backoffice-pro"),
                freshness);
    }

    private void warmUp(String label, LoadDriver.Operation operation) throws InterruptedException {
        if (settings.warmupSeconds() <= 0) {
            return;
        }
        int clients = settings.clients().stream().max(Integer::compare).orElse(4);
        Progress.say("%s: warming up for %d s with %d clients (not recorded)", label, settings.warmupSeconds(), clients);
        LoadDriver.closedLoop(label + " warm-up", operation, clients, settings.warmupSeconds());
    }

    @FunctionalInterface
    private interface Measured<T> {
        T run() throws Exception;
    }

    /** Runs a measure and records the CPU seconds each running process (and the whole machine) spent in it. */
    private <T> T withCpu(String phase, Measured<T> measure) throws Exception {
        Map<String, Double> before = new LinkedHashMap<>();
        started.forEach(s -> before.put(s.name, s.cpuSeconds()));
        long[] machineBefore = ProcStats.machineTicks();
        double selfBefore = ProcStats.cpuSeconds(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        T result = measure.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] machineAfter = ProcStats.machineTicks();
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("wallSeconds", round(seconds));
        for (Service s : started) {
            double b = before.getOrDefault(s.name, 0d);
            used.put(s.name, round(s.cpuSeconds() - (Double.isNaN(b) ? 0 : b)));
        }
        double driver = ProcStats.cpuSeconds(ProcessHandle.current().pid()) - selfBefore;
        used.put("benchmark driver", round(driver));
        long total = machineAfter[1] - machineBefore[1];
        double ours = driver;
        for (Map.Entry<String, Object> e : used.entrySet()) {
            if (!e.getKey().equals("wallSeconds") && !e.getKey().equals("benchmark driver")
                    && e.getValue() instanceof Double d && !d.isNaN()) {
                ours += d;
            }
        }
        // CPU seconds spent by processes the benchmark did not start (other work on the machine, pgbench, PostgreSQL)
        used.put("postgresqlAndOtherProcesses", round((machineAfter[0] - machineBefore[0]) / 100d - ours));
        used.put("machineBusyPercent", total == 0 ? Double.NaN
                : round(100d * (machineAfter[0] - machineBefore[0]) / total));
        cpu.put(phase, used);
        return result;
    }

    /** Phase 9: what sealing and opening a personal field costs (crypto-shredding, issue 10). */
    private void personalDataPhase() {
        Progress.say("phase 9: personal-data envelope, AES-256-GCM, %d s each", settings.phaseSeconds());
        PersonalDataCost.Result cost = PersonalDataCost.measure(java.time.Duration.ofSeconds(settings.phaseSeconds()));
        rows.add(new Table.Row("9 personal data", "seal one field (AES-256-GCM, in-process)", cost.sealsPerSecond(),
                "fields/s", String.format(Locale.ROOT, "%.1f µs each; %d → %d characters", 1e6 / cost.sealsPerSecond(),
                cost.plainLength(), cost.sealedLength())));
        rows.add(new Table.Row("9 personal data", "open one field (AES-256-GCM, in-process)", cost.opensPerSecond(),
                "fields/s", String.format(Locale.ROOT, "%.1f µs each", 1e6 / cost.opensPerSecond())));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100d;
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    private void guard(String phase, Phase body) {
        for (Service service : started) {
            if (!service.stopped && !service.process.isAlive()) {
                String why = service.name + " exited (code " + service.process.exitValue() + ") before phase " + phase
                        + "; see " + service.log;
                Progress.say("phase %s SKIPPED: %s", phase, why);
                caveats.add("phase " + phase + " skipped: " + why);
                return;
            }
        }
        try {
            body.run();
        } catch (Exception | AssertionError failed) {
            Progress.say("phase %s FAILED: %s", phase, failed);
            failed.printStackTrace(System.out);
            caveats.add("phase " + phase + " failed: " + failed);
        }
    }

    private void snapshotRss() {
        for (Service service : started) {
            double rss = service.peakRssMib();
            if (!Double.isNaN(rss)) {
                peakRss.merge(service.name, rss, Math::max);
            }
        }
    }

    private void memoryRows() {
        peakRss.forEach((name, mib) -> rows.add(new Table.Row("8 memory", "peak RSS " + name, mib, "MiB",
                name.startsWith("kafka") ? "-Xmx512m" : (name.startsWith("crud") ? settings.serviceJavaOpts() + " (baseline)"
                        : settings.serviceJavaOpts()))));
    }

    /** Relais ÷ pgbench and Relais ÷ CRUD at each number of clients, from the rows already there. */
    private void ratioRows() {
        Map<Integer, Double> pg = valuesBy("pgbench single-row insert, ");
        Map<Integer, Double> crud = valuesBy("CRUD insert over HTTP, ");
        Map<Integer, Double> relais = valuesBy("Relais closed loop, ");
        for (Map.Entry<Integer, Double> r : new TreeMap<>(relais).entrySet()) {
            rows.add(new Table.Row("ratios", "Relais ÷ pgbench ceiling, " + r.getKey() + " client(s)",
                    100 * Table.ratio(r.getValue(), pg.getOrDefault(r.getKey(), Double.NaN)), "%", "commands/s ÷ commits/s"));
            rows.add(new Table.Row("ratios", "Relais ÷ CRUD baseline, " + r.getKey() + " client(s)",
                    100 * Table.ratio(r.getValue(), crud.getOrDefault(r.getKey(), Double.NaN)), "%",
                    "commands/s ÷ inserts/s"));
        }
    }

    /** Says so when command-service's relay stopped (it logs why): freshness and what follows depend on it. */
    private void relayStopped() {
        Service command = byName.get("command-service");
        try (Stream<String> lines = Files.lines(command.log)) {
            lines.filter(l -> l.contains("the relay stops")).findFirst().ifPresent(line -> {
                String why = line.substring(Math.max(0, line.indexOf("Exception:") + 10)).trim();
                caveats.add("command-service's relay STOPPED during the run, so events stopped reaching Kafka and the"
                        + " projections: " + why + " (" + command.log + ")");
                Progress.say("the relay stopped: %s", why);
            });
        } catch (IOException | RuntimeException unreadable) {
            // no log, no diagnosis
        }
    }

    private Map<Integer, Double> valuesBy(String prefix) {
        Map<Integer, Double> values = new HashMap<>();
        for (Table.Row row : rows) {
            if (row.measure().startsWith(prefix)) {
                String rest = row.measure().substring(prefix.length());
                values.put(Integer.parseInt(rest.substring(0, rest.indexOf(' '))), row.value());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private void charts() {
        try {
            Map<String, Map<Double, Double>> latency = new LinkedHashMap<>();
            Map<String, Map<Double, Double>> freshness = new LinkedHashMap<>();
            Object open = details.get("relaisOpenLoop");
            if (open instanceof List<?> list) {
                for (Object o : list) {
                    Map<String, Object> entry = (Map<String, Object>) o;
                    LoadDriver.Result r = (LoadDriver.Result) entry.get("load");
                    LatencyRecorder.Summary f = (LatencyRecorder.Summary) entry.get("freshness");
                    double rate = r.targetRate();
                    latency.computeIfAbsent("p50", k -> new TreeMap<>()).put(rate, r.latency().p50());
                    latency.computeIfAbsent("p90", k -> new TreeMap<>()).put(rate, r.latency().p90());
                    latency.computeIfAbsent("p99", k -> new TreeMap<>()).put(rate, r.latency().p99());
                    latency.computeIfAbsent("max", k -> new TreeMap<>()).put(rate, r.latency().max());
                    freshness.computeIfAbsent("p50", k -> new TreeMap<>()).put(rate, f.p50());
                    freshness.computeIfAbsent("p99", k -> new TreeMap<>()).put(rate, f.p99());
                }
            }
            Charts.line(runDir.resolve("latency-vs-rate.png"), "Relais command latency (corrected for coordinated"
                    + " omission)", "offered rate (commands/s)", "latency (ms, log)", latency, true);
            Charts.line(runDir.resolve("freshness-vs-rate.png"), "Command accepted → visible in the projection",
                    "offered rate (commands/s)", "freshness (ms, log)", freshness, true);
            Map<String, Map<Double, Double>> throughput = new LinkedHashMap<>();
            throughput.put("pgbench insert (commits/s)", toDouble(valuesBy("pgbench single-row insert, ")));
            throughput.put("CRUD over HTTP (inserts/s)", toDouble(valuesBy("CRUD insert over HTTP, ")));
            throughput.put("Relais (commands/s)", toDouble(valuesBy("Relais closed loop, ")));
            Charts.line(runDir.resolve("throughput-vs-clients.png"), "Closed-loop throughput", "clients",
                    "per second (log)", throughput, true);
        } catch (Exception | Error failed) {
            Progress.say("charts failed: %s", failed);
            caveats.add("charts failed: " + failed);
        }
    }

    private static Map<Double, Double> toDouble(Map<Integer, Double> values) {
        Map<Double, Double> result = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!Double.isNaN(v)) {
                result.put(k.doubleValue(), v);
            }
        });
        return result;
    }

    private static String failures(LoadDriver.Result r) {
        return r.failed() == 0 ? "" : r.failed() + " failed " + r.failures() + "; ";
    }

    private static String latencyNote(LatencyRecorder.Summary latency) {
        return String.format(Locale.ROOT, "latency p50 %s, p99 %s ms", Table.number(latency.p50()),
                Table.number(latency.p99()));
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        for (int port : new int[] {settings.commandPort(), settings.queryPort(), settings.kpiPort(), settings.crudPort(),
                settings.catchUpKpiPort(), settings.rebuildQueryPort(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.kpiKafkaPort(), settings.kpiKafkaControllerPort()}) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                taken.add(Integer.toString(port));
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port(s) already in use: " + String.join(", ", taken)
                    + "; is another benchmark running? (RELAIS_BENCH_*_PORT choose others)");
        }
    }

    private void prepareWorkDir() throws IOException {
        for (String dir : List.of("kafka", "kafka-kpi", "kpi-state", "kpi-state-catchup")) {
            deleteTree(settings.workDir().resolve(dir));
        }
        Files.createDirectories(logDir());
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Path logDir() {
        return runDir.resolve("logs");
    }

    private void recreateDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.pgUser(),
                settings.pgPassword()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(database), settings.pgUser(),
                settings.pgPassword()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Freshness is measured on a drained system: waits until the relay has published every stored event (the relay's
     * topics hold at least as many records as the event store holds events), at most {@code seconds}; the rate at
     * which it drained the backlog, with no load, is the relay's own throughput.
     */
    private Map<String, Object> awaitRelayIdle(int rate, int seconds) throws Exception {
        List<String> relayTopics = List.of(Topics.TASKS.name(), Topics.PROCESSES.name(), Topics.ENGAGEMENTS.name(),
                Topics.ACCESS.name());
        long started = System.nanoTime();
        long firstBacklog = -1;
        long firstPublished = 0;
        long backlog = 0;
        long published = 0;
        try (Admin admin = KafkaPhases.admin(bootstrap());
             Connection connection = DriverManager.getConnection(settings.jdbcUrl(COMMAND_DB), settings.pgUser(),
                     settings.pgPassword()); Statement statement = connection.createStatement()) {
            while (true) {
                List<String> present = new ArrayList<>(admin.listTopics().names().get());
                present.retainAll(relayTopics);
                published = KafkaPhases.endOffsets(admin, present).values().stream().mapToLong(Long::longValue).sum();
                long stored;
                try (var rows = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
                    rows.next();
                    stored = rows.getLong(1);
                }
                backlog = Math.max(0, stored - published);
                if (firstBacklog < 0) {
                    firstBacklog = backlog;
                    firstPublished = published;
                    if (backlog > 0) {
                        Progress.say("  relay backlog before %d/s: %,d events; waiting up to %d s for it to drain", rate,
                                backlog, seconds);
                    }
                }
                if (backlog == 0 || System.nanoTime() - started > TimeUnit.SECONDS.toNanos(seconds)) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double drainRate = firstBacklog > 0 && elapsed > 1 ? (published - firstPublished) / elapsed : Double.NaN;
        if (firstBacklog > 0) {
            Progress.say("  relay: drained %,d events in %.0f s (%.0f events/s with no load), %,d left", published
                    - firstPublished, elapsed, drainRate, backlog);
            rows.add(new Table.Row("4 freshness", "before " + rate + "/s: relay draining its backlog, no load", drainRate,
                    "events/s", Table.number(firstBacklog) + " events behind; " + Table.number(backlog)
                    + " still behind after " + Math.round(elapsed) + " s"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("backlogAtStart", firstBacklog);
        result.put("backlogAtEnd", backlog);
        result.put("seconds", elapsed);
        result.put("drainEventsPerSecond", drainRate);
        return result;
    }

    private long tasksOnTopic() throws Exception {
        try (Admin admin = KafkaPhases.admin(bootstrap())) {
            return KafkaPhases.endOffsets(admin, List.of(Topics.TASKS.name())).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    private String bootstrap() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    private String commandUrl() {
        return "http://127.0.0.1:" + settings.commandPort();
    }

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<String> javaOpts() {
        return Arrays.stream(settings.serviceJavaOpts().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> machine.put("memory", l.substring(l.indexOf(':') + 1).trim()));
        } catch (IOException notLinux) {
            // not Linux
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.pgUser(),
                settings.pgPassword()); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version(), current_setting('synchronous_commit'),"
                     + " current_setting('shared_buffers'), current_setting('wal_sync_method')")) {
            rows.next();
            machine.put("postgresql", rows.getString(1));
            machine.put("postgresqlSettings", "synchronous_commit=" + rows.getString(2) + ", shared_buffers="
                    + rows.getString(3) + ", wal_sync_method=" + rows.getString(4));
        } catch (SQLException unreachable) {
            machine.put("postgresql", "unreachable: " + unreachable.getMessage());
        }
        return machine;
    }

    private Map<String, Object> settingsMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("phases", settings.phases());
        map.put("warmupSeconds", settings.warmupSeconds());
        map.put("phaseSeconds", settings.phaseSeconds());
        map.put("clients", settings.clients());
        map.put("rates", settings.rates());
        map.put("openLoopWorkers", settings.openLoopWorkers());
        map.put("kpiEvents", settings.kpiEvents());
        map.put("slaTasks", settings.slaTasks());
        map.put("serviceJavaOpts", settings.serviceJavaOpts());
        map.put("serviceEnvironment", settings.serviceEnvironment());
        map.put("authentication", "JWT (RS256, key generated per run), RELAIS_WRITE_RATE_LIMIT_PER_MINUTE=100000000");
        map.put("databases", List.of(COMMAND_DB, QUERY_DB, REBUILD_DB, PG_DB, CRUD_DB));
        return map;
    }
}
