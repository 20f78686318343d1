package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.rdd.RDD;
import java.util.List;

/** The first {@code n} rows: each partition keeps its first n, then one task keeps the first n of those. */
public final class LimitExec extends PhysicalPlan {
    private final int limit;
    private final PhysicalPlan child;

    public LimitExec(int limit, PhysicalPlan child) {
        this.limit = limit;
        this.child = child;
    }

    /** The row limit. */
    public int limit() {
        return limit;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new LimitExec(limit, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return new Partitioning.Single();
    }

    @Override
    public String nodeString() {
        return "CollectLimit " + limit;
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        int n = limit;
        RDD<ColumnBatch> local = child.execute(ctx).mapPartitions(it -> Batches.limit(it, n), true);
        RDD<ColumnBatch> single = local.getNumPartitions() <= 1 ? local : local.coalesce(1);
        return single.mapPartitions(it -> Batches.limit(it, n), true);
    }
}
