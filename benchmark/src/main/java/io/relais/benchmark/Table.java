package io.relais.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the benchmark prints: phase, measure, value, unit, and a note (ratios, targets, caveats). */
public final class Table {

    /** One line of the table; {@code value} is NaN when the phase did not run or failed. */
    public record Row(String phase, String measure, double value, String unit, String note) {
    }

    private Table() {
    }

    /** {@code numerator / denominator}, NaN when either is missing or the denominator is zero. */
    public static double ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** A ratio as a percentage with one decimal, or "n/a". */
    public static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** A value with thousands separators, no decimals from 100 up, two below. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String format(List<Row> rows) {
        String[] header = {"phase", "measure", "value", "unit", "note"};
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row row : rows) {
            cells.add(new String[] {row.phase(), row.measure(), number(row.value()), row.unit(),
                    row.note() == null ? "" : row.note()});
        }
        int[] widths = new int[header.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                boolean right = i == 2;
                String padded = right ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length());
                out.append(i == 0 ? "" : " | ").append(padded);
            }
            text.append(out.toString().replaceAll("( \\| *)+$", "").stripTrailing()).append('\n');
            if (l == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                text.append(rule).append('\n');
            }
        }
        return text.toString();
    }
}
