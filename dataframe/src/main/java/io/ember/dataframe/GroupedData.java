package io.ember.dataframe;

import io.ember.dataframe.analysis.Analyzer;
import io.ember.dataframe.expressions.AggregateExpression;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.expressions.Literal;
import io.ember.dataframe.expressions.NamedExpression;
import io.ember.dataframe.expressions.UnresolvedAttribute;
import io.ember.dataframe.plan.Aggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of a DataFrame grouped by some columns ({@code df.groupBy(...)}), waiting for the
 * aggregates to compute per group. The result has the grouping columns first, then one column
 * per aggregate.
 */
public final class GroupedData {
    private final DataFrame df;
    private final List<Expression> grouping;
    private final List<NamedExpression> groupingNamed;

    GroupedData(DataFrame df, List<Expression> grouping, List<NamedExpression> groupingNamed) {
        this.df = df;
        this.grouping = grouping;
        this.groupingNamed = groupingNamed;
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
        List<NamedExpression> out = new ArrayList<>(groupingNamed);
        for (Column c : aggs) {
            Expression r = analyzer.resolve(c.expr(), df.plan().output());
            checkAggregate(r, c);
            out.add(Analyzer.named(r, c.expr()));
        }
        return new DataFrame(df.sparkSession(), new Aggregate(grouping, out, df.plan()));
    }

    private void checkAggregate(Expression e, Column original) {
        if (e instanceof AggregateExpression) {
            if (e.children().get(0).exists(x -> x instanceof AggregateExpression)) {
                throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function "
                        + "in the argument of another aggregate function: " + original + ".");
            }
            return;
        }
        if (grouping.contains(e) || (e instanceof io.ember.dataframe.expressions.Alias a && grouping.contains(a.child()))) {
            return;
        }
        if (e.children().isEmpty()) {
            if (e instanceof io.ember.dataframe.expressions.AttributeReference attr) {
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
                if (io.ember.dataframe.expressions.Cast.isNumeric(a.dataType())) {
                    names.add(a.name());
                }
            }
        } else {
            for (String n : names) {
                var a = df.sparkSession().analyzer().lookup(n, df.plan().output());
                if (!io.ember.dataframe.expressions.Cast.isNumeric(a.dataType())) {
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
            return new DataFrame(df.sparkSession(), new Aggregate(grouping, groupingNamed, df.plan()));
        }
        return aggregate(aggs);
    }
}
