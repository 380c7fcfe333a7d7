package io.relais.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 1, the ceiling: PostgreSQL's own pgbench committing one event-sized row per transaction into an
 * append-only table with a unique (aggregate, sequence) index, like the event store's, on the same server.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    record Result(int clients, double tps, double latencyAverageMs) {
    }

    private PgBench() {
    }

    /**
     * The transaction pgbench repeats. The row's JSON comes from an immutable SQL function (folded into the plan): a
     * literal would hold ':name' sequences, which pgbench takes for its own variables.
     */
    static String script() {
        return "INSERT INTO bench_event (aggregate_id, sequence, type, payload, metadata)"
                + " VALUES (gen_random_uuid(), 0, 'relais.task.requested.v1', bench_payload(), bench_metadata());\n";
    }

    /** The functions {@link #script()} calls, created next to the table. */
    static List<String> functions() {
        return List.of(
                "CREATE OR REPLACE FUNCTION bench_payload() RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$ SELECT '"
                        + PgBenchSchema.PAYLOAD.replace("'", "''") + "'::jsonb $f$",
                "CREATE OR REPLACE FUNCTION bench_metadata() RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$ SELECT '"
                        + PgBenchSchema.METADATA.replace("'", "''") + "'::jsonb $f$");
    }

    static List<Result> run(Settings settings, String database, Path workDir) throws IOException, InterruptedException {
        Path script = workDir.resolve("pgbench-insert.sql");
        Files.writeString(script, script());
        List<Result> results = new ArrayList<>();
        for (int clients : settings.clients()) {
            int threads = Math.min(clients, 4);
            List<String> command = List.of(settings.pgbench(), "-n", "-M", "prepared", "-h", settings.pgHost(),
                    "-p", Integer.toString(settings.pgPort()), "-U", settings.pgUser(), "-c", Integer.toString(clients),
                    "-j", Integer.toString(threads), "-T", Integer.toString(settings.phaseSeconds()), "-P", "5",
                    "-f", script.toString(), database);
            Progress.say("pgbench: %d client(s), %d s: %s", clients, settings.phaseSeconds(), String.join(" ", command));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (!settings.pgPassword().isEmpty()) {
                builder.environment().put("PGPASSWORD", settings.pgPassword());
            }
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("progress:")) {
                        Progress.say("  %s", line);
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Result result = parse(clients, output.toString());
            Progress.say("pgbench: %d client(s): %.0f commits/s, latency average %.3f ms", clients, result.tps(),
                    result.latencyAverageMs());
            results.add(result);
        }
        return results;
    }

    static Result parse(int clients, String output) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no 'tps = ... (without initial connection time)' in pgbench output:\n"
                    + output);
        }
        Matcher latency = LATENCY.matcher(output);
        return new Result(clients, Double.parseDouble(tps.group(1)),
                latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN);
    }

    static Map<String, Object> describe() {
        return Map.of("table", PgBenchSchema.TABLE_DDL, "payloadBytes", PgBenchSchema.PAYLOAD.length(), "metadataBytes", PgBenchSchema.METADATA.length());
    }
}
