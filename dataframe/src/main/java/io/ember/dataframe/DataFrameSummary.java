package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code describe} and {@code summary}: statistics of columns as a DataFrame of strings, one row
 * per statistic, as Spark shapes them. The aggregates run in one job, the percentiles in one more
 * ({@link RankSummary} with a relative error of 1e-4, Spark's default accuracy for these).
 */
final class DataFrameSummary {
    /** {@code summary()}'s statistics when none are named. */
    static final List<String> DEFAULT_STATISTICS = List.of("count", "mean", "stddev", "min", "25%", "50%", "75%",
            "max");

    private static final Pattern PERCENTILE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final double PERCENTILE_ERROR = 1e-4;

    private DataFrameSummary() {
    }

    /**
     * The statistics {@code statistics} of the columns {@code columns} of {@code df} (every
     * numeric and string column if empty).
     */
    static DataFrame of(DataFrame df, List<String> columns, List<String> statistics) {
        List<AttributeReference> targets = new ArrayList<>();
        for (AttributeReference a : df.plan().output()) {
            boolean wanted = columns.isEmpty() ? Cast.isNumeric(a.dataType()) || a.dataType() instanceof StringType
                    : columns.stream().anyMatch(c -> c.equalsIgnoreCase(a.name()));
            if (wanted) {
                targets.add(a);
            }
        }
        for (String c : columns) {
            df.col(c);
        }
        List<Double> percentiles = new ArrayList<>();
        for (String s : statistics) {
            Matcher m = PERCENTILE.matcher(s);
            if (m.matches()) {
                double p = Double.parseDouble(m.group(1)) / 100;
                if (p > 1) {
                    throw new IllegalArgumentException("The percentile " + s + " of summary is above 100%.");
                }
                percentiles.add(p);
            } else if (!List.of("count", "mean", "stddev", "min", "max", "count_distinct", "approx_count_distinct")
                    .contains(s.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(s + " is not a recognised statistic; use count, mean, stddev, min, "
                        + "max, count_distinct, approx_count_distinct or a percentile such as 25%.");
            }
        }
        String[][] cells = new String[statistics.size()][targets.size()];
        aggregates(df, targets, statistics, cells);
        percentiles(df, targets, statistics, cells);
        StructType schema = new StructType().add("summary", DataTypes.StringType);
        for (AttributeReference a : targets) {
            schema = schema.add(a.name(), DataTypes.StringType);
        }
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < statistics.size(); s++) {
            Object[] row = new Object[targets.size() + 1];
            row[0] = statistics.get(s);
            System.arraycopy(cells[s], 0, row, 1, targets.size());
            rows.add(Row.of(row));
        }
        return df.sparkSession().createDataFrame(rows, schema);
    }

    /** Fills the cells of the statistics that are aggregates, all computed in one job. */
    private static void aggregates(DataFrame df, List<AttributeReference> targets, List<String> statistics,
                                   String[][] cells) {
        List<Column> aggs = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        for (int s = 0; s < statistics.size(); s++) {
            for (int t = 0; t < targets.size(); t++) {
                Column c = new Column(targets.get(t));
                Column agg = switch (statistics.get(s).toLowerCase(Locale.ROOT)) {
                    case "count" -> Functions.count(c);
                    case "mean" -> Functions.avg(c);
                    case "stddev" -> Functions.stddev(c);
                    case "min" -> Functions.min(c);
                    case "max" -> Functions.max(c);
                    case "count_distinct", "approx_count_distinct" -> Functions.countDistinct(c);
                    default -> null;
                };
                if (agg != null) {
                    aggs.add(agg.cast("string"));
                    places.add(new int[] {s, t});
                }
            }
        }
        if (aggs.isEmpty()) {
            return;
        }
        Row values = df.select(aggs.toArray(new Column[0])).first();
        for (int i = 0; i < places.size(); i++) {
            cells[places.get(i)[0]][places.get(i)[1]] = values.isNullAt(i) ? null : values.getString(i);
        }
    }

    /** Fills the percentile cells of the numeric columns (null for the others and for no values). */
    private static void percentiles(DataFrame df, List<AttributeReference> targets, List<String> statistics,
                                    String[][] cells) {
        List<Integer> numeric = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            if (Cast.isNumeric(targets.get(t).dataType())) {
                numeric.add(t);
            }
        }
        if (numeric.isEmpty() || statistics.stream().noneMatch(s -> PERCENTILE.matcher(s).matches())) {
            return;
        }
        List<Integer> rows = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int s = 0; s < statistics.size(); s++) {
            Matcher m = PERCENTILE.matcher(statistics.get(s));
            if (m.matches()) {
                rows.add(s);
                ps.add(Double.parseDouble(m.group(1)) / 100);
            }
        }
        double[] probabilities = ps.stream().mapToDouble(Double::doubleValue).toArray();
        String[] names = numeric.stream().map(t -> targets.get(t).name()).toArray(String[]::new);
        List<List<RankSummary>> summaries = df.stat().rankSummaries(names, PERCENTILE_ERROR);
        for (int i = 0; i < numeric.size(); i++) {
            if (summaries.get(i).stream().allMatch(r -> r.count() == 0)) {
                continue;
            }
            double[] quantiles = RankSummary.query(summaries.get(i), probabilities);
            DataType type = targets.get(numeric.get(i)).dataType();
            for (int j = 0; j < rows.size(); j++) {
                cells[rows.get(j)][numeric.get(i)] = format(quantiles[j], type);
            }
        }
    }

    /** A percentile as Spark's {@code percentile_approx} gives it: of the column's own type. */
    private static String format(double q, DataType type) {
        if (type instanceof IntegerType || type instanceof LongType) {
            return Long.toString((long) q);
        }
        return Double.toString(q);
    }
}
