package io.relais.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @Test
    void shouldWriteTheTableAndTheDetailsAsJson_andReadThemBack(@TempDir Path directory) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(0, 3_000_000);
        Results results = new Results("20260101-000000-quick", "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z",
                "quick", Map.of("cores", 2), Map.of("clients", List.of(1, 4, 16)),
                List.of(new Table.Row("1 ceiling", "pgbench single-row insert, 1 client(s)", 6_600.5, "commits/s", ""),
                        new Table.Row("ratios", "Relais ÷ CRUD baseline, 1 client(s)", Double.NaN, "%", "n/a")),
                Map.of("latency", recorder.corrected()), List.of("other work was running"));

        Path file = results.write(directory);

        JsonNode json = Results.JSON.readTree(Files.readString(file));
        assertThat(json.at("/table/0/value").asDouble()).isEqualTo(6_600.5);
        assertThat(json.at("/table/1/value").asText()).isEqualTo("NaN");
        assertThat(json.at("/details/latency/p50").asDouble()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
        Results read = Results.read(file);
        assertThat(read.table().get(0)).isEqualTo(results.table().get(0));
        assertThat(read.table().get(1).value()).isNaN();
        assertThat(read.caveats()).containsExactly("other work was running");
    }
}
