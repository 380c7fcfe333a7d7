package io.relais.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: records end with CRLF; a field is enclosed in double quotes when it contains a comma, a double quote,
 * CR or LF (a double quote inside is doubled), or when it is the empty string. A {@code null} field is written as
 * nothing at all, so that a reader can tell null ({@code a,,b}) from the empty string ({@code a,"",b}). The caller
 * chooses the encoding of the {@link Writer} (UTF-8 in the export).
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty()) {
            return "\"\"";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
