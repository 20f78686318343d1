package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.util.List;

/** Inner join without keys of two large sides: every pair of partitions, every pair of rows. */
public final class CartesianProductExec extends JoinExec {

    public CartesianProductExec(Expression condition, PhysicalPlan left, PhysicalPlan right,
                                List<AttributeReference> output) {
        super(left, right, JoinType.INNER, condition, output);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new CartesianProductExec(condition, c.get(0), c.get(1), output);
    }

    @Override
    public String nodeString() {
        return "CartesianProduct" + (condition == null ? "" : " " + condition.explain());
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<DataType> lt = left.outputTypes();
        List<DataType> rt = right.outputTypes();
        Expression residual = boundCondition();
        RDD<ColumnBatch> l = left.execute(ctx).mapPartitions(it -> List.of(Batches.drain(it, lt)).iterator());
        RDD<ColumnBatch> r = right.execute(ctx).mapPartitions(it -> List.of(Batches.drain(it, rt)).iterator());
        return l.cartesian(r).mapPartitions(it -> it.map(p ->
                NestedLoopJoinExec.loop(p._1, p._2, true, JoinType.INNER, residual)));
    }
}
