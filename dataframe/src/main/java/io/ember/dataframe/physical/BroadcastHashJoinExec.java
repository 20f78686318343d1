package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.plan.JoinType;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * Equi-join with one side small: that side is collected, hashed on its keys on the driver and
 * shipped with the tasks; each task streams the other side's batches through the table. No
 * shuffle. The build side is the right one except for right outer joins.
 */
public final class BroadcastHashJoinExec extends JoinExec {
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final boolean buildRight;

    public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                 boolean buildRight, Expression condition, PhysicalPlan left, PhysicalPlan right,
                                 List<AttributeReference> output) {
        super(left, right, joinType, condition, output);
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.buildRight = buildRight;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new BroadcastHashJoinExec(leftKeys, rightKeys, joinType, buildRight, condition, c.get(0), c.get(1),
                output);
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

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        PhysicalPlan buildPlan = buildRight ? right : left;
        PhysicalPlan streamPlan = buildRight ? left : right;
        ColumnBatch relation = ((BroadcastExchangeExec) buildPlan).relation(ctx);
        Expression[] buildKeys = Binder.bindAll(buildRight ? rightKeys : leftKeys, buildPlan.output());
        Expression[] streamKeys = Binder.bindAll(buildRight ? leftKeys : rightKeys, streamPlan.output());
        ColumnVector[] keyCols = new ColumnVector[buildKeys.length];
        for (int i = 0; i < keyCols.length; i++) {
            keyCols[i] = buildKeys[i].eval(relation);
        }
        KeyHashTable table = new KeyHashTable(keyCols, relation.numRows);
        Expression residual = boundCondition();
        JoinType type = joinType;
        boolean br = buildRight;
        return streamPlan.execute(ctx).mapPartitions(it -> it.map(b -> probe(b, streamKeys, table, relation, br, type,
                residual)).filter(b -> b.numRows > 0));
    }

    private static ColumnBatch probe(ColumnBatch stream, Expression[] streamKeys, KeyHashTable table,
                                     ColumnBatch relation, boolean buildRight, JoinType type, Expression residual) {
        ColumnVector[] keys = new ColumnVector[streamKeys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = streamKeys[i].eval(stream);
        }
        PairBuffer pairs = new PairBuffer();
        table.probe(keys, stream.numRows, pairs);
        if (buildRight) {
            return JoinCore.join(stream, relation, pairs.first, pairs.second, pairs.size, type, residual);
        }
        return JoinCore.join(relation, stream, pairs.second, pairs.first, pairs.size, type, residual);
    }
}
