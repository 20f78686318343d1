package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import java.util.List;
import java.util.function.Function;

/**
 * Collects its child's rows to the driver as one batch, lets the join above build what it probes
 * from them (a hash table, or the rows as they are) and ships that once to every executor with
 * {@code sc.broadcast}: tasks capture only the small {@link Broadcast} handle, and each executor
 * deserializes the value once for all its tasks. Collected and broadcast once per query, when the
 * join is planned into RDDs. A side larger than {@code ember.sql.maxBroadcastTableSize} is not
 * broadcast: the query fails early, naming the setting ({@link BroadcastLimit}), rather than
 * exhausting the driver's memory.
 *
 * <p>Lifecycle. The broadcast lives as long as an RDD that reads it may run: the join's RDD
 * captures the handle, and the context's cleaner destroys the broadcast once that RDD is
 * unreachable on the driver (so a persisted DataFrame whose plan has a broadcast join keeps its
 * broadcast for recomputing evicted blocks). Actions that return rows to the driver and keep no
 * RDD destroy the broadcasts of their plan as soon as they end ({@link #destroyAll}).
 */
public final class BroadcastExchangeExec extends PhysicalPlan {
    private final PhysicalPlan child;
    private Broadcast<?> broadcast;

    /** An exchange broadcasting {@code child}'s rows. */
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

    /**
     * The broadcast of what {@code build} makes of the child's rows (one batch), created the first
     * time: a job collects the rows, {@code build} runs on the driver, and the result is shipped
     * to the executors. Every call on one exchange must build the same kind of value.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> Broadcast<T> broadcast(ExecContext ctx, Function<ColumnBatch, T> build) {
        if (broadcast == null) {
            List<DataType> types = outputTypes();
            long limit = ctx.maxBroadcastTableSize();
            List<ColumnBatch> parts = ctx.sc().runJob(child.execute(ctx),
                    (tc, it) -> BroadcastLimit.drainWithin(it, types, limit, tc.partitionId()));
            BroadcastLimit.check(parts, limit);
            ColumnBatch rows = ColumnBatch.concat(types, parts.isEmpty() ? List.of(ColumnBatch.empty(types)) : parts);
            addOutputRows(ctx, rows.numRows);
            broadcast = ctx.sc().broadcast(build.apply(rows));
        }
        return (Broadcast<T>) broadcast;
    }

    /**
     * Destroys the broadcasts that the exchanges of {@code root}'s tree have created; for a
     * query whose RDDs will not run again. Exchanges inside a scan of persisted data are not in
     * the tree, so the persisted RDD keeps its broadcasts.
     */
    public static void destroyAll(PhysicalPlan root) {
        if (root instanceof BroadcastExchangeExec exchange) {
            exchange.destroy();
        }
        for (PhysicalPlan c : root.children()) {
            destroyAll(c);
        }
    }

    private synchronized void destroy() {
        if (broadcast != null) {
            broadcast.destroy();
        }
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        return child.execute(ctx);
    }
}
