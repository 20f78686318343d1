package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.ConditionMask;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.rdd.RDD;
import java.util.List;

/** Keeps the rows of each batch for which the condition is true. */
public final class FilterExec extends PhysicalPlan {
    private final Expression condition;
    private final PhysicalPlan child;

    public FilterExec(Expression condition, PhysicalPlan child) {
        this.condition = condition;
        this.child = child;
    }

    /** The condition rows must meet. */
    Expression condition() {
        return condition;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new FilterExec(condition, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "Filter " + condition.explain();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        Expression cond = Binder.bind(condition, child.output());
        return child.execute(ctx).mapPartitions(it -> it.map(b -> filter(b, cond)).filter(b -> b.numRows > 0), true);
    }

    /** The rows of {@code b} where {@code cond} is true. */
    static ColumnBatch filter(ColumnBatch b, Expression cond) {
        return b.filter(ConditionMask.of(cond, b));
    }
}
