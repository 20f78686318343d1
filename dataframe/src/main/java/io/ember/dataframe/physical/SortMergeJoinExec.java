package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.expressions.BoundReference;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.expressions.SortOrder;
import io.ember.dataframe.plan.JoinType;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Equi-join of two large sides: both are hash-partitioned on their keys into the same number of
 * partitions (exchanges inserted by {@link EnsureRequirements}); each task sorts its partition of
 * each side by the keys and merges them, emitting every pair of rows with equal keys. Supports
 * every join type, full outer included.
 */
public final class SortMergeJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;

    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, PhysicalPlan left, PhysicalPlan right,
                             List<AttributeReference> output) {
        super(left, right, joinType, condition, output);
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
    }

    List<Expression> leftKeys() {
        return leftKeys;
    }

    List<Expression> rightKeys() {
        return rightKeys;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, c.get(0), c.get(1), output);
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
        Spec spec = new Spec(Binder.bindAll(leftKeys, left.output()), Binder.bindAll(rightKeys, right.output()),
                new RowOrdering(keyRefs.toArray(new Expression[0]), order), joinType, boundCondition());
        RDD<ColumnBatch> l = left.execute(ctx).mapPartitions(it -> List.of(Batches.drain(it, lt)).iterator(), true);
        RDD<ColumnBatch> r = right.execute(ctx).mapPartitions(it -> List.of(Batches.drain(it, rt)).iterator(), true);
        int batchSize = ctx.batchSize();
        return l.zip(r).mapPartitions(it -> it.flatMap(p -> Batches.split(merge(p._1, p._2, spec), batchSize)));
    }

    static ColumnBatch merge(ColumnBatch left, ColumnBatch right, Spec spec) {
        ColumnVector[] lk = eval(spec.leftKeys(), left);
        ColumnVector[] rk = eval(spec.rightKeys(), right);
        int[] ls = sortedNonNull(lk, left.numRows, spec.keyOrdering());
        int[] rs = sortedNonNull(rk, right.numRows, spec.keyOrdering());
        PairBuffer pairs = new PairBuffer();
        RowOrdering ord = spec.keyOrdering();
        int i = 0;
        int j = 0;
        while (i < ls.length && j < rs.length) {
            int c = ord.compare(lk, ls[i], rk, rs[j]);
            if (c < 0) {
                i++;
            } else if (c > 0) {
                j++;
            } else {
                int i2 = i + 1;
                while (i2 < ls.length && ord.compare(lk, ls[i2], lk, ls[i]) == 0) {
                    i2++;
                }
                int j2 = j + 1;
                while (j2 < rs.length && ord.compare(rk, rs[j2], rk, rs[j]) == 0) {
                    j2++;
                }
                for (int a = i; a < i2; a++) {
                    for (int b = j; b < j2; b++) {
                        pairs.add(ls[a], rs[b]);
                    }
                }
                i = i2;
                j = j2;
            }
        }
        return JoinCore.join(left, right, pairs.first, pairs.second, pairs.size, spec.type(), spec.residual());
    }

    private static ColumnVector[] eval(Expression[] keys, ColumnBatch b) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].eval(b);
        }
        return out;
    }

    private static int[] sortedNonNull(ColumnVector[] keys, int n, RowOrdering ordering) {
        int[] sorted = ordering.sortedIndex(keys, n);
        int k = 0;
        for (int idx : sorted) {
            if (!KeyHashTable.anyNull(keys, idx)) {
                sorted[k++] = idx;
            }
        }
        return java.util.Arrays.copyOf(sorted, k);
    }
}
