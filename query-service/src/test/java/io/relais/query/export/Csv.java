package io.relais.query.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests, written independently of {@link CsvWriter}: records end with CRLF; a quoted
 * field may hold commas, doubled quotes and line breaks; an unquoted empty field reads as {@code null}, a quoted empty
 * one as the empty string. Anything else (a bare LF, a quote inside an unquoted field, text after a closing quote) is
 * an error.
 */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return records;
        }
        while (i < n) {
            String field;
            if (text.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                field = value.toString();
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '"') {
                        throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                    }
                    i++;
                }
                field = i == start ? null : text.substring(start, i);
            }
            record.add(field);
            if (i >= n) {
                throw new IllegalArgumentException("the last record does not end with CRLF");
            }
            char c = text.charAt(i);
            if (c == ',') {
                i++;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i += 2;
                records.add(record);
                record = new ArrayList<>();
            } else {
                throw new IllegalArgumentException("unexpected character " + (int) c + " at " + i);
            }
        }
        return records;
    }
}
