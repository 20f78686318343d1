package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.ExternalBatchSorter;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts each partition. A global sort requires its input range-partitioned by the same order, so
 * that sorted partitions in order give a total order.
 */
public final class SortExec extends PhysicalPlan {
    private final List<SortOrder> order;
    private final boolean global;
    private final PhysicalPlan child;

    public SortExec(List<SortOrder> order, boolean global, PhysicalPlan child) {
        this.order = order;
        this.global = global;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new SortExec(order, global, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(global ? new Distribution.Ordered(order) : new Distribution.Unspecified());
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "Sort " + LogicalPlan.list(order) + ", " + global + ", 0";
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        RowOrdering ordering = new RowOrdering(Binder.bindAll(keys(order), child.output()), order);
        List<DataType> types = outputTypes();
        int batchSize = ctx.batchSize();
        return child.execute(ctx).mapPartitions(it -> sortPartition(it, ordering, types, batchSize, "SortExec"), true);
    }

    static List<Expression> keys(List<SortOrder> order) {
        List<Expression> out = new ArrayList<>();
        for (SortOrder o : order) {
            out.add(o.child());
        }
        return out;
    }

    /**
     * The rows of {@code it} sorted by {@code ordering}, in batches of {@code batchSize} rows; an
     * external sort that spills to disk when the task's memory runs short ({@code operator} names
     * it in errors and metrics).
     */
    static Iterator<ColumnBatch> sortPartition(Iterator<ColumnBatch> it, RowOrdering ordering,
                                               List<DataType> types, int batchSize, String operator) {
        return ExternalBatchSorter.sort(it, operator, ordering, types, batchSize);
    }
}
