package io.airlog.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown table printed with aligned columns: what the harness prints and the docs quote. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headings. */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + header.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table as Markdown; columns of numbers (every cell starts with a digit, or is n/a) right-aligned. */
    public String render() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = row.get(c);
                numeric[c] &= cell.equals("n/a") || (!cell.isEmpty() && Character.isDigit(cell.charAt(0)));
            }
        }
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, new boolean[width.length]);
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            out.append(numeric[c] ? ' ' + "-".repeat(width[c] - 1) + ": |" : ' ' + "-".repeat(width[c]) + " |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, width, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean[] alignRight) {
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            out.append(' ').append(alignRight[c] ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }

    /** An integer with thousands separators: {@code 12,345}. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A number with two decimals. */
    public static String fixed2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A number with three decimals. */
    public static String fixed3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A ratio: {@code 3.41×}. */
    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
