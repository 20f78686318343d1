package io.ember.dataframe.internal.plan.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The estimated size of a plan node's output, Spark's {@code Statistics(sizeInBytes, rowCount)}:
 * bytes, rows (-1 when only the size is estimated, as without {@code spark.sql.cbo.enabled}) and
 * per output attribute id what is known of its values.
 */
public record Statistics(long sizeInBytes, long rowCount, Map<Long, ColumnStat> columns) {

    public Statistics {
        columns = Map.copyOf(columns);
    }

    /** Statistics with a size only. */
    public static Statistics sizeOnly(long sizeInBytes) {
        return new Statistics(sizeInBytes, -1, Map.of());
    }

    /** Whether the row count is estimated. */
    public boolean hasRowCount() {
        return rowCount >= 0;
    }

    /** What is known of the column with id {@code exprId}. */
    public ColumnStat column(long exprId) {
        return columns.getOrDefault(exprId, ColumnStat.UNKNOWN);
    }

    /** Spark's text: {@code Statistics(sizeInBytes=1.5 MiB, rowCount=6.00E+4)}. */
    public String simpleString() {
        String size = "sizeInBytes=" + bytesToString(sizeInBytes);
        if (!hasRowCount()) {
            return "Statistics(" + size + ")";
        }
        return "Statistics(" + size + ", rowCount="
                + new BigDecimal(rowCount).round(new MathContext(3, RoundingMode.HALF_UP)) + ")";
    }

    /** Spark's {@code Utils.bytesToString}: binary units, one decimal, a unit once the value reaches two of it. */
    static String bytesToString(long size) {
        String[] units = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (size >= 2 * unit) {
                return String.format(Locale.US, "%.1f %s", (double) size / unit, units[i]);
            }
        }
        return String.format(Locale.US, "%.1f B", (double) size);
    }
}
