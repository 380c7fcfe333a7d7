package io.relais.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two files of one section, written row by row: {@code <name>.json} or {@code .ndjson}, and {@code <name>.csv}
 * (a header row of the JSON property names, then one record per row; nested values as JSON text). Their sizes and
 * SHA-256 are computed as they are written.
 */
final class SectionOutput implements AutoCloseable {

    private static final byte[] NEWLINE = {'\n'};

    private final ExportSection section;
    private final ObjectMapper json;
    private final Path jsonPath;
    private final Path csvPath;
    private final DigestingOutputStream jsonDigest;
    private final DigestingOutputStream csvDigest;
    private final OutputStream jsonOut;
    private final Writer csvOut;
    private final CsvWriter csv;
    private List<String> columns;
    private long rows;
    private boolean closed;

    SectionOutput(ExportSection section, Path directory, ObjectMapper json) throws IOException {
        this.section = section;
        this.json = json;
        this.jsonPath = directory.resolve(section.jsonFile());
        this.csvPath = directory.resolve(section.csvFile());
        this.jsonDigest = new DigestingOutputStream(Files.newOutputStream(jsonPath));
        this.jsonOut = new BufferedOutputStream(jsonDigest, 64 * 1024);
        this.csvDigest = new DigestingOutputStream(Files.newOutputStream(csvPath));
        this.csvOut = new OutputStreamWriter(new BufferedOutputStream(csvDigest, 64 * 1024), StandardCharsets.UTF_8);
        this.csv = new CsvWriter(csvOut);
        if (section.format() == ExportSection.Format.JSON_ARRAY) {
            jsonOut.write('[');
        }
    }

    /** The CSV header; called once, before the first row (also when there are no rows). */
    void columns(List<String> names) throws IOException {
        if (columns == null) {
            columns = List.copyOf(names);
            csv.record(columns);
        }
    }

    void row(JsonNode row) throws IOException {
        if (section.format() == ExportSection.Format.JSON_ARRAY) {
            jsonOut.write(rows == 0 ? NEWLINE : ",\n".getBytes(StandardCharsets.US_ASCII));
        }
        jsonOut.write(json.writeValueAsBytes(row));
        if (section.format() == ExportSection.Format.NDJSON) {
            jsonOut.write(NEWLINE);
        }
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(row.get(column)));
        }
        csv.record(cells);
        rows++;
    }

    private String cell(JsonNode value) throws IOException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isContainerNode()) {
            return json.writeValueAsString(value);
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream j = jsonOut; Writer c = csvOut) {
            if (section.format() == ExportSection.Format.JSON_ARRAY) {
                jsonOut.write(rows == 0 ? "]\n".getBytes(StandardCharsets.US_ASCII)
                        : "\n]\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** The manifest's entries for both files; after {@link #close()}. */
    List<ArchiveFile> files() {
        return List.of(
                new ArchiveFile(section.jsonFile(), section.name(), section.format() == ExportSection.Format.NDJSON
                        ? "ndjson" : "json-array", section.format().mediaType, rows, jsonDigest.count(),
                        jsonDigest.sha256Hex(), jsonPath),
                new ArchiveFile(section.csvFile(), section.name(), "csv", "text/csv; charset=utf-8; header=present",
                        rows, csvDigest.count(), csvDigest.sha256Hex(), csvPath));
    }

    /** One file of the archive as the manifest describes it. */
    record ArchiveFile(String name, String section, String format, String mediaType, long rows, long bytes,
                       String sha256, Path path) {
    }
}
