package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Equi-join of two large sides: both are hash-partitioned on their keys into the same number of
 * partitions (exchanges inserted by {@link EnsureRequirements}); each task sorts its partition of
 * each side by the keys, then reads partition i of both sides together ({@code RDD.zipPartitions},
 * no shuffle) and merges the two sorted streams ({@link SortMergeJoiner}), emitting every pair of
 * rows with equal keys batch by batch. Supports every join type, full outer included.
 */
public final class SortMergeJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final JoinKeySizes keySizes;

    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, PhysicalPlan left, PhysicalPlan right,
                             List<AttributeReference> output, JoinKeySizes keySizes) {
        super(left, right, joinType, condition, output);
        this.keySizes = keySizes;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
    }

    /** The planner's estimates of the bytes of each side's keys. */
    JoinKeySizes keySizes() {
        return keySizes;
    }

    @Override
    List<Expression> leftKeys() {
        return leftKeys;
    }

    @Override
    List<Expression> rightKeys() {
        return rightKeys;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, c.get(0), c.get(1), output, keySizes);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(new Distribution.Clustered(leftKeys), new Distribution.Clustered(rightKeys));
    }

    @Override
    public Partitioning outputPartitioning() {
        return joinType == JoinType.FULL_OUTER || joinType == JoinType.RIGHT_OUTER ? new Partitioning.Unknown(-1)
                : left.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "SortMergeJoin " + LogicalPlan.list(leftKeys) + ", " + LogicalPlan.list(rightKeys) + ", "
                + joinType.display() + conditionText();
    }

    record Spec(Expression[] leftKeys, Expression[] rightKeys, RowOrdering keyOrdering, JoinType type,
                Expression residual) implements Serializable {
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<DataType> lt = left.outputTypes();
        List<DataType> rt = right.outputTypes();
        List<SortOrder> order = new ArrayList<>();
        List<Expression> keyRefs = new ArrayList<>();
        for (int k = 0; k < leftKeys.size(); k++) {
            BoundReference ref = new BoundReference(k, leftKeys.get(k).dataType(), true, "k" + k);
            keyRefs.add(ref);
            order.add(SortOrder.asc(ref));
        }
        Expression[] lk = Binder.bindAll(leftKeys, left.output());
        Expression[] rk = Binder.bindAll(rightKeys, right.output());
        Spec spec = new Spec(lk, rk, new RowOrdering(keyRefs.toArray(new Expression[0]), order), joinType,
                boundCondition());
        RowOrdering leftOrdering = new RowOrdering(lk, order);
        RowOrdering rightOrdering = new RowOrdering(rk, order);
        int batchSize = ctx.batchSize();
        RDD<ColumnBatch> l = left.execute(ctx).mapPartitions(
                it -> SortExec.sortPartition(it, leftOrdering, lt, batchSize, "SortMergeJoinExec"), true);
        RDD<ColumnBatch> r = right.execute(ctx).mapPartitions(
                it -> SortExec.sortPartition(it, rightOrdering, rt, batchSize, "SortMergeJoinExec"), true);
        return l.zipPartitions(r, (ls, rs) -> new SortMergeJoiner(ls, rs, spec, lt, rt, batchSize));
    }
}
