package io.relais.command.notion;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do: one entry per SOP page and per database row, in file and line order.
 *
 * @param database       the CSV read as the "Back-office Ops" database, null when none was
 * @param columns        each recognised header of the CSV and the column it was read as
 * @param ignoredColumns headers no column answers to (their cells are not imported)
 * @param ignoredFiles   files of the archive that are neither the database nor a Markdown page
 */
record NotionImportReport(boolean dryRun, Include include, String database, Map<String, String> columns,
                          List<String> ignoredColumns, List<String> ignoredFiles, Summary summary,
                          List<Item> sops, List<Item> rows) {

    /** What to import from the export; each part needs the role its own endpoint needs. */
    enum Include {
        /** SOP pages and rows: ADMIN and APPROVER. */
        ALL,
        /** SOP pages only (procedures): ADMIN, as {@code POST /api/processes}. */
        SOPS,
        /** Rows only (tasks), linked to SOPs already imported or already in force: APPROVER. */
        ROWS;

        boolean sops() {
            return this != ROWS;
        }

        boolean rows() {
            return this != SOPS;
        }
    }

    enum Outcome {
        /** Dry run: it would be created. */
        WOULD_CREATE,
        CREATED,
        /** Already in Relais (imported before, or a procedure of the same title in force): nothing written. */
        SKIPPED_DUPLICATE,
        /** Not imported by design: a page that is no SOP, or a part {@code include} leaves out. */
        IGNORED,
        /** Cannot be imported as it is; {@code errors} say why, naming the column or section and the value. */
        ERROR
    }

    /**
     * One SOP page or one row.
     *
     * @param file      the file inside the archive
     * @param line      the row's line in the CSV (the header is line 1); null for a page
     * @param id        the process or task id created, to be created, or found
     * @param processId for a row, the procedure it follows, if any
     */
    record Item(String file, Integer line, String title, Outcome outcome, String id, String processId,
                List<String> errors, List<String> notes) {

        Item with(Outcome outcome) {
            return new Item(file, line, title, outcome, id, processId, errors, notes);
        }
    }

    record Summary(int wouldCreate, int created, int skippedDuplicate, int ignored, int errors) {

        static Summary of(List<Item> sops, List<Item> rows) {
            List<Item> all = new java.util.ArrayList<>(sops);
            all.addAll(rows);
            return new Summary(count(all, Outcome.WOULD_CREATE), count(all, Outcome.CREATED),
                    count(all, Outcome.SKIPPED_DUPLICATE), count(all, Outcome.IGNORED), count(all, Outcome.ERROR));
        }

        private static int count(List<Item> items, Outcome outcome) {
            return (int) items.stream().filter(item -> item.outcome() == outcome).count();
        }
    }
}
