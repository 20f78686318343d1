package io.ember.dataframe.internal.plan.stats;

/**
 * What is known of one column's values: the number of distinct values (counted, not guessed),
 * the range (as numbers: dates as days, timestamps as microseconds, decimals by value; strings
 * have none), the number of nulls, and the rows of the relation the column was read from
 * (before any filter: at most that many distinct values, and as many if the column is that
 * relation's key). Each part may be unknown: a count of -1, a range of NaN.
 */
public record ColumnStat(long distinctCount, double min, double max, long nullCount, long sourceRows) {

    /** Nothing known. */
    public static final ColumnStat UNKNOWN = new ColumnStat(-1, Double.NaN, Double.NaN, -1, -1);

    /** A column of a relation of {@code rows} rows, nothing else known. */
    public static ColumnStat ofSource(long rows) {
        return new ColumnStat(-1, Double.NaN, Double.NaN, -1, rows);
    }

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

    /** Whether the rows of the column's relation are known. */
    public boolean hasSourceRows() {
        return sourceRows >= 0;
    }

    /** A copy with another distinct count. */
    public ColumnStat withDistinctCount(long n) {
        return new ColumnStat(n, min, max, nullCount, sourceRows);
    }

    /** A copy with another range. */
    public ColumnStat withRange(double lo, double hi) {
        return new ColumnStat(distinctCount, lo, hi, nullCount, sourceRows);
    }

    /** A copy with another null count. */
    public ColumnStat withNullCount(long n) {
        return new ColumnStat(distinctCount, min, max, n, sourceRows);
    }

    /** The counts capped at {@code rows}: a column of n rows has at most n distinct values and n nulls. */
    public ColumnStat cappedAt(long rows) {
        long d = hasDistinctCount() ? Math.min(distinctCount, rows) : distinctCount;
        long n = hasNullCount() ? Math.min(nullCount, rows) : nullCount;
        return d == distinctCount && n == nullCount ? this : new ColumnStat(d, min, max, n, sourceRows);
    }
}
