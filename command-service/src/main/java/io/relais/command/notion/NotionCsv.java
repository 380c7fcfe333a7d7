package io.relais.command.notion;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as Notion writes it (RFC 4180: UTF-8, optionally with a byte-order mark, quoted cells that may hold
 * commas, doubled quotes and line breaks; CRLF or LF). Each record keeps the line it starts on, so that the report
 * can say which line of the file a problem is on.
 */
final class NotionCsv {

    private NotionCsv() {
    }

    /** @param line the physical line of the file the record starts on (the header is line 1) */
    record Record(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** @throws NotionExportRefused when a quoted cell is never closed */
    static List<Record> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean recordStarted = false;
        int line = 1;
        int recordLine = 1;
        int quoteOpenedOn = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    quoteOpenedOn = line;
                    recordStarted = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    recordStarted = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (recordStarted || cell.length() > 0) {
                        cells.add(cell.toString());
                        records.add(new Record(recordLine, List.copyOf(cells)));
                    }
                    cells.clear();
                    cell.setLength(0);
                    recordStarted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    cell.append(c);
                    recordStarted = true;
                }
            }
        }
        if (quoted) {
            throw NotionExportRefused.invalid("The CSV's quoted cell opened on line " + quoteOpenedOn
                    + " is never closed");
        }
        if (recordStarted || cell.length() > 0) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
