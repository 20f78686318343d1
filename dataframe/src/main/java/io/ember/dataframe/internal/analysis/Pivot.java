package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.ExprIds;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.internal.window.Windows;
import java.util.ArrayList;
import java.util.List;

/**
 * A pivot on {@code column} for {@code values} (literals of the column's type), shared by
 * {@code groupBy(...).pivot(...)} and SQL's {@code PIVOT} clause: each aggregate is computed once
 * per value, over the rows whose pivot column is (null-safely) equal to it. As in Spark's rewrite
 * of pivots it cannot compute with its specialised operator, every argument of an aggregate
 * function becomes {@code if(column <=> value, argument, null)}, so {@code count(1)} counts the
 * rows of the value and {@code sum(x)} sums their {@code x}; a group without rows for a value gets
 * what the aggregate gives for no input (NULL, or 0 for a count). Output columns are named as in
 * Spark: the value's name (its alias, or its text) alone for one aggregate,
 * {@code value_aggregate} for several.
 */
public record Pivot(Expression column, List<Expression> values, List<String> valueNames) {

    public Pivot {
        values = List.copyOf(values);
        valueNames = List.copyOf(valueNames);
    }

    /**
     * The pivot of {@code column} (resolved) on the literals {@code values}, each cast to the
     * column's type and named by {@code aliases} (null entries: by its text, in zone {@code zone}).
     *
     * @throws AnalysisException if a value is not a literal
     */
    public static Pivot of(Expression column, List<? extends Expression> values, List<String> aliases, String zone) {
        List<Expression> cast = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Expression v = values.get(i);
            if (!v.foldable() && !(v instanceof Literal)) {
                throw new AnalysisException("[NON_LITERAL_PIVOT_VALUES] Literal expressions required for pivot values, "
                        + "found \"" + v.sql() + "\".");
            }
            cast.add(v.dataType().equals(column.dataType()) ? v : new Cast(v, column.dataType(), zone));
            String alias = aliases == null ? null : aliases.get(i);
            names.add(alias != null ? alias : text(v, zone));
        }
        return new Pivot(column, cast, names);
    }

    /** The value as a string, as Spark names pivot columns ({@code "null"} for NULL). */
    private static String text(Expression value, String zone) {
        ColumnVector v = new Cast(value, DataTypes.StringType, zone).eval(new ColumnBatch(new ColumnVector[0], 1));
        return v.isNull(0) ? "null" : String.valueOf(v.get(0));
    }

    /**
     * Spark's SQL {@code PIVOT}: the aggregation of {@code input} grouped by every column that
     * neither the aggregates nor the pivot column read, computing the pivoted {@code aggregates}.
     *
     * @throws AnalysisException if an aggregate computes no aggregate function
     */
    public LogicalPlan aggregateAllOtherColumns(List<NamedExpression> aggregates, LogicalPlan input) {
        java.util.Set<Long> read = new java.util.HashSet<>(column.referenceIds());
        for (NamedExpression a : aggregates) {
            if (!Windows.hasAggregate(a)) {
                throw new AnalysisException("[PIVOT_NON_AGGREGATE] Aggregate expression required for pivot, but \""
                        + a.sql() + "\" did not appear in any aggregate function.");
            }
            read.addAll(a.referenceIds());
        }
        List<Expression> grouping = new ArrayList<>();
        List<NamedExpression> out = new ArrayList<>();
        for (AttributeReference a : input.output()) {
            if (!read.contains(a.exprId())) {
                grouping.add(a);
                out.add(a);
            }
        }
        out.addAll(outputs(aggregates));
        return new Aggregate(grouping, out, input);
    }

    /** The pivoted outputs of the aggregates {@code aggregates}: per value, per aggregate. */
    public List<NamedExpression> outputs(List<NamedExpression> aggregates) {
        List<NamedExpression> out = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            Expression matches = new Comparison(CmpOp.EQ_NULL_SAFE, column, values.get(v));
            for (NamedExpression agg : aggregates) {
                Expression body = agg instanceof Alias a ? a.child() : agg;
                Expression pivoted = body.transformUp(x -> x instanceof AggregateExpression call
                        ? call.withNewChildren(List.of(onlyFor(matches, call.child()))) : x);
                String name = aggregates.size() == 1 ? valueNames.get(v) : valueNames.get(v) + "_" + agg.name();
                out.add(new Alias(pivoted, name, ExprIds.next()));
            }
        }
        return out;
    }

    private static Expression onlyFor(Expression matches, Expression argument) {
        return new CaseWhen(List.of(), false).when(matches, argument).otherwise(new Literal(null, argument.dataType()));
    }
}
