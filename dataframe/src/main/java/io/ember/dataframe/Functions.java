package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Coalesce;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.expressions.UnresolvedStar;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.internal.window.NthValueFunction;
import io.ember.dataframe.internal.window.OffsetFunction;
import io.ember.dataframe.internal.window.RankingFunction;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Function3;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in functions, to be imported statically ({@code import static
 * io.ember.dataframe.Functions.*;}) as Spark's {@code functions}. Every function returns a new
 * {@link Column}; none evaluates anything. Null semantics follow SQL: a null argument gives a
 * null result, aggregates skip nulls, {@code count("*")} counts rows.
 */
public final class Functions {
    private Functions() {
    }

    private static Column fn(Fn f, Object... args) {
        List<Expression> es = new ArrayList<>();
        for (Object a : args) {
            es.add(Column.toExpr(a));
        }
        return new Column(new ScalarFunction(f, es));
    }

    private static Column agg(AggFn f, Column c) {
        return new Column(new AggregateExpression(f, c.expr(), false, false));
    }

    // ---- columns and literals -------------------------------------------------------------------

    /** The column named {@code name}; {@code "*"} is every column, {@code "t.*"} every column of {@code t}. */
    public static Column col(String name) {
        if (name.equals("*")) {
            return new Column(new UnresolvedStar(null));
        }
        if (name.endsWith(".*")) {
            return new Column(new UnresolvedStar(name.substring(0, name.length() - 2)));
        }
        return new Column(new UnresolvedAttribute(name));
    }

    /** The same as {@link #col(String)}. */
    public static Column column(String name) {
        return col(name);
    }

    /**
     * The column of a SQL expression, as {@code spark.sql} reads it:
     * {@code expr("d + INTERVAL 3 DAYS")}, {@code expr("upper(name) AS n")},
     * {@code expr("substring(s FROM 2 FOR 3)")}. Column names are resolved when the column is
     * used on a DataFrame; functions (built-in, and the UDFs of the active session) when the text
     * is read.
     *
     * @throws io.ember.dataframe.internal.sql.ParseException if the text is not one expression, naming
     *     the line and column
     * @throws AnalysisException if a function is unknown or its arguments do not fit
     */
    public static Column expr(String sqlExpression) {
        return new Column(SqlSupport.expression(EmberSession.activeOrNull(), sqlExpression));
    }

    /** A constant (a Column passes through). */
    public static Column lit(Object value) {
        if (value instanceof Column c) {
            return c;
        }
        return new Column(Literal.create(value));
    }

    /** A {@code CASE WHEN condition THEN value} chain; continue with {@link Column#when} and {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        return new Column(new CaseWhen(List.of(), false).when(condition.expr(), Column.toExpr(value)));
    }

    /** The first non-null of the columns. */
    public static Column coalesce(Column... cols) {
        List<Expression> es = new ArrayList<>();
        for (Column c : cols) {
            es.add(c.expr());
        }
        return new Column(new Coalesce(es));
    }

    /** {@code c IS NULL}. */
    public static Column isnull(Column c) {
        return new Column(new IsNull(c.expr(), false));
    }

    /**
     * {@code grouping(c)}: 1 in rows where the grouping column {@code c} is rolled up (its NULL
     * stands for all values), 0 where the row's group is grouped by it. Only in aggregations of
     * {@code rollup}, {@code cube} or SQL grouping sets; an {@code int} (Spark: {@code tinyint}).
     */
    public static Column grouping(Column c) {
        return new Column(new io.ember.dataframe.internal.expressions.Grouping(c.expr()));
    }

    /** {@link #grouping(Column)} of the column named {@code columnName}. */
    public static Column grouping(String columnName) {
        return grouping(col(columnName));
    }

    /**
     * {@code grouping_id(cols)}: the {@code bigint} whose bits are {@code grouping} of each
     * grouping column, the first the most significant. The columns must be none or exactly the
     * grouping columns, in order.
     */
    public static Column grouping_id(Column... cols) {
        List<Expression> es = new ArrayList<>();
        for (Column c : cols) {
            es.add(c.expr());
        }
        return new Column(new io.ember.dataframe.internal.expressions.GroupingId(es));
    }

    /** {@link #grouping_id(Column...)} of columns by name. */
    public static Column grouping_id(String colName, String... colNames) {
        List<Column> all = new ArrayList<>();
        all.add(col(colName));
        for (String n : colNames) {
            all.add(col(n));
        }
        return grouping_id(all.toArray(new Column[0]));
    }

    /** {@code NOT c}. */
    public static Column not(Column c) {
        return new Column(new Not(c.expr()));
    }

    /** {@code -c}. */
    public static Column negate(Column c) {
        return c.unary_minus();
    }

    /** Ascending order of column {@code name}. */
    public static Column asc(String name) {
        return col(name).asc();
    }

    /** Descending order of column {@code name}. */
    public static Column desc(String name) {
        return col(name).desc();
    }

    /** Marks {@code df} small enough to broadcast in joins, whatever its estimated size. */
    public static DataFrame broadcast(DataFrame df) {
        return df.withBroadcastHint();
    }

    // ---- math -----------------------------------------------------------------------------------

    /** The absolute value. */
    public static Column abs(Column c) {
        return fn(Fn.ABS, c);
    }

    /** The square root (of the value as a double). */
    public static Column sqrt(Column c) {
        return fn(Fn.SQRT, c);
    }

    /** The square root of column {@code name}. */
    public static Column sqrt(String name) {
        return sqrt(col(name));
    }

    /** {@code base} to the power {@code exp}, as doubles. */
    public static Column pow(Column base, Object exp) {
        return fn(Fn.POW, base, exp);
    }

    /** e to the power {@code c}. */
    public static Column exp(Column c) {
        return fn(Fn.EXP, c);
    }

    /** The natural logarithm (null for values that are not positive). */
    public static Column log(Column c) {
        return fn(Fn.LN, c);
    }

    /** Rounds down to a bigint. */
    public static Column floor(Column c) {
        return fn(Fn.FLOOR, c);
    }

    /** Rounds up to a bigint. */
    public static Column ceil(Column c) {
        return fn(Fn.CEIL, c);
    }

    /** Rounds half up to 0 decimal places. */
    public static Column round(Column c) {
        return round(c, 0);
    }

    /** Rounds half up to {@code scale} decimal places (negative: to tens, hundreds...). */
    public static Column round(Column c, int scale) {
        return fn(Fn.ROUND, c, scale);
    }

    // ---- strings --------------------------------------------------------------------------------

    /** Upper case. */
    public static Column upper(Column c) {
        return fn(Fn.UPPER, c);
    }

    /** Lower case. */
    public static Column lower(Column c) {
        return fn(Fn.LOWER, c);
    }

    /** Without leading and trailing spaces. */
    public static Column trim(Column c) {
        return fn(Fn.TRIM, c);
    }

    /** Without leading spaces. */
    public static Column ltrim(Column c) {
        return fn(Fn.LTRIM, c);
    }

    /** Without trailing spaces. */
    public static Column rtrim(Column c) {
        return fn(Fn.RTRIM, c);
    }

    /** The substring at 1-based {@code pos} (negative: from the end) of {@code len} characters. */
    public static Column substring(Column c, int pos, int len) {
        return fn(Fn.SUBSTRING, c, pos, len);
    }

    /** The strings joined; null if any is null. */
    public static Column concat(Column... cols) {
        return fn(Fn.CONCAT, (Object[]) cols);
    }

    /** The number of characters. */
    public static Column length(Column c) {
        return fn(Fn.LENGTH, c);
    }

    /** The string split around matches of the regular expression {@code pattern}. */
    public static Column split(Column c, String pattern) {
        return split(c, pattern, -1);
    }

    /** The string split around {@code pattern} into at most {@code limit} parts (if positive). */
    public static Column split(Column c, String pattern, int limit) {
        return fn(Fn.SPLIT, c, pattern, limit);
    }

    /** Every match of {@code pattern} replaced by {@code replacement} ({@code $1} for groups). */
    public static Column regexp_replace(Column c, String pattern, String replacement) {
        return fn(Fn.REGEXP_REPLACE, c, pattern, replacement, 1);
    }

    /** Group {@code idx} of the first match of {@code pattern}, or the empty string. */
    public static Column regexp_extract(Column c, String pattern, int idx) {
        return fn(Fn.REGEXP_EXTRACT, c, pattern, idx);
    }

    /** The number of elements of an array or entries of a map; -1 for null, as Spark (without ANSI mode). */
    public static Column size(Column c) {
        return fn(Fn.SIZE, c);
    }

    // ---- dates and times --------------------------------------------------------------------------

    /** The date of a string ({@code yyyy-MM-dd}) or timestamp. */
    public static Column to_date(Column c) {
        return fn(Fn.TO_DATE, c);
    }

    /** The date of a string in {@code format} (a Java/Spark pattern such as {@code dd/MM/yyyy}). */
    public static Column to_date(Column c, String format) {
        return fn(Fn.TO_DATE_FMT, c, format);
    }

    /** The timestamp of a string ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}) in the session time zone. */
    public static Column to_timestamp(Column c) {
        return fn(Fn.TO_TIMESTAMP, c);
    }

    /** The timestamp of a string in {@code format}, in the session time zone. */
    public static Column to_timestamp(Column c, String format) {
        return fn(Fn.TO_TIMESTAMP_FMT, c, format);
    }

    /** A timestamp as text in {@code format}. */
    public static Column date_format(Column c, String format) {
        return fn(Fn.DATE_FORMAT, c, format);
    }

    /** The year. */
    public static Column year(Column c) {
        return fn(Fn.YEAR, c);
    }

    /** The quarter, 1 to 4. */
    public static Column quarter(Column c) {
        return fn(Fn.QUARTER, c);
    }

    /** The month, 1 to 12. */
    public static Column month(Column c) {
        return fn(Fn.MONTH, c);
    }

    /** The day of the month. */
    public static Column dayofmonth(Column c) {
        return fn(Fn.DAYOFMONTH, c);
    }

    /** The day of the week, 1 (Sunday) to 7 (Saturday). */
    public static Column dayofweek(Column c) {
        return fn(Fn.DAYOFWEEK, c);
    }

    /** The day of the year, 1 to 366. */
    public static Column dayofyear(Column c) {
        return fn(Fn.DAYOFYEAR, c);
    }

    /** The hour (session time zone). */
    public static Column hour(Column c) {
        return fn(Fn.HOUR, c);
    }

    /** The minute (session time zone). */
    public static Column minute(Column c) {
        return fn(Fn.MINUTE, c);
    }

    /** The second. */
    public static Column second(Column c) {
        return fn(Fn.SECOND, c);
    }

    /**
     * The timestamp truncated to {@code format}: year, quarter, month, week, day, hour, minute,
     * second (session time zone).
     */
    public static Column date_trunc(String format, Column c) {
        return fn(Fn.DATE_TRUNC, format, c);
    }

    /** Days from {@code start} to {@code end}. */
    public static Column datediff(Column end, Column start) {
        return fn(Fn.DATEDIFF, end, start);
    }

    /** The date {@code days} after. */
    public static Column date_add(Column c, int days) {
        return fn(Fn.DATE_ADD, c, days);
    }

    /** The date {@code days} before. */
    public static Column date_sub(Column c, int days) {
        return fn(Fn.DATE_SUB, c, days);
    }

    /**
     * The date {@code months} later (earlier if negative), the day of month clamped to the
     * length of the resulting month ({@code add_months('2024-01-31', 1)} is 2024-02-29).
     */
    public static Column add_months(Column c, int months) {
        return fn(Fn.ADD_MONTHS, c, months);
    }

    // ---- aggregates -------------------------------------------------------------------------------

    /** The number of non-null values. */
    public static Column count(Column c) {
        return agg(AggFn.COUNT, c);
    }

    /** The number of non-null values of column {@code name}; {@code count("*")} counts rows. */
    public static Column count(String name) {
        return name.equals("*") ? count(lit(1)) : count(col(name));
    }

    /** The number of distinct non-null values. */
    public static Column countDistinct(Column c) {
        return new Column(new AggregateExpression(AggFn.COUNT, c.expr(), true, false));
    }

    /** The number of distinct non-null values of column {@code name}. */
    public static Column countDistinct(String name) {
        return countDistinct(col(name));
    }

    /**
     * The number of distinct tuples of the columns among the rows where none is null, named
     * {@code count(DISTINCT a, b)} as in Spark.
     */
    public static Column countDistinct(Column first, Column... more) {
        if (more.length == 0) {
            return countDistinct(first);
        }
        List<Column> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return DistinctTuples.countDistinct(all);
    }

    /** {@link #countDistinct(Column, Column...)} of the columns named. */
    public static Column countDistinct(String first, String... more) {
        Column[] rest = new Column[more.length];
        for (int i = 0; i < more.length; i++) {
            rest[i] = col(more[i]);
        }
        return countDistinct(col(first), rest);
    }

    /** The sum (bigint for integers, double, or a wider decimal); null if no value. */
    public static Column sum(Column c) {
        return agg(AggFn.SUM, c);
    }

    /** The sum of column {@code name}. */
    public static Column sum(String name) {
        return sum(col(name));
    }

    /** The sum of the distinct values. */
    public static Column sumDistinct(Column c) {
        return new Column(new AggregateExpression(AggFn.SUM, c.expr(), true, false));
    }

    /** The mean (double, or decimal for decimals); null if no value. */
    public static Column avg(Column c) {
        return agg(AggFn.AVG, c);
    }

    /** The mean of column {@code name}. */
    public static Column avg(String name) {
        return avg(col(name));
    }

    /** The same as {@link #avg(Column)}. */
    public static Column mean(Column c) {
        return avg(c);
    }

    /** The same as {@link #avg(String)}. */
    public static Column mean(String name) {
        return avg(name);
    }

    /** The smallest value. */
    public static Column min(Column c) {
        return agg(AggFn.MIN, c);
    }

    /** The smallest value of column {@code name}. */
    public static Column min(String name) {
        return min(col(name));
    }

    /** The largest value. */
    public static Column max(Column c) {
        return agg(AggFn.MAX, c);
    }

    /** The largest value of column {@code name}. */
    public static Column max(String name) {
        return max(col(name));
    }

    /** The first value seen (nulls included). Not deterministic across partitions. */
    public static Column first(Column c) {
        return agg(AggFn.FIRST, c);
    }

    /** The first value of column {@code name}. */
    public static Column first(String name) {
        return first(col(name));
    }

    /** The first value seen, skipping nulls if {@code ignoreNulls}. */
    public static Column first(Column c, boolean ignoreNulls) {
        return new Column(new AggregateExpression(AggFn.FIRST, c.expr(), false, ignoreNulls));
    }

    /** The last value seen (nulls included). Not deterministic across partitions. */
    public static Column last(Column c) {
        return agg(AggFn.LAST, c);
    }

    /** The last value of column {@code name}. */
    public static Column last(String name) {
        return last(col(name));
    }

    /** The last value seen, skipping nulls if {@code ignoreNulls}. */
    public static Column last(Column c, boolean ignoreNulls) {
        return new Column(new AggregateExpression(AggFn.LAST, c.expr(), false, ignoreNulls));
    }

    /** The non-null values, as an array. */
    public static Column collect_list(Column c) {
        return agg(AggFn.COLLECT_LIST, c);
    }

    /** The non-null values of column {@code name}, as an array. */
    public static Column collect_list(String name) {
        return collect_list(col(name));
    }

    /** The distinct non-null values, as an array. */
    public static Column collect_set(Column c) {
        return agg(AggFn.COLLECT_SET, c);
    }

    /** The distinct non-null values of column {@code name}, as an array. */
    public static Column collect_set(String name) {
        return collect_set(col(name));
    }

    /** The sample standard deviation; null for fewer than two values. */
    public static Column stddev(Column c) {
        return agg(AggFn.STDDEV, c);
    }

    /** The sample standard deviation of column {@code name}. */
    public static Column stddev(String name) {
        return stddev(col(name));
    }

    /** The same as {@link #stddev(Column)}. */
    public static Column stddev_samp(Column c) {
        return stddev(c);
    }

    /** The population standard deviation. */
    public static Column stddev_pop(Column c) {
        return agg(AggFn.STDDEV_POP, c);
    }

    /** The sample variance. */
    public static Column variance(Column c) {
        return agg(AggFn.VARIANCE, c);
    }

    /** The population variance. */
    public static Column var_pop(Column c) {
        return agg(AggFn.VAR_POP, c);
    }

    // ---- window functions (use with Column.over) ----------------------------------------------------

    /** The position of the row in its window partition, from 1: {@code row_number().over(w)}. */
    public static Column row_number() {
        return new Column(new RankingFunction(RankingFunction.Kind.ROW_NUMBER));
    }

    /** The rank of the row in its window partition, with gaps after ties. */
    public static Column rank() {
        return new Column(new RankingFunction(RankingFunction.Kind.RANK));
    }

    /** The rank of the row in its window partition, without gaps after ties. */
    public static Column dense_rank() {
        return new Column(new RankingFunction(RankingFunction.Kind.DENSE_RANK));
    }

    /**
     * The fraction of the other rows of the partition ranked before the row:
     * {@code (rank - 1) / (rows - 1)}, 0 in a partition of one row.
     */
    public static Column percent_rank() {
        return new Column(new RankingFunction(RankingFunction.Kind.PERCENT_RANK));
    }

    /** The fraction of the partition's rows ordered before the row or tied with it. */
    public static Column cume_dist() {
        return new Column(new RankingFunction(RankingFunction.Kind.CUME_DIST));
    }

    /**
     * The group, from 1 to {@code n}, of the row when its ordered partition is cut into {@code n}
     * groups whose sizes differ by at most one (the larger ones first).
     *
     * @throws AnalysisException if {@code n} is not positive
     */
    public static Column ntile(int n) {
        return new Column(RankingFunction.ntile(n));
    }

    /** The value of {@code c} on the first row of the window frame (Spark's alias of {@link #first(Column)}). */
    public static Column first_value(Column c) {
        return first(c);
    }

    /** The value of {@code c} on the first row of the frame, or its first non-null value if {@code ignoreNulls}. */
    public static Column first_value(Column c, boolean ignoreNulls) {
        return first(c, ignoreNulls);
    }

    /** The value of {@code c} on the last row of the window frame (Spark's alias of {@link #last(Column)}). */
    public static Column last_value(Column c) {
        return last(c);
    }

    /** The value of {@code c} on the last row of the frame, or its last non-null value if {@code ignoreNulls}. */
    public static Column last_value(Column c, boolean ignoreNulls) {
        return last(c, ignoreNulls);
    }

    /**
     * The value of {@code c} on the {@code n}-th row (from 1) of the window frame, or null if the
     * frame is shorter.
     *
     * @throws AnalysisException if {@code n} is not positive
     */
    public static Column nth_value(Column c, int n) {
        return nth_value(c, n, false);
    }

    /**
     * The value of {@code c} on the {@code n}-th row of the frame, counting only non-null values
     * if {@code ignoreNulls}.
     */
    public static Column nth_value(Column c, int n, boolean ignoreNulls) {
        return new Column(new NthValueFunction(c.expr(), n, ignoreNulls));
    }

    /** The value of {@code c} {@code offset} rows before, or null. */
    public static Column lag(Column c, int offset) {
        return lag(c, offset, null);
    }

    /** The value of column {@code name} {@code offset} rows before, or null. */
    public static Column lag(String name, int offset) {
        return lag(col(name), offset);
    }

    /** The value of {@code c} {@code offset} rows before, or {@code defaultValue}. */
    public static Column lag(Column c, int offset, Object defaultValue) {
        return new Column(new OffsetFunction(false, c.expr(), offset, Column.toExpr(defaultValue)));
    }

    /** The value of column {@code name} {@code offset} rows before, or {@code defaultValue}. */
    public static Column lag(String name, int offset, Object defaultValue) {
        return lag(col(name), offset, defaultValue);
    }

    /** The value of {@code c} {@code offset} rows after, or null. */
    public static Column lead(Column c, int offset) {
        return lead(c, offset, null);
    }

    /** The value of column {@code name} {@code offset} rows after, or null. */
    public static Column lead(String name, int offset) {
        return lead(col(name), offset);
    }

    /** The value of {@code c} {@code offset} rows after, or {@code defaultValue}. */
    public static Column lead(Column c, int offset, Object defaultValue) {
        return new Column(new OffsetFunction(true, c.expr(), offset, Column.toExpr(defaultValue)));
    }

    /** The value of column {@code name} {@code offset} rows after, or {@code defaultValue}. */
    public static Column lead(String name, int offset, Object defaultValue) {
        return lead(col(name), offset, defaultValue);
    }

    // ---- user-defined functions -------------------------------------------------------------------

    /** A one-argument UDF returning {@code returnType}; apply it with {@link UserDefinedFunction#apply}. */
    public static UserDefinedFunction udf(Function1<?, ?> f, DataType returnType) {
        return new UserDefinedFunction("UDF", f, 1, returnType);
    }

    /** A two-argument UDF. */
    public static UserDefinedFunction udf(Function2<?, ?, ?> f, DataType returnType) {
        return new UserDefinedFunction("UDF", f, 2, returnType);
    }

    /** A three-argument UDF. */
    public static UserDefinedFunction udf(Function3<?, ?, ?, ?> f, DataType returnType) {
        return new UserDefinedFunction("UDF", f, 3, returnType);
    }

    /**
     * Calls the UDF registered as {@code name} with {@code spark.udf().register(...)} in the active
     * session.
     *
     * @throws AnalysisException if no such function is registered
     */
    public static Column callUDF(String name, Column... cols) {
        return EmberSession.active().udf().lookup(name).apply(cols);
    }

    // ---- more math (Spark 3.5's names; a null argument gives null, NaN gives NaN) ----------------

    /** The sine of an angle in radians. */
    public static Column sin(Column c) {
        return fn(Fn.SIN, c);
    }

    /** {@link #sin(Column)} of column {@code name}. */
    public static Column sin(String name) {
        return sin(col(name));
    }

    /** The cosine of an angle in radians. */
    public static Column cos(Column c) {
        return fn(Fn.COS, c);
    }

    /** {@link #cos(Column)} of column {@code name}. */
    public static Column cos(String name) {
        return cos(col(name));
    }

    /** The tangent of an angle in radians. */
    public static Column tan(Column c) {
        return fn(Fn.TAN, c);
    }

    /** {@link #tan(Column)} of column {@code name}. */
    public static Column tan(String name) {
        return tan(col(name));
    }

    /** The arc sine, in radians (NaN outside [-1, 1]). */
    public static Column asin(Column c) {
        return fn(Fn.ASIN, c);
    }

    /** {@link #asin(Column)} of column {@code name}. */
    public static Column asin(String name) {
        return asin(col(name));
    }

    /** The arc cosine, in radians (NaN outside [-1, 1]). */
    public static Column acos(Column c) {
        return fn(Fn.ACOS, c);
    }

    /** {@link #acos(Column)} of column {@code name}. */
    public static Column acos(String name) {
        return acos(col(name));
    }

    /** The arc tangent, in radians. */
    public static Column atan(Column c) {
        return fn(Fn.ATAN, c);
    }

    /** {@link #atan(Column)} of column {@code name}. */
    public static Column atan(String name) {
        return atan(col(name));
    }

    /** The hyperbolic sine. */
    public static Column sinh(Column c) {
        return fn(Fn.SINH, c);
    }

    /** {@link #sinh(Column)} of column {@code name}. */
    public static Column sinh(String name) {
        return sinh(col(name));
    }

    /** The hyperbolic cosine. */
    public static Column cosh(Column c) {
        return fn(Fn.COSH, c);
    }

    /** {@link #cosh(Column)} of column {@code name}. */
    public static Column cosh(String name) {
        return cosh(col(name));
    }

    /** The hyperbolic tangent. */
    public static Column tanh(Column c) {
        return fn(Fn.TANH, c);
    }

    /** {@link #tanh(Column)} of column {@code name}. */
    public static Column tanh(String name) {
        return tanh(col(name));
    }

    /** e to the power of the value, minus 1. */
    public static Column expm1(Column c) {
        return fn(Fn.EXPM1, c);
    }

    /** {@link #expm1(Column)} of column {@code name}. */
    public static Column expm1(String name) {
        return expm1(col(name));
    }

    /** The base-10 logarithm (null for values that are not positive). */
    public static Column log10(Column c) {
        return fn(Fn.LOG10, c);
    }

    /** {@link #log10(Column)} of column {@code name}. */
    public static Column log10(String name) {
        return log10(col(name));
    }

    /** The base-2 logarithm (null for values that are not positive). */
    public static Column log2(Column c) {
        return fn(Fn.LOG2, c);
    }

    /** {@link #log2(Column)} of column {@code name}. */
    public static Column log2(String name) {
        return log2(col(name));
    }

    /** The natural logarithm of the value plus 1 (null for values of -1 or less). */
    public static Column log1p(Column c) {
        return fn(Fn.LOG1P, c);
    }

    /** {@link #log1p(Column)} of column {@code name}. */
    public static Column log1p(String name) {
        return log1p(col(name));
    }

    /** The cube root. */
    public static Column cbrt(Column c) {
        return fn(Fn.CBRT, c);
    }

    /** {@link #cbrt(Column)} of column {@code name}. */
    public static Column cbrt(String name) {
        return cbrt(col(name));
    }

    /** -1.0, 0.0 or 1.0 by the sign of the value (NaN stays NaN). */
    public static Column signum(Column c) {
        return fn(Fn.SIGNUM, c);
    }

    /** {@link #signum(Column)} of column {@code name}. */
    public static Column signum(String name) {
        return signum(col(name));
    }

    /** An angle in radians converted to degrees. */
    public static Column degrees(Column c) {
        return fn(Fn.DEGREES, c);
    }

    /** {@link #degrees(Column)} of column {@code name}. */
    public static Column degrees(String name) {
        return degrees(col(name));
    }

    /** An angle in degrees converted to radians. */
    public static Column radians(Column c) {
        return fn(Fn.RADIANS, c);
    }

    /** {@link #radians(Column)} of column {@code name}. */
    public static Column radians(String name) {
        return radians(col(name));
    }

    /** The double closest to the value that is a mathematical integer (ties to even). */
    public static Column rint(Column c) {
        return fn(Fn.RINT, c);
    }

    /** {@link #rint(Column)} of column {@code name}. */
    public static Column rint(String name) {
        return rint(col(name));
    }

    /** {@link #degrees(Column)}, under its older Spark name. */
    public static Column toDegrees(Column c) {
        return degrees(c);
    }

    /** {@link #radians(Column)}, under its older Spark name. */
    public static Column toRadians(Column c) {
        return radians(c);
    }

    /** The angle of the point ({@code x}, {@code y}) in radians, as {@link Math#atan2}. */
    public static Column atan2(Column y, Column x) {
        return fn(Fn.ATAN2, y, x);
    }

    /** {@link #atan2(Column, Column)} of columns named {@code y} and {@code x}. */
    public static Column atan2(String y, String x) {
        return atan2(col(y), col(x));
    }

    /** {@link #atan2(Column, Column)} with a constant {@code x}. */
    public static Column atan2(Column y, double x) {
        return fn(Fn.ATAN2, y, x);
    }

    /** {@code sqrt(a * a + b * b)} without intermediate overflow. */
    public static Column hypot(Column a, Column b) {
        return fn(Fn.HYPOT, a, b);
    }

    /** {@link #hypot(Column, Column)} of columns named {@code a} and {@code b}. */
    public static Column hypot(String a, String b) {
        return hypot(col(a), col(b));
    }

    /** The logarithm of {@code c} to {@code base} (null if either is not positive). */
    public static Column log(double base, Column c) {
        return fn(Fn.LOG, base, c);
    }

    /** {@link #log(double, Column)} of column {@code name}. */
    public static Column log(double base, String name) {
        return log(base, col(name));
    }

    /** The natural logarithm (null for values that are not positive), as {@link #log(Column)}. */
    public static Column ln(Column c) {
        return fn(Fn.LN, c);
    }

    /** {@link #log(Column)} of column {@code name}. */
    public static Column log(String name) {
        return log(col(name));
    }

    /** {@link #exp(Column)} of column {@code name}. */
    public static Column exp(String name) {
        return exp(col(name));
    }

    /** {@link #floor(Column)} of column {@code name}. */
    public static Column floor(String name) {
        return floor(col(name));
    }

    /** {@link #ceil(Column)} of column {@code name}. */
    public static Column ceil(String name) {
        return ceil(col(name));
    }

    /** {@link #pow(Column, Object)} of columns named {@code base} and {@code exp}. */
    public static Column pow(String base, String exp) {
        return pow(col(base), col(exp));
    }

    /**
     * The positive modulo of {@code a} by {@code n}: the remainder made non-negative for a positive
     * {@code n}; null if {@code n} is 0. Two ints give an int, ints and bigints a bigint, other
     * numbers a double.
     */
    public static Column pmod(Column a, Column n) {
        return fn(Fn.PMOD, a, n);
    }

    /** Rounds half to even ("banker's rounding") to 0 decimal places: {@code bround(2.5)} is 2. */
    public static Column bround(Column c) {
        return bround(c, 0);
    }

    /** Rounds half to even to {@code scale} decimal places (negative: to tens, hundreds...). */
    public static Column bround(Column c, int scale) {
        return fn(Fn.BROUND, c, scale);
    }

    // ---- string-name overloads (Spark's {@code functions} has each) ------------------------------

    /** {@link #sumDistinct(Column)} of column {@code name}. */
    public static Column sumDistinct(String name) {
        return sumDistinct(col(name));
    }

    /** {@link #first(Column, boolean)} of column {@code name}. */
    public static Column first(String name, boolean ignoreNulls) {
        return first(col(name), ignoreNulls);
    }

    /** {@link #last(Column, boolean)} of column {@code name}. */
    public static Column last(String name, boolean ignoreNulls) {
        return last(col(name), ignoreNulls);
    }

    /** {@link #stddev_samp(Column)} of column {@code name}. */
    public static Column stddev_samp(String name) {
        return stddev_samp(col(name));
    }

    /** {@link #stddev_pop(Column)} of column {@code name}. */
    public static Column stddev_pop(String name) {
        return stddev_pop(col(name));
    }

    /** {@link #variance(Column)} of column {@code name}. */
    public static Column variance(String name) {
        return variance(col(name));
    }

    /** The sample variance, as {@link #variance(Column)}. */
    public static Column var_samp(Column c) {
        return variance(c);
    }

    /** {@link #var_samp(Column)} of column {@code name}. */
    public static Column var_samp(String name) {
        return var_samp(col(name));
    }

    /** {@link #var_pop(Column)} of column {@code name}. */
    public static Column var_pop(String name) {
        return var_pop(col(name));
    }

    /** {@link #toDegrees(Column)} of column {@code name}. */
    public static Column toDegrees(String name) {
        return toDegrees(col(name));
    }

    /** {@link #toRadians(Column)} of column {@code name}. */
    public static Column toRadians(String name) {
        return toRadians(col(name));
    }

    // ---- random numbers ---------------------------------------------------------------------------

    /**
     * Uniform random doubles in [0, 1), the same every run for the same {@code seed} and
     * partitions: each partition draws from a generator seeded with {@code seed + partition index}.
     */
    public static Column rand(long seed) {
        return new Column(new io.ember.dataframe.internal.expressions.Rand(seed, false));
    }

    /** {@link #rand(long)} with a random seed. */
    public static Column rand() {
        return rand(new java.util.Random().nextLong());
    }

    /** Standard normal random doubles, drawn as {@link #rand(long)} draws. */
    public static Column randn(long seed) {
        return new Column(new io.ember.dataframe.internal.expressions.Rand(seed, true));
    }

    /** {@link #randn(long)} with a random seed. */
    public static Column randn() {
        return randn(new java.util.Random().nextLong());
    }

    // ---- nested types: arrays, maps, structs --------------------------------------------------------

    /** An array of the columns' values (cast to their common type), e.g. {@code array(col("a"), col("b"))}. */
    public static Column array(Column... cols) {
        return fn(Fn.ARRAY, (Object[]) cols);
    }

    /** {@link #array(Column...)} of the columns named. */
    public static Column array(String colName, String... colNames) {
        return array(columns(colName, colNames));
    }

    /**
     * A map of alternating keys and values, {@code map(lit("a"), col("x"), lit("b"), col("y"))};
     * a repeated key keeps its last value, a null key is an error.
     */
    public static Column map(Column... cols) {
        return fn(Fn.MAP, (Object[]) cols);
    }

    /** A struct of the columns, each field named after its column (or alias), else {@code col1}, {@code col2}, .... */
    public static Column struct(Column... cols) {
        List<Expression> es = new ArrayList<>();
        for (Column c : cols) {
            es.add(c.expr());
        }
        return new Column(io.ember.dataframe.internal.expressions.CreateNamedStruct.of(es));
    }

    /** {@link #struct(Column...)} of the columns named. */
    public static Column struct(String colName, String... colNames) {
        return struct(columns(colName, colNames));
    }

    /**
     * Element {@code value} (1-based; negative counts from the end) of an array, or the value of
     * key {@code value} in a map; null when out of range or missing.
     */
    public static Column element_at(Column column, Object value) {
        return fn(Fn.ELEMENT_AT, column, value);
    }

    /** Whether the array holds {@code value}: null if the array is null, or lacks it but holds a null. */
    public static Column array_contains(Column column, Object value) {
        return fn(Fn.ARRAY_CONTAINS, column, value);
    }

    /** The keys of a map, as an array. */
    public static Column map_keys(Column c) {
        return fn(Fn.MAP_KEYS, c);
    }

    /** The values of a map, as an array. */
    public static Column map_values(Column c) {
        return fn(Fn.MAP_VALUES, c);
    }

    /**
     * One row per element of an array (column {@code col}) or entry of a map (columns
     * {@code key}, {@code value}); a null or empty input gives no row. Only as a whole item of
     * {@code select}: {@code df.select(col("id"), explode(col("xs")))}.
     */
    public static Column explode(Column e) {
        return new Column(new io.ember.dataframe.internal.expressions.Explode(e.expr(), false, false));
    }

    /** {@link #explode} with the element's 0-based position first (column {@code pos}). */
    public static Column posexplode(Column e) {
        return new Column(new io.ember.dataframe.internal.expressions.Explode(e.expr(), true, false));
    }

    /** {@link #explode}, but a null or empty input gives one row of nulls. */
    public static Column explode_outer(Column e) {
        return new Column(new io.ember.dataframe.internal.expressions.Explode(e.expr(), false, true));
    }

    /** {@link #posexplode}, but a null or empty input gives one row of nulls. */
    public static Column posexplode_outer(Column e) {
        return new Column(new io.ember.dataframe.internal.expressions.Explode(e.expr(), true, true));
    }

    /** The JSON text of a struct, map or array ({@code {"a":1}}); null fields of a struct are left out. */
    public static Column to_json(Column e) {
        return fn(Fn.TO_JSON, e);
    }

    /**
     * JSON text parsed into {@code schema}; in a struct, a field that does not fit its type is
     * null, and text that is not a JSON object gives a struct of nulls.
     */
    public static Column from_json(Column e, io.ember.dataframe.types.StructType schema) {
        return from_json(e, (DataType) schema);
    }

    /** JSON text parsed into {@code schema}, a struct, array or map type. */
    public static Column from_json(Column e, DataType schema) {
        java.util.Objects.requireNonNull(schema, "schema is null");
        return new Column(new io.ember.dataframe.internal.expressions.JsonToStructs(e.expr(), schema));
    }

    /** JSON text parsed into the schema written in DDL, {@code "a INT, b ARRAY<STRING>"}. */
    public static Column from_json(Column e, String schemaDdl) {
        return from_json(e, io.ember.dataframe.types.StructType.fromDDL(schemaDdl));
    }

    private static Column[] columns(String colName, String... colNames) {
        Column[] out = new Column[colNames.length + 1];
        out[0] = col(colName);
        for (int i = 0; i < colNames.length; i++) {
            out[i + 1] = col(colNames[i]);
        }
        return out;
    }
}
