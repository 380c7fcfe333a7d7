package io.relais.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one run wrote: when, where, how, the table and every detail behind it. */
public record Results(String runId, String startedAt, String finishedAt, String mode, Map<String, Object> machine,
                      Map<String, Object> settings, List<Table.Row> table, Map<String, Object> details,
                      List<String> caveats) {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    // NaN (a phase that did not run) is written as the JSON string "NaN" (Jackson's default) and read back

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("results.json");
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    static Results read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Results.class);
    }
}
