package io.relais.command.notion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sample Notion export of the tests, kept readable as a folder of test resources
 * ({@code notion/sample-export}: the "Back-office Ops" CSV, two SOP pages, a row page, a home page), zipped as Notion
 * zips it. {@link #fresh()} gives every Notion id and SOP title a new suffix, so that tests sharing one event store
 * each import an export of their own.
 */
final class SampleExport {

    static final String DATABASE = "Back-office Ops 3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a69.csv";
    static final List<String> NOTION_IDS = List.of("3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a69",
            "8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d", "2b3c4d5e6f7a4b9c8d1e2f3a4b5c6d7e", "5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b",
            "7c8d9e0f1a2b4c3d9e4f5a6b7c8d9e0f", "9d0e1f2a3b4c4d5e8f6a7b8c9d0e1f2a");
    static final List<String> SOP_TITLES = List.of("Relances clients", "Facturation mensuelle");
    /** The rows of the CSV that cannot be imported, by the start of their line. */
    static final List<String> BAD_ROWS = List.of("Répondre aux tickets L1", ",Support,Haute", "Saisir les notes de frais",
            "Préparer la paie");

    private final Map<String, String> files;

    private SampleExport(Map<String, String> files) {
        this.files = files;
    }

    static SampleExport load() {
        try {
            Path root = Path.of(SampleExport.class.getResource("/notion/sample-export").toURI());
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
                }
            }
            return new SampleExport(files);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the sample export is a test resource", e);
        }
    }

    /** The same export with new Notion ids and SOP titles, as if from another workspace. */
    static SampleExport fresh() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SampleExport export = load();
        for (String id : NOTION_IDS) {
            String replacement = UUID.randomUUID().toString().replace("-", "");
            export = export.rewrite(text -> text.replace(id, replacement));
        }
        for (String title : SOP_TITLES) {
            String encoded = title.replace(" ", "%20");
            export = export.rewrite(text -> text.replace(title, title + " " + suffix)
                    .replace(encoded, encoded + "%20" + suffix));
        }
        return export;
    }

    /** Applies {@code change} to every path and every content. */
    SampleExport rewrite(UnaryOperator<String> change) {
        Map<String, String> changed = new TreeMap<>();
        files.forEach((path, text) -> changed.put(change.apply(path), change.apply(text)));
        return new SampleExport(changed);
    }

    /** Without the CSV's bad rows: the export once the SME fixed them (here, by deleting them). */
    SampleExport withoutBadRows() {
        Map<String, String> changed = new TreeMap<>(files);
        String csvPath = csvPath();
        String kept = files.get(csvPath).lines()
                .filter(line -> BAD_ROWS.stream().noneMatch(line::startsWith))
                .reduce("", (all, line) -> all + line + "\r\n");
        changed.put(csvPath, kept);
        return new SampleExport(changed);
    }

    SampleExport with(String path, String text) {
        Map<String, String> changed = new TreeMap<>(files);
        changed.put(path, text);
        return new SampleExport(changed);
    }

    SampleExport without(String path) {
        Map<String, String> changed = new TreeMap<>(files);
        changed.remove(path);
        return new SampleExport(changed);
    }

    String csvPath() {
        return files.keySet().stream().filter(path -> path.endsWith(".csv")).findFirst().orElseThrow();
    }

    Map<String, String> files() {
        return files;
    }

    byte[] zip() {
        return zip(files);
    }

    /** This export with a binary file beside its pages, as Notion adds a page's images when asked to. */
    byte[] zipWith(String path, byte[] binary) {
        return zip(files, Map.of(path, binary));
    }

    static byte[] zip(Map<String, String> files) {
        return zip(files, Map.of());
    }

    private static byte[] zip(Map<String, String> files, Map<String, byte[]> binaries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                for (Map.Entry<String, byte[]> binary : binaries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(binary.getKey()));
                    zip.write(binary.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
