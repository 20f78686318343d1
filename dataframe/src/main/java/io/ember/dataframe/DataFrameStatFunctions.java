package io.ember.dataframe;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.sum;

import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Statistics of a DataFrame ({@code df.stat()}), as Spark's {@code DataFrameStatFunctions}:
 * covariance and correlation, contingency tables, frequent items and approximate quantiles. Each
 * method runs jobs at once (as Spark's do) and returns a value or a small DataFrame.
 */
public final class DataFrameStatFunctions {
    /** Spark's bound on the distinct values of {@code crosstab}'s second column (fewer than 1e4). */
    private static final int MAX_CROSSTAB_COLUMNS = 9_999;

    private final DataFrame df;

    DataFrameStatFunctions(DataFrame df) {
        this.df = df;
    }

    // ---- covariance and correlation ---------------------------------------------------------------

    /**
     * The sample covariance of two numeric columns over the rows where both are non-null; NaN if
     * fewer than two such rows (Spark would fail reading its null).
     *
     * @throws IllegalArgumentException if a column is not numeric
     */
    public double cov(String col1, String col2) {
        Moments m = moments("covariance", col1, col2);
        return m.n < 2 ? Double.NaN : m.cxy / (m.n - 1);
    }

    /** The Pearson correlation of two numeric columns: {@link #corr(String, String, String)} with "pearson". */
    public double corr(String col1, String col2) {
        return corr(col1, col2, "pearson");
    }

    /**
     * The correlation of two numeric columns over the rows where both are non-null; NaN if there
     * are fewer than two such rows or a column is constant.
     *
     * @throws IllegalArgumentException if {@code method} is not "pearson" or a column is not numeric
     */
    public double corr(String col1, String col2, String method) {
        if (!"pearson".equals(method)) {
            throw new IllegalArgumentException("Currently only the calculation of the Pearson Correlation "
                    + "coefficient is supported, not '" + method + "'.");
        }
        Moments m = moments("correlation", col1, col2);
        return m.n < 2 ? Double.NaN : m.cxy / Math.sqrt(m.cxx * m.cyy);
    }

    private record Moments(long n, double cxy, double cxx, double cyy) {
    }

    /** Count and centred co-moments, in two passes (means first) for accuracy. */
    private Moments moments(String what, String col1, String col2) {
        for (String c : List.of(col1, col2)) {
            DataType t = typeOf(c);
            if (!Cast.isNumeric(t)) {
                throw new IllegalArgumentException("Currently " + what + " calculation is supported between two "
                        + "numerical columns only; column '" + c + "' is " + t.simpleString() + ".");
            }
        }
        Column x = df.col(col1).cast("double");
        Column y = df.col(col2).cast("double");
        DataFrame both = df.select(x.as("x"), y.as("y")).filter(col("x").isNotNull().and(col("y").isNotNull()));
        Row means = both.agg(count(lit(1)), avg(col("x")), avg(col("y"))).first();
        long n = means.getLong(0);
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Column dx = col("x").minus(means.getDouble(1));
        Column dy = col("y").minus(means.getDouble(2));
        Row sums = both.agg(sum(dx.multiply(dy)), sum(dx.multiply(dx)), sum(dy.multiply(dy))).first();
        return new Moments(n, sums.getDouble(0), sums.getDouble(1), sums.getDouble(2));
    }

    private DataType typeOf(String column) {
        return df.select(df.col(column)).schema().apply(0).dataType();
    }

    // ---- contingency table ------------------------------------------------------------------------

    /**
     * The contingency table of two columns: a row per distinct value of {@code col1}, a column
     * {@code col1_col2} holding that value as a string, then a bigint column per distinct value
     * of {@code col2} (named by the value, sorted) counting the rows with both values. Nulls are
     * counted under the value {@code "null"}, as Spark does; rows are sorted by the first column
     * (Spark leaves their order open).
     *
     * @throws IllegalArgumentException if {@code col2} has 10000 distinct values or more
     */
    public DataFrame crosstab(String col1, String col2) {
        DataFrame pairs = df.select(df.col(col1).cast("string").as("a"), df.col(col2).cast("string").as("b"))
                .groupBy("a", "b").count();
        Map<String, Map<String, Long>> table = new TreeMap<>();
        TreeSet<String> columns = new TreeSet<>();
        for (Row r : pairs.collectAsList()) {
            String a = r.isNullAt(0) ? "null" : r.getString(0);
            String b = r.isNullAt(1) ? "null" : r.getString(1);
            columns.add(b);
            if (columns.size() > MAX_CROSSTAB_COLUMNS) {
                throw new IllegalArgumentException("The number of distinct values for " + col2 + ", can't exceed 1e4. "
                        + "Currently at least " + columns.size());
            }
            table.computeIfAbsent(a, k -> new TreeMap<>()).put(b, r.getLong(2));
        }
        StructType schema = new StructType().add(col1 + "_" + col2, DataTypes.StringType);
        for (String c : columns) {
            schema = schema.add(c, DataTypes.LongType, false);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : table.entrySet()) {
            Object[] values = new Object[columns.size() + 1];
            values[0] = e.getKey();
            int i = 1;
            for (String c : columns) {
                values[i++] = e.getValue().getOrDefault(c, 0L);
            }
            rows.add(Row.of(values));
        }
        return df.sparkSession().createDataFrame(rows, schema);
    }

    // ---- frequent items ---------------------------------------------------------------------------

    /** {@link #freqItems(String[], double)} with a support of 1%. */
    public DataFrame freqItems(String[] cols) {
        return freqItems(cols, 0.01);
    }

    /** {@link #freqItems(String[], double)} of a list of columns. */
    public DataFrame freqItems(List<String> cols, double support) {
        return freqItems(cols.toArray(new String[0]), support);
    }

    /**
     * The values of each column that may occur in more than {@code support} of the rows, in one
     * row of array columns named {@code <col>_freqItems}: every value that does occur so often is
     * there, others may be too (false positives), as with Spark's algorithm ({@link FrequentItems}).
     *
     * @throws IllegalArgumentException if {@code support} is not in [1e-4, 1]
     */
    public DataFrame freqItems(String[] cols, double support) {
        if (!(support >= 1e-4 && support <= 1.0)) {
            throw new IllegalArgumentException("Support (" + support + ") must be between 1e-4 and 1.");
        }
        int capacity = (int) (1 / support);
        int width = cols.length;
        Column[] selected = Arrays.stream(cols).map(df::col).toArray(Column[]::new);
        DataFrame values = df.select(selected);
        List<FrequentItems[]> partials = values.rdd().mapPartitions(it -> {
            FrequentItems[] counters = new FrequentItems[width];
            for (int i = 0; i < width; i++) {
                counters[i] = new FrequentItems(capacity);
            }
            for (Row r : it) {
                for (int i = 0; i < width; i++) {
                    counters[i].add(r.get(i), 1);
                }
            }
            return List.<FrequentItems[]>of(counters).iterator();
        }).collect().toJavaList();
        StructType schema = new StructType();
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            FrequentItems merged = new FrequentItems(capacity);
            for (FrequentItems[] p : partials) {
                merged.merge(p[i]);
            }
            row[i] = merged.items();
            schema = schema.add(cols[i] + "_freqItems", new ArrayType(values.schema().apply(i).dataType(), true));
        }
        return df.sparkSession().createDataFrame(List.of(Row.of(row)), schema);
    }

    // ---- quantiles --------------------------------------------------------------------------------

    /**
     * The approximate quantiles of a numeric column at {@code probabilities}, nulls and NaN left
     * out: for a quantile {@code p} of {@code n} values, a value whose rank is within
     * {@code relativeError * n} of {@code ceil(p * n)}; exact with a relative error of 0 (which
     * keeps every value in memory). Empty if there are no values.
     *
     * @throws IllegalArgumentException if a probability is outside [0, 1], the relative error is
     *     negative, or the column is not numeric
     */
    public double[] approxQuantile(String col, double[] probabilities, double relativeError) {
        return approxQuantile(new String[] {col}, probabilities, relativeError)[0];
    }

    /** {@link #approxQuantile(String, double[], double)} of several columns, in one pass. */
    public double[][] approxQuantile(String[] cols, double[] probabilities, double relativeError) {
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("percentile should be in the range [0.0, 1.0], got " + p);
            }
        }
        if (!(relativeError >= 0)) {
            throw new IllegalArgumentException("Relative Error must be non-negative but got " + relativeError);
        }
        List<List<RankSummary>> summaries = rankSummaries(cols, relativeError);
        double[][] out = new double[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            long n = summaries.get(c).stream().mapToLong(RankSummary::count).sum();
            out[c] = n == 0 ? new double[0] : RankSummary.query(summaries.get(c), probabilities);
        }
        return out;
    }

    /** Per column, the rank summaries of its partitions (numeric columns only). */
    List<List<RankSummary>> rankSummaries(String[] cols, double relativeError) {
        Column[] asDoubles = new Column[cols.length];
        for (int i = 0; i < cols.length; i++) {
            DataType t = typeOf(cols[i]);
            if (!Cast.isNumeric(t)) {
                throw new IllegalArgumentException("Quantile calculation for column " + cols[i] + " with data type "
                        + t.simpleString().toUpperCase(Locale.ROOT) + " is not supported.");
            }
            asDoubles[i] = df.col(cols[i]).cast("double");
        }
        int width = cols.length;
        List<RankSummary[]> partials = df.select(asDoubles).rdd().mapPartitions(it -> {
            double[][] values = new double[width][16];
            int[] sizes = new int[width];
            for (Row r : it) {
                for (int i = 0; i < width; i++) {
                    Object v = r.get(i);
                    if (v != null && !Double.isNaN((Double) v)) {
                        if (sizes[i] == values[i].length) {
                            values[i] = Arrays.copyOf(values[i], values[i].length * 2);
                        }
                        values[i][sizes[i]++] = (Double) v;
                    }
                }
            }
            RankSummary[] out = new RankSummary[width];
            for (int i = 0; i < width; i++) {
                out[i] = RankSummary.of(values[i], sizes[i], relativeError);
            }
            return List.<RankSummary[]>of(out).iterator();
        }).collect().toJavaList();
        List<List<RankSummary>> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<RankSummary> column = new ArrayList<>();
            for (RankSummary[] p : partials) {
                column.add(p[i]);
            }
            out.add(column);
        }
        return out;
    }

    // ---- stratified sampling ----------------------------------------------------------------------

    /**
     * A sample without replacement keeping about {@code fractions.get(v)} of the rows whose
     * {@code col} is {@code v} (none of the other values' rows), as Spark's {@code sampleBy}: a row
     * is kept if {@code rand(seed)} drawn for it is below its stratum's fraction.
     *
     * @throws IllegalArgumentException if a fraction is outside [0, 1]
     */
    public <T> DataFrame sampleBy(String col, Map<T, Double> fractions, long seed) {
        return sampleBy(df.col(col), fractions, seed);
    }

    /** {@link #sampleBy(String, Map, long)} with the strata given by a column expression. */
    public <T> DataFrame sampleBy(Column col, Map<T, Double> fractions, long seed) {
        Column r = Functions.rand(seed);
        Column keep = null;
        for (Map.Entry<T, Double> e : fractions.entrySet()) {
            double f = e.getValue();
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("Fractions must be in [0, 1], but got " + f + " for " + e.getKey());
            }
            Column test = col.equalTo(lit(e.getKey()));
            keep = keep == null ? Functions.when(test, r.lt(f)) : keep.when(test, r.lt(f));
        }
        return keep == null ? df.filter(lit(false)) : df.filter(keep.otherwise(false));
    }
}
