package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * {@code (SELECT max(x) FROM t)} used as a value: the first (only) column of {@code plan}, null
 * when it returns no row; more than one row is an error naming the subquery.
 */
public record ScalarSubquery(LogicalPlan plan, String text) implements SubqueryExpression, LeafExpression {

    @Override
    public DataType dataType() {
        return plan.output().get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** Spark's name for the column of an unaliased scalar subquery. */
    @Override
    public String render(List<String> childTexts) {
        return "scalarsubquery()";
    }

    @Override
    public String explain() {
        return "scalar-subquery(" + text + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
