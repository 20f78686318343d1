package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.rdd.RDD;
import java.util.List;

/** Merges partitions without a shuffle ({@code coalesce(n)}). */
public final class CoalesceExec extends PhysicalPlan {
    private final int numPartitions;
    private final PhysicalPlan child;

    public CoalesceExec(int numPartitions, PhysicalPlan child) {
        this.numPartitions = numPartitions;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new CoalesceExec(numPartitions, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return numPartitions == 1 ? new Partitioning.Single() : new Partitioning.Unknown(numPartitions);
    }

    @Override
    public String nodeString() {
        return "Coalesce " + numPartitions;
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        RDD<ColumnBatch> rdd = child.execute(ctx);
        return rdd.getNumPartitions() <= numPartitions ? rdd : rdd.coalesce(numPartitions);
    }
}
