package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * Equi-join with one side small: that side is collected, hashed on its keys on the driver and
 * broadcast (once per executor, see {@link BroadcastExchangeExec}); each task streams the other
 * side's batches through the executor's shared, read-only table. No shuffle. The build side is
 * the right one except for right outer joins.
 *
 * <p>A side broadcast because its estimate was small (not hinted) is collected only up to a bound
 * ({@code shuffleAbove}); if it turns out larger, the join runs as a shuffled hash join of the
 * same sides instead, as Spark's adaptive execution would have planned it: an estimate that was
 * wrong costs time, never the driver's heap. The build side's key table also feeds the runtime
 * filters placed below ({@link InjectRuntimeFilters}).
 */
public final class BroadcastHashJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final boolean buildRight;
    /** Bytes of build rows past which the join shuffles instead of broadcasting; -1: never (hinted). */
    private final long shuffleAbove;

    /**
     * A join broadcasting its right side if {@code buildRight}, else its left; past
     * {@code shuffleAbove} bytes of build rows (when not -1) it runs as a shuffled hash join.
     */
    public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                 boolean buildRight, long shuffleAbove, Expression condition, PhysicalPlan left,
                                 PhysicalPlan right, List<AttributeReference> output) {
        super(left, right, joinType, condition, output);
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.buildRight = buildRight;
        this.shuffleAbove = shuffleAbove;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new BroadcastHashJoinExec(leftKeys, rightKeys, joinType, buildRight, shuffleAbove, condition, c.get(0),
                c.get(1), output);
    }

    @Override
    List<Expression> leftKeys() {
        return leftKeys;
    }

    @Override
    List<Expression> rightKeys() {
        return rightKeys;
    }

    /** Whether the right side is the one broadcast. */
    boolean buildRight() {
        return buildRight;
    }

    /** The table runtime filters probe: this join's build side on its keys. */
    RuntimeFilterSource runtimeFilterSource() {
        return RuntimeFilterSource.ofBroadcastJoin((BroadcastExchangeExec) (buildRight ? right : left),
                buildRight ? rightKeys : leftKeys, shuffleAbove);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return buildRight ? List.of(new Distribution.Unspecified(), new Distribution.Broadcast())
                : List.of(new Distribution.Broadcast(), new Distribution.Unspecified());
    }

    @Override
    public Partitioning outputPartitioning() {
        return (buildRight ? left : right).outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "BroadcastHashJoin " + LogicalPlan.list(leftKeys) + ", " + LogicalPlan.list(rightKeys) + ", "
                + joinType.display() + ", " + (buildRight ? "BuildRight" : "BuildLeft") + conditionText() + ", false";
    }

    /** The broadcast build side: its rows, and a hash table of their keys. */
    record HashedRelation(ColumnBatch rows, KeyHashTable table) implements Serializable {
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        PhysicalPlan streamPlan = buildRight ? left : right;
        Broadcast<HashedRelation> relation = runtimeFilterSource().relation(ctx);
        if (relation == null) {
            return shuffledInstead(ctx.shufflePartitions()).execute(ctx);
        }
        Expression[] streamKeys = Binder.bindAll(buildRight ? leftKeys : rightKeys, streamPlan.output());
        Expression residual = boundCondition();
        JoinType type = joinType;
        boolean br = buildRight;
        int maxPairs = ctx.batchSize();
        return streamPlan.execute(ctx).mapPartitions(it -> {
            HashedRelation h = relation.value();
            return it.flatMap(b -> () -> probe(b, streamKeys, h, maxPairs, br, type, residual));
        });
    }

    /**
     * This join as a shuffled hash join building the same side, for a build side found larger than
     * {@link #shuffleAbove}: both sides hashed on their keys into the session's shuffle partitions.
     */
    private PhysicalPlan shuffledInstead(int partitions) {
        PhysicalPlan buildRows = (buildRight ? right : left).children().get(0);
        PhysicalPlan l = buildRight ? left : buildRows;
        PhysicalPlan r = buildRight ? buildRows : right;
        return new ShuffledHashJoinExec(leftKeys, rightKeys, joinType, buildRight, condition,
                new ShuffleExchangeExec(new Partitioning.Hash(leftKeys, partitions), l),
                new ShuffleExchangeExec(new Partitioning.Hash(rightKeys, partitions), r), output, JoinKeySizes.UNKNOWN);
    }

    static HashedRelation hash(ColumnBatch rows, Expression[] keys) {
        ColumnVector[] keyCols = new ColumnVector[keys.length];
        for (int i = 0; i < keyCols.length; i++) {
            keyCols[i] = keys[i].eval(rows);
        }
        return new HashedRelation(rows, KeyHashTable.of(keyCols, rows.numRows));
    }

    private static Iterator<ColumnBatch> probe(ColumnBatch stream, Expression[] streamKeys, HashedRelation h,
                                               int maxPairs, boolean buildRight, JoinType type, Expression residual) {
        ColumnVector[] keys = new ColumnVector[streamKeys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = streamKeys[i].eval(stream);
        }
        ColumnBatch relation = h.rows();
        return new BoundedProbe(h.table(), stream, keys, maxPairs, (slice, pairs) -> buildRight
                ? JoinCore.join(slice, relation, pairs.first, pairs.second, pairs.size, type, residual)
                : JoinCore.join(relation, slice, pairs.second, pairs.first, pairs.size, type, residual));
    }
}
