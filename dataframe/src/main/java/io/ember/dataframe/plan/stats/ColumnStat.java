package io.ember.dataframe.plan.stats;

/**
 * What is known of one column's values: the number of distinct values, the range (as numbers:
 * dates as days, timestamps as microseconds, decimals by value; strings have none) and the
 * number of nulls. Each part may be unknown: a distinct or null count of -1, a range of NaN.
 */
public record ColumnStat(long distinctCount, double min, double max, long nullCount) {

    /** Nothing known. */
    public static final ColumnStat UNKNOWN = new ColumnStat(-1, Double.NaN, Double.NaN, -1);

    /** Whether the distinct count is known. */
    public boolean hasDistinctCount() {
        return distinctCount >= 0;
    }

    /** Whether the range is known. */
    public boolean hasRange() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }

    /** Whether the null count is known. */
    public boolean hasNullCount() {
        return nullCount >= 0;
    }

    /** A copy with another distinct count. */
    public ColumnStat withDistinctCount(long n) {
        return new ColumnStat(n, min, max, nullCount);
    }

    /** A copy with another range. */
    public ColumnStat withRange(double lo, double hi) {
        return new ColumnStat(distinctCount, lo, hi, nullCount);
    }

    /** A copy with another null count. */
    public ColumnStat withNullCount(long n) {
        return new ColumnStat(distinctCount, min, max, n);
    }

    /** The counts capped at {@code rows}: a column of n rows has at most n distinct values and n nulls. */
    public ColumnStat cappedAt(long rows) {
        long d = hasDistinctCount() ? Math.min(distinctCount, rows) : distinctCount;
        long n = hasNullCount() ? Math.min(nullCount, rows) : nullCount;
        return d == distinctCount && n == nullCount ? this : new ColumnStat(d, min, max, n);
    }
}
