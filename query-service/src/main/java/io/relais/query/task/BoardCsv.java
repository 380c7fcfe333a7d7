package io.relais.query.task;

import io.relais.contract.notion.BackOfficeOpsColumn;
import io.relais.query.export.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The board as the CSV Notion imports ("Merge with CSV" / "Import → CSV"): UTF-8 with a byte-order mark (without it
 * Notion and spreadsheet tools misread accents), RFC 4180 (query-service's {@link CsvWriter}), the header of seed
 * 004's "Back-office Ops" database as the contract's {@link BackOfficeOpsColumn} names it, so that exporting it back
 * from Notion and importing it into Relais recognises every column. Multi-selects are comma-joined; instants are
 * ISO-8601 UTC, which Notion reads as dates. "Relais ID" carries the task id, so such a round trip creates nothing
 * twice.
 */
final class BoardCsv {

    static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CsvWriter csv;
    private final Writer out;

    BoardCsv(Writer out) {
        this.out = out;
        this.csv = new CsvWriter(out);
    }

    void header() throws IOException {
        out.write(BYTE_ORDER_MARK);
        csv.record(BackOfficeOpsColumn.headers());
    }

    void line(BoardRow row) throws IOException {
        Map<BackOfficeOpsColumn, String> cells = new EnumMap<>(BackOfficeOpsColumn.class);
        cells.put(BackOfficeOpsColumn.TITLE, row.title());
        cells.put(BackOfficeOpsColumn.TYPE, row.type());
        cells.put(BackOfficeOpsColumn.PRIORITY, row.priority() == null ? null : row.priority().name());
        cells.put(BackOfficeOpsColumn.SLA, row.sla().policy());
        cells.put(BackOfficeOpsColumn.RECURRENCE, instant(row.recurrence().occurrenceAt()));
        cells.put(BackOfficeOpsColumn.OWNER, row.owner().agent());
        cells.put(BackOfficeOpsColumn.SOP, row.sop() == null ? null : row.sop().title());
        cells.put(BackOfficeOpsColumn.CHECKLIST, multiSelect(row.checklist().expected()));
        cells.put(BackOfficeOpsColumn.STATUS, row.status().name());
        cells.put(BackOfficeOpsColumn.KPI, multiSelect(row.kpi().sopKpis()));
        cells.put(BackOfficeOpsColumn.DUE, instant(row.sla().dueAt()));
        cells.put(BackOfficeOpsColumn.REQUESTED_AT, instant(row.requestedAt()));
        cells.put(BackOfficeOpsColumn.RELAIS_ID, row.taskId().toString());
        List<String> record = new ArrayList<>();
        for (BackOfficeOpsColumn column : BackOfficeOpsColumn.values()) {
            record.add(cells.get(column));
        }
        csv.record(record);
    }

    /** Notion's multi-select: options joined by commas (an option cannot hold one, so it becomes a space). */
    static String multiSelect(List<String> options) {
        return options == null || options.isEmpty() ? null
                : String.join(", ", options.stream().map(option -> option.replace(',', ' ').strip()).toList());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
