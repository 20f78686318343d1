package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.List;

/** Ships batches held on the driver to the executors, one partition per batch. */
public final class LocalTableScanExec extends LeafExec {
    private final List<AttributeReference> output;
    private final List<ColumnBatch> batches;

    public LocalTableScanExec(List<AttributeReference> output, List<ColumnBatch> batches) {
        this.output = output;
        this.batches = batches;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "LocalTableScan " + LogicalPlan.list(output);
    }

    @Override
    public Partitioning outputPartitioning() {
        return new Partitioning.Unknown(Math.max(1, batches.size()));
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        return ctx.sc().parallelize(batches, Math.max(1, batches.size()));
    }
}
