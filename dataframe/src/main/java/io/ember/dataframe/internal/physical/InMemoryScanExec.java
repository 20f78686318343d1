package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.CachedData;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * Scans a persisted DataFrame: its output is the persisted {@code RDD<ColumnBatch>} of the cached
 * plan, built by the first query that scans it. The executors store each partition's batches
 * when a job first computes it, and later jobs read those blocks (or recompute evicted ones from
 * the lineage) instead of running the cached plan again.
 */
public final class InMemoryScanExec extends LeafExec {
    private final List<AttributeReference> output;
    private final CachedData data;
    private final PhysicalPlan cachedPlan;

    /** A scan of {@code data}, whose plan {@code cachedPlan} computes (only if nothing was built yet). */
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
        // why a new RDD: the persisted one must belong to the cache alone, whatever the plan's last RDD is shared with
        return data.rdd(() -> cachedPlan.execute(ctx).filter(b -> b.numRows > 0)
                .setName("InMemoryRelation " + LogicalPlan.list(output)));
    }
}
