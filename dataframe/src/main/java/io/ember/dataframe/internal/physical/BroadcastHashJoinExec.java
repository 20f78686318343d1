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
 */
public final class BroadcastHashJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final boolean buildRight;
    /** Where this join hands its key table to a runtime filter in its stream side; null if none. */
    private final RuntimeFilterSlot runtimeFilter;

    public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                 boolean buildRight, Expression condition, PhysicalPlan left, PhysicalPlan right,
                                 List<AttributeReference> output) {
        this(leftKeys, rightKeys, joinType, buildRight, condition, left, right, output, null);
    }

    private BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                  boolean buildRight, Expression condition, PhysicalPlan left, PhysicalPlan right,
                                  List<AttributeReference> output, RuntimeFilterSlot runtimeFilter) {
        super(left, right, joinType, condition, output);
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.buildRight = buildRight;
        this.runtimeFilter = runtimeFilter;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new BroadcastHashJoinExec(leftKeys, rightKeys, joinType, buildRight, condition, c.get(0), c.get(1),
                output, runtimeFilter);
    }

    /** This join with {@code stream} as its stream side, filling {@code slot} for a runtime filter in it. */
    BroadcastHashJoinExec withRuntimeFilter(RuntimeFilterSlot slot, PhysicalPlan stream) {
        return new BroadcastHashJoinExec(leftKeys, rightKeys, joinType, buildRight, condition,
                buildRight ? stream : left, buildRight ? right : stream, output, slot);
    }

    /** Whether the right side is the one broadcast. */
    boolean buildRight() {
        return buildRight;
    }

    /** The stream side's join keys. */
    List<Expression> streamKeys() {
        return buildRight ? leftKeys : rightKeys;
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
        PhysicalPlan buildPlan = buildRight ? right : left;
        PhysicalPlan streamPlan = buildRight ? left : right;
        Expression[] buildKeys = Binder.bindAll(buildRight ? rightKeys : leftKeys, buildPlan.output());
        Expression[] streamKeys = Binder.bindAll(buildRight ? leftKeys : rightKeys, streamPlan.output());
        Broadcast<HashedRelation> relation = ((BroadcastExchangeExec) buildPlan).broadcast(ctx,
                rows -> hash(rows, buildKeys));
        if (runtimeFilter != null) {
            runtimeFilter.fill(relation);
        }
        Expression residual = boundCondition();
        JoinType type = joinType;
        boolean br = buildRight;
        int maxPairs = ctx.batchSize();
        return streamPlan.execute(ctx).mapPartitions(it -> {
            HashedRelation h = relation.value();
            return it.flatMap(b -> () -> probe(b, streamKeys, h, maxPairs, br, type, residual));
        });
    }

    private static HashedRelation hash(ColumnBatch rows, Expression[] keys) {
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
