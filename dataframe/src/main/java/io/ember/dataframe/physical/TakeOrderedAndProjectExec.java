package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.expressions.SortOrder;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.util.Iterator;
import java.util.List;

/** Top-N: {@code orderBy(...).limit(n)} without a global sort; each partition keeps its n best, one task merges. */
public final class TakeOrderedAndProjectExec extends PhysicalPlan {
    private final int limit;
    private final List<SortOrder> order;
    private final PhysicalPlan child;

    public TakeOrderedAndProjectExec(int limit, List<SortOrder> order, PhysicalPlan child) {
        this.limit = limit;
        this.order = order;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new TakeOrderedAndProjectExec(limit, order, c.get(0));
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
        return "TakeOrderedAndProject(limit=" + limit + ", orderBy=" + LogicalPlan.list(order) + ", output="
                + LogicalPlan.list(output()) + ")";
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        RowOrdering ordering = new RowOrdering(Binder.bindAll(SortExec.keys(order), child.output()), order);
        List<DataType> types = outputTypes();
        int n = limit;
        RDD<ColumnBatch> local = child.execute(ctx).mapPartitions(it -> top(it, ordering, types, n));
        RDD<ColumnBatch> single = local.getNumPartitions() <= 1 ? local : local.coalesce(1);
        return single.mapPartitions(it -> top(it, ordering, types, n));
    }

    private static Iterator<ColumnBatch> top(Iterator<ColumnBatch> it, RowOrdering ordering, List<DataType> types,
                                             int n) {
        ColumnBatch all = Batches.drain(it, types);
        return List.of(ordering.sort(all).limit(n)).iterator();
    }
}
