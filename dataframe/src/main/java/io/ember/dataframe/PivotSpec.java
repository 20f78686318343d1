package io.ember.dataframe;

import io.ember.dataframe.expressions.AggregateExpression;
import io.ember.dataframe.expressions.Alias;
import io.ember.dataframe.expressions.CaseWhen;
import io.ember.dataframe.expressions.Cast;
import io.ember.dataframe.expressions.CmpOp;
import io.ember.dataframe.expressions.Comparison;
import io.ember.dataframe.expressions.ExprIds;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.expressions.Literal;
import io.ember.dataframe.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A pivot ({@code groupBy(...).pivot(column, values)}): each aggregate is computed once per value,
 * over the rows whose pivot column is (null-safely) equal to it. As in Spark's rewrite of pivots
 * it cannot compute with its specialised operator, every argument of an aggregate function
 * becomes {@code if(column <=> value, argument, null)}, so {@code count(1)} counts the rows of the
 * value and {@code sum(x)} sums their {@code x}; a group without rows for a value gets what the
 * aggregate gives for no input (NULL, or 0 for a count).
 */
record PivotSpec(Expression column, List<Object> values) {

    /**
     * The distinct values of {@code column} in {@code df}, sorted (NULL first), computed by a job.
     *
     * @throws AnalysisException if there are more than {@code maxValues}
     */
    static List<Object> distinctValues(DataFrame df, Column column, int maxValues) {
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
        values.sort(Comparator.nullsFirst(PivotSpec::compareValues));
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

    /** The pivoted outputs of the aggregates {@code aggregates}: per value, per aggregate. */
    List<NamedExpression> outputs(List<NamedExpression> aggregates) {
        List<NamedExpression> out = new ArrayList<>();
        for (Object value : values) {
            Expression literal = Literal.create(value);
            if (!literal.dataType().equals(column.dataType())) {
                literal = new Cast(literal, column.dataType());
            }
            Expression matches = new Comparison(CmpOp.EQ_NULL_SAFE, column, literal);
            String valueName = String.valueOf(value);
            for (NamedExpression agg : aggregates) {
                Expression body = agg instanceof Alias a ? a.child() : agg;
                Expression pivoted = body.transformUp(x -> x instanceof AggregateExpression call
                        ? call.withNewChildren(List.of(onlyFor(matches, call.child()))) : x);
                String name = aggregates.size() == 1 ? valueName : valueName + "_" + agg.name();
                out.add(new Alias(pivoted, name, ExprIds.next()));
            }
        }
        return out;
    }

    private static Expression onlyFor(Expression matches, Expression argument) {
        return new CaseWhen(List.of(), false).when(matches, argument).otherwise(new Literal(null, argument.dataType()));
    }
}
