package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.plan.LogicalPlan;

/**
 * An expression that holds a query: a scalar subquery, {@code EXISTS} or {@code IN (SELECT ...)}.
 * The plan is analyzed with the enclosing query's columns visible as {@link OuterReference}s;
 * the optimizer rewrites every subquery expression into a join before planning, so these
 * nodes are never evaluated. The plan is never an expression child (the enclosing operator does
 * not evaluate it): {@link Exists} and {@link ScalarSubquery} are leaves.
 */
public interface SubqueryExpression extends Expression {

    /** The subquery's plan. */
    LogicalPlan plan();

    /** The subquery as written, to name it in plans and errors. */
    String text();

    @Override
    default boolean foldable() {
        return false;
    }

    @Override
    default boolean deterministic() {
        return false;
    }

    @Override
    default ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("the subquery " + text()
                + " is evaluated only after the optimizer rewrote it into a join (is RewriteSubqueries excluded?)");
    }
}
