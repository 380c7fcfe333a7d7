package io.relais.command.notion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Notion "Markdown & CSV" export holds that the import reads: the "Back-office Ops" database as CSV and the
 * pages as Markdown, each with the 32-hex Notion id Notion appends to every file name.
 *
 * @param database the database CSV, if the archive holds one
 * @param pages    every Markdown page, whatever folder it sits in
 * @param ignored  the other files (images, other databases), named in the report
 */
record NotionExport(Optional<File> database, List<File> pages, List<String> ignored) {

    private static final Pattern NOTION_NAME = Pattern.compile("^(.*?)\\s+([0-9a-fA-F]{32})(?:_all)?$");

    /**
     * A file of the export.
     *
     * @param path     its path inside the archive
     * @param title    its name without folder, Notion id and extension (the page or database title)
     * @param notionId the Notion id in its name, lower case, or null when it has none
     * @param folder   the title of the folder it sits in (Notion id removed), or "" at the top
     */
    record File(String path, String title, String notionId, String folder, String text) {

        static File of(String path, String text) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot) : name;
            int slash = path.lastIndexOf('/');
            String folderPath = slash < 0 ? "" : path.substring(0, slash);
            String folder = folderPath.substring(folderPath.lastIndexOf('/') + 1);
            return new File(path, withoutId(base), idOf(base), withoutId(folder), text);
        }
    }

    static String withoutId(String name) {
        Matcher matcher = NOTION_NAME.matcher(name);
        return matcher.matches() ? matcher.group(1).strip() : name.strip();
    }

    static String idOf(String name) {
        Matcher matcher = NOTION_NAME.matcher(name);
        return matcher.matches() ? matcher.group(2).toLowerCase(java.util.Locale.ROOT) : null;
    }
}
