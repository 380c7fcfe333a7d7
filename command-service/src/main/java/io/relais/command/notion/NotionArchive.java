package io.relais.command.notion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens the ZIP Notion's "Export → Markdown & CSV" produces, in memory (nothing is written to disk): the database
 * CSV and the Markdown pages, in any sub-folder. Recent Notion exports wrap the export in an outer ZIP holding
 * {@code Export-…-Part-1.zip}: one such level of nesting is opened. Bounded by the settings (uncompressed bytes and
 * entries, counted as they are inflated, so a ZIP bomb is refused early); paths that would escape the archive
 * ("zip slip") are refused even though nothing is extracted, because such an archive is not Notion's.
 */
final class NotionArchive {

    static final String DATABASE_NAME = "Back-office Ops";

    private final NotionImportSettings settings;
    private long inflated;
    private int entries;

    private NotionArchive(NotionImportSettings settings) {
        this.settings = settings;
    }

    /** @throws NotionExportRefused when the bytes are not such an export (400) or exceed the limits (413) */
    static NotionExport read(byte[] zip, NotionImportSettings settings) {
        if (!isZip(zip)) {
            throw NotionExportRefused.invalid("The upload is not a ZIP archive: export the Notion page with "
                    + "\"Export → Markdown & CSV\" and send the .zip file as it is");
        }
        List<NotionExport.File> csv = new ArrayList<>();
        List<NotionExport.File> markdown = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        new NotionArchive(settings).open(zip, "", 0, csv, markdown, ignored);
        if (csv.isEmpty() && markdown.isEmpty()) {
            throw NotionExportRefused.invalid("The ZIP archive holds no CSV database and no Markdown page");
        }
        Optional<NotionExport.File> database = chooseDatabase(csv, ignored);
        markdown.sort(Comparator.comparing(NotionExport.File::path));
        return new NotionExport(database, List.copyOf(markdown), List.copyOf(ignored));
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }

    /**
     * The "Back-office Ops" database; else the only database of the export. Notion writes {@code <name> <id>.csv}
     * (the view's rows) and, in recent exports, {@code <name> <id>_all.csv} (every row): the latter is preferred.
     */
    private static Optional<NotionExport.File> chooseDatabase(List<NotionExport.File> csv, List<String> ignored) {
        List<NotionExport.File> named = csv.stream()
                .filter(file -> file.title().equalsIgnoreCase(DATABASE_NAME)).toList();
        List<NotionExport.File> candidates = named.isEmpty() ? csv : named;
        List<String> databases = candidates.stream()
                .map(file -> file.notionId() == null ? file.path() : file.notionId()).distinct().toList();
        if (databases.size() > 1) {
            throw NotionExportRefused.invalid("The ZIP archive holds several databases ("
                    + String.join(", ", csv.stream().map(NotionExport.File::path).toList())
                    + "): export the \"" + DATABASE_NAME + "\" database alone, or name it so");
        }
        Optional<NotionExport.File> chosen = candidates.stream()
                .max(Comparator.comparing((NotionExport.File file) -> file.path().endsWith("_all.csv"))
                        .thenComparing(NotionExport.File::path));
        csv.stream().filter(file -> chosen.isEmpty() || file != chosen.get())
                .forEach(file -> ignored.add(file.path()));
        return chosen;
    }

    private void open(byte[] zip, String prefix, int depth, List<NotionExport.File> csv,
                      List<NotionExport.File> markdown, List<String> ignored) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > settings.maxEntries()) {
                    throw NotionExportRefused.tooLarge("The ZIP archive holds more than " + settings.maxEntries()
                            + " entries (relais.notion.max-entries)");
                }
                String path = safePath(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                String lower = path.toLowerCase(Locale.ROOT);
                boolean nestedZip = lower.endsWith(".zip") && depth == 0;
                if (!(lower.endsWith(".csv") || lower.endsWith(".md") || nestedZip)) {
                    ignored.add(prefix + path);
                    continue;
                }
                byte[] content = inflate(in);
                if (nestedZip) {
                    if (!isZip(content)) {
                        throw NotionExportRefused.invalid("The archive's entry '" + prefix + path
                                + "' is named .zip but is not a ZIP archive");
                    }
                    open(content, prefix + path + "!/", depth + 1, csv, markdown, ignored);
                } else {
                    NotionExport.File file = NotionExport.File.of(prefix + path, utf8(prefix + path, content));
                    (lower.endsWith(".csv") ? csv : markdown).add(file);
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            throw NotionExportRefused.invalid("The ZIP archive cannot be read: " + unreadable.getMessage());
        }
    }

    private byte[] inflate(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            inflated += n;
            if (inflated > settings.maxUncompressedBytes()) {
                throw NotionExportRefused.tooLarge("The ZIP archive's content is larger than "
                        + settings.maxUncompressedBytes() + " bytes once uncompressed "
                        + "(relais.notion.max-uncompressed-bytes)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Entry names as Notion writes them: relative, '/'-separated, never climbing out of the archive. */
    static String safePath(String name) {
        String path = name.replace('\\', '/');
        boolean escapes = path.startsWith("/") || path.matches("^[A-Za-z]:.*")
                || List.of(path.split("/")).contains("..");
        if (escapes || path.indexOf('\0') >= 0) {
            throw NotionExportRefused.invalid("The ZIP archive's entry '" + name
                    + "' points outside the archive; a Notion export never does");
        }
        return path;
    }

    private static String utf8(String path, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw NotionExportRefused.invalid("'" + path + "' is not UTF-8 text, as Notion writes it");
        }
    }
}
