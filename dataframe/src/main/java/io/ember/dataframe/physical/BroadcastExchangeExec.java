package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * Collects its child's rows to the driver as one batch, which joins then ship inside their
 * tasks (computed once per query, when the join is planned into RDDs).
 */
public final class BroadcastExchangeExec extends PhysicalPlan {
    private final PhysicalPlan child;
    private ColumnBatch relation;

    public BroadcastExchangeExec(PhysicalPlan child) {
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new BroadcastExchangeExec(c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public String nodeString() {
        return "BroadcastExchange";
    }

    /** The child's rows, as one batch. */
    public synchronized ColumnBatch relation(ExecContext ctx) {
        if (relation == null) {
            List<DataType> types = outputTypes();
            List<ColumnBatch> parts = ctx.sc().runJob(child.execute(ctx), (tc, it) -> Batches.drain(it, types));
            relation = ColumnBatch.concat(types, parts.isEmpty() ? List.of(ColumnBatch.empty(types)) : parts);
        }
        return relation;
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        return child.execute(ctx);
    }
}
