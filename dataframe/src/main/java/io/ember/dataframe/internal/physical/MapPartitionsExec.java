package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.MapPartitions;
import io.ember.rdd.RDD;
import java.util.List;

/** Runs a typed operation's function on each partition's batches ({@link MapPartitions}). */
public final class MapPartitionsExec extends PhysicalPlan {
    private final MapPartitions node;
    private final PhysicalPlan child;

    public MapPartitionsExec(MapPartitions node, PhysicalPlan child) {
        this.node = node;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new MapPartitionsExec(node, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return node.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        // The function may change any column, so no hash partitioning of the child survives it.
        return new Partitioning.Unknown(child.outputPartitioning().numPartitions());
    }

    @Override
    public String nodeString() {
        return node.nodeString();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        var function = node.function();
        return child.execute(ctx).mapPartitionsWithIndex((index, batches) -> function.apply(index, batches));
    }
}
