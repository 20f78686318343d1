package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * Equi-join of two large sides without sorting: both are hash-partitioned on their keys into the
 * same number of partitions (exchanges inserted by {@link EnsureRequirements}); each task loads
 * its partition of the build side into a hash table and streams its partition of the other side
 * through it ({@link HashJoiner}), turning into a grace hash join when the build side outgrows the
 * task's memory. Chosen instead of a sort-merge join unless {@code ember.sql.join.preferSortMergeJoin}
 * is true. Either side may be built, for every join type (full outer included), except that
 * semi and anti joins build their right side.
 */
// Deliberately one operator per join strategy, as Spark's BroadcastHashJoinExec,
// ShuffledHashJoinExec and SortMergeJoinExec: the fields and distribution rules repeat, the
// execution differs.
public final class ShuffledHashJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final JoinKeySizes keySizes;
    private final boolean buildRight;

    public ShuffledHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                boolean buildRight, Expression condition, PhysicalPlan left, PhysicalPlan right,
                                List<AttributeReference> output, JoinKeySizes keySizes) {
        super(left, right, joinType, condition, output);
        this.keySizes = keySizes;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.buildRight = buildRight;
    }

    /** Whether a join of {@code type} must build its right side: semi and anti joins probe with their left rows. */
    public static boolean mustBuildRight(JoinType type) {
        return type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new ShuffledHashJoinExec(leftKeys, rightKeys, joinType, buildRight, condition, c.get(0), c.get(1),
                output, keySizes);
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
        return "ShuffledHashJoin " + LogicalPlan.list(leftKeys) + ", " + LogicalPlan.list(rightKeys) + ", "
                + joinType.display() + ", " + (buildRight ? "BuildRight" : "BuildLeft") + conditionText();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        PhysicalPlan buildPlan = buildRight ? right : left;
        PhysicalPlan streamPlan = buildRight ? left : right;
        HashJoiner.Spec spec = new HashJoiner.Spec(
                Binder.bindAll(buildRight ? rightKeys : leftKeys, buildPlan.output()),
                Binder.bindAll(buildRight ? leftKeys : rightKeys, streamPlan.output()),
                joinType, buildRight, boundCondition(), buildPlan.outputTypes(), streamPlan.outputTypes(),
                ctx.batchSize());
        RDD<ColumnBatch> l = left.execute(ctx);
        RDD<ColumnBatch> r = right.execute(ctx);
        boolean br = buildRight;
        return l.zipPartitions(r, (ls, rs) -> br
                ? new HashJoiner(spec, OperatorMemory.ofRunningTask(), 0, rs, ls)
                : new HashJoiner(spec, OperatorMemory.ofRunningTask(), 0, ls, rs));
    }
}
