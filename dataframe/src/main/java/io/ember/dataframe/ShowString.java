package io.ember.dataframe;

import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Spark's {@code show()} table: right-aligned cells (left-aligned without truncation), minimum width 3. */
final class ShowString {
    private ShowString() {
    }

    /**
     * The table of the first {@code numRows} of {@code internalRows} (which may hold one more, to
     * know whether to say "only showing top").
     */
    static String render(StructType schema, List<Object[]> internalRows, int numRows, int truncate, ZoneId zone) {
        boolean hasMore = internalRows.size() > numRows;
        List<Object[]> rows = hasMore ? internalRows.subList(0, numRows) : internalRows;
        StructField[] fields = schema.fields();
        int cols = fields.length;
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[cols];
        for (int c = 0; c < cols; c++) {
            header[c] = cut(fields[c].name(), truncate);
        }
        cells.add(header);
        for (Object[] r : rows) {
            String[] line = new String[cols];
            for (int c = 0; c < cols; c++) {
                line[c] = cut(Values.format(r[c], fields[c].dataType(), zone), truncate);
            }
            cells.add(line);
        }
        int[] widths = new int[cols];
        for (int c = 0; c < cols; c++) {
            widths[c] = 3;
            for (String[] line : cells) {
                widths[c] = Math.max(widths[c], width(line[c]));
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : widths) {
            sep.append("-".repeat(w)).append('+');
        }
        sep.append('\n');
        StringBuilder sb = new StringBuilder(sep);
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            sb.append('|');
            for (int c = 0; c < cols; c++) {
                String pad = " ".repeat(widths[c] - width(line[c]));
                sb.append(truncate > 0 ? pad + line[c] : line[c] + pad).append('|');
            }
            sb.append('\n');
            if (l == 0) {
                sb.append(sep);
            }
        }
        sb.append(sep);
        if (hasMore) {
            sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows").append('\n');
        }
        return sb.toString();
    }

    private static String cut(String s, int truncate) {
        if (truncate > 0 && s.length() > truncate) {
            return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
        }
        return s;
    }

    /** Display width: full-width (East Asian) characters count twice, as Spark counts them. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isFullWidth(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isFullWidth(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
