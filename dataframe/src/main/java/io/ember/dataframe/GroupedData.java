package io.ember.dataframe;

import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.analysis.GroupingSets;
import io.ember.dataframe.internal.analysis.Pivot;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of a DataFrame grouped by some columns ({@code df.groupBy(...)}, or over grouping
 * sets with {@code df.rollup(...)} and {@code df.cube(...)}), waiting for the aggregates to
 * compute per group. The result has the grouping columns first, then one column per aggregate
 * (per pivot value and aggregate after {@link #pivot(String)}).
 */
public final class GroupedData {
    private final DataFrame df;
    private final List<Expression> grouping;
    private final List<NamedExpression> groupingNamed;
    /** The grouping sets of a rollup or cube; null for a plain groupBy. */
    private final List<List<Expression>> groupingSets;
    /** The pivot column and its values after {@link #pivot}; null before. */
    private final Pivot pivot;

    GroupedData(DataFrame df, List<Expression> grouping, List<NamedExpression> groupingNamed) {
        this(df, grouping, groupingNamed, null, null);
    }

    GroupedData(DataFrame df, List<Expression> grouping, List<NamedExpression> groupingNamed,
                List<List<Expression>> groupingSets, Pivot pivot) {
        this.df = df;
        this.grouping = grouping;
        this.groupingNamed = groupingNamed;
        this.groupingSets = groupingSets;
        this.pivot = pivot;
    }

    /** This grouping over the grouping sets {@code setsOf} makes of the grouping columns (a rollup or cube). */
    GroupedData withGroupingSets(java.util.function.Function<List<Expression>, List<List<Expression>>> setsOf) {
        return new GroupedData(df, grouping, groupingNamed, setsOf.apply(grouping), null);
    }

    /**
     * Pivots on {@code column}: one output column per distinct value of it (computed by a job,
     * sorted, at most {@code ember.sql.pivotMaxValues}) and aggregate, named by the value alone
     * when there is one aggregate and {@code value_aggregate} otherwise, as in Spark.
     *
     * @throws AnalysisException if the column is unknown, has too many distinct values, or this
     *     is not a plain {@code groupBy}
     */
    public GroupedData pivot(String column) {
        return pivot(Functions.col(column));
    }

    /** {@link #pivot(String)} on a column expression. */
    public GroupedData pivot(Column column) {
        Expression resolved = resolvePivot(column);
        return pivot(resolved, distinctValues(column, df.sparkSession().conf().pivotMaxValues()));
    }

    /**
     * Pivots on {@code column} with the given {@code values} (cast to the column's type): one
     * output column per value and aggregate, without the job that finds the distinct values.
     *
     * @throws AnalysisException if the column is unknown or this is not a plain {@code groupBy}
     */
    public GroupedData pivot(String column, List<?> values) {
        return pivot(Functions.col(column), values);
    }

    /** {@link #pivot(String, List)} on a column expression. */
    public GroupedData pivot(Column column, List<?> values) {
        return pivot(resolvePivot(column), values);
    }

    private GroupedData pivot(Expression column, List<?> values) {
        List<Expression> literals = new ArrayList<>();
        for (Object v : values) {
            literals.add(Literal.create(v));
        }
        Pivot p = Pivot.of(column, literals, null, df.sparkSession().analyzer().timeZone());
        return new GroupedData(df, grouping, groupingNamed, null, p);
    }

    /**
     * The distinct values of {@code column}, sorted (NULL first), computed by a job.
     *
     * @throws AnalysisException if there are more than {@code maxValues}
     */
    private List<Object> distinctValues(Column column, int maxValues) {
        List<Row> rows = df.select(column).distinct().limit(maxValues + 1).collectAsList();
        if (rows.size() > maxValues) {
            throw new AnalysisException("The pivot column " + column + " has more than " + maxValues
                    + " distinct values, this could indicate an error. If this was intended, set "
                    + RuntimeConfig.PIVOT_MAX_VALUES + " to at least the number of distinct values of the pivot column.");
        }
        List<Object> values = new ArrayList<>();
        for (Row r : rows) {
            values.add(r.get(0));
        }
        values.sort(java.util.Comparator.nullsFirst(GroupedData::compareValues));
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (!(a instanceof Comparable ca)) {
            throw new AnalysisException("Cannot pivot on a column of " + a.getClass().getSimpleName()
                    + " values: they have no order.");
        }
        return ca.compareTo(b);
    }

    private Expression resolvePivot(Column column) {
        if (groupingSets != null || pivot != null) {
            throw new AnalysisException("[UNSUPPORTED_FEATURE] pivot is only supported after a groupBy, not after "
                    + (pivot != null ? "another pivot" : "rollup or cube") + ".");
        }
        Expression resolved = df.sparkSession().analyzer().resolve(column.expr(), df.plan().output());
        return resolved instanceof io.ember.dataframe.internal.expressions.Alias a ? a.child() : resolved;
    }

    /**
     * The aggregates per group: {@code agg(sum("x").as("total"), count("*"))}.
     *
     * @throws AnalysisException if a column is unknown, or an expression is neither an aggregate
     *     nor built from grouping columns
     */
    public DataFrame agg(Column expr, Column... exprs) {
        List<Column> all = new ArrayList<>();
        all.add(expr);
        all.addAll(List.of(exprs));
        return aggregate(all);
    }

    /**
     * Aggregates given as column name to function name ({@code "fare" -> "max"},
     * {@code "*" -> "count"}): any aggregate function SQL knows, by its SQL name, including the
     * session's UDFs, each result named as Spark names it ({@code max(fare)}).
     *
     * @throws AnalysisException naming an unknown function or column
     */
    public DataFrame agg(Map<String, String> exprs) {
        List<Column> all = new ArrayList<>();
        for (Map.Entry<String, String> e : exprs.entrySet()) {
            Expression arg = e.getKey().equals("*") ? Literal.create(1) : new UnresolvedAttribute(e.getKey());
            all.add(byName(e.getValue(), arg));
        }
        return aggregate(all);
    }

    /** The call of the aggregate function {@code fn} (its SQL name) on the column {@code col}. */
    private Column byName(String fn, String col) {
        return byName(fn, new UnresolvedAttribute(col));
    }

    private Column byName(String fn, Expression arg) {
        return new Column(SqlSupport.call(df.sparkSession(), fn, List.of(arg)));
    }

    private DataFrame aggregate(List<Column> aggs) {
        Analyzer analyzer = df.sparkSession().analyzer();
        List<NamedExpression> computed = new ArrayList<>();
        for (Column c : aggs) {
            Expression r = analyzer.resolve(c.expr(), df.plan().output());
            checkAggregate(r, c);
            computed.add(Analyzer.named(r, c.expr()));
        }
        if (pivot != null) {
            computed = pivot.outputs(computed);
        }
        List<NamedExpression> out = new ArrayList<>(groupingNamed);
        out.addAll(computed);
        return new DataFrame(df.sparkSession(), aggregatePlan(out));
    }

    private LogicalPlan aggregatePlan(List<NamedExpression> out) {
        if (groupingSets != null) {
            return GroupingSets.aggregate(groupingSets, out, df.plan());
        }
        GroupingSets.checkNoGroupingCalls(out);
        return new Aggregate(grouping, out, df.plan());
    }

    private void checkAggregate(Expression e, Column original) {
        if (e instanceof AggregateExpression) {
            if (e.children().get(0).exists(x -> x instanceof AggregateExpression)) {
                throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function "
                        + "in the argument of another aggregate function: " + original + ".");
            }
            return;
        }
        if (grouping.contains(e) || (e instanceof io.ember.dataframe.internal.expressions.Alias a && grouping.contains(a.child()))) {
            return;
        }
        if (e.children().isEmpty()) {
            if (e instanceof io.ember.dataframe.internal.expressions.AttributeReference attr) {
                throw new AnalysisException("[MISSING_AGGREGATION] The non-aggregating expression \"" + attr.name()
                        + "\" is based on columns which are not participating in the GROUP BY clause. Add the columns "
                        + "or the expression to the GROUP BY, aggregate the expression, or use \"first(" + attr.name()
                        + ")\".");
            }
            return;
        }
        for (Expression c : e.children()) {
            checkAggregate(c, original);
        }
    }

    /** The number of rows per group, as column {@code count}. */
    public DataFrame count() {
        return agg(Functions.count(Functions.lit(1)).as("count"));
    }

    /** The sum of each column named (all numeric columns if none). */
    public DataFrame sum(String... cols) {
        return numeric("sum", cols);
    }

    /** The mean of each column named (all numeric columns if none). */
    public DataFrame avg(String... cols) {
        return numeric("avg", cols);
    }

    /** The same as {@link #avg(String...)}. */
    public DataFrame mean(String... cols) {
        return numeric("avg", cols);
    }

    /** The minimum of each column named (all numeric columns if none). */
    public DataFrame min(String... cols) {
        return numeric("min", cols);
    }

    /** The maximum of each column named (all numeric columns if none). */
    public DataFrame max(String... cols) {
        return numeric("max", cols);
    }

    private DataFrame numeric(String fn, String... cols) {
        List<String> names = new ArrayList<>(List.of(cols));
        if (names.isEmpty()) {
            for (var a : df.plan().output()) {
                if (io.ember.dataframe.internal.expressions.Cast.isNumeric(a.dataType())) {
                    names.add(a.name());
                }
            }
        } else {
            for (String n : names) {
                var a = df.sparkSession().analyzer().lookup(n, df.plan().output());
                if (!io.ember.dataframe.internal.expressions.Cast.isNumeric(a.dataType())) {
                    throw new AnalysisException("\"" + n + "\" is not a numeric column. Aggregation function can only "
                            + "be applied on a numeric column.");
                }
            }
        }
        List<Column> aggs = new ArrayList<>();
        for (String n : names) {
            aggs.add(byName(fn, n));
        }
        if (aggs.isEmpty()) {
            return new DataFrame(df.sparkSession(), aggregatePlan(groupingNamed));
        }
        return aggregate(aggs);
    }
}
