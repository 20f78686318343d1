package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.plan.CachedData;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans cached batches. The first scan computes the cached plan with a job and keeps every
 * partition's batches on the driver; later scans ship them back out without recomputing.
 */
public final class InMemoryScanExec extends LeafExec {
    private final List<AttributeReference> output;
    private final CachedData data;
    private final PhysicalPlan cachedPlan;

    public InMemoryScanExec(List<AttributeReference> output, CachedData data, PhysicalPlan cachedPlan) {
        this.output = output;
        this.data = data;
        this.cachedPlan = cachedPlan;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "InMemoryTableScan " + LogicalPlan.list(output);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<List<ColumnBatch>> parts = data.get(() -> {
            List<List<ColumnBatch>> computed = new ArrayList<>();
            for (ArrayList<ColumnBatch> p : ctx.sc().runJob(cachedPlan.execute(ctx), (tc, it) -> {
                ArrayList<ColumnBatch> list = new ArrayList<>();
                it.forEachRemaining(list::add);
                return list;
            })) {
                computed.add(p);
            }
            return computed;
        });
        List<List<ColumnBatch>> copy = new ArrayList<>(parts);
        return ctx.sc().parallelize(copy, Math.max(1, copy.size())).flatMap(p -> p);
    }
}
