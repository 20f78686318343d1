package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import io.vavr.control.Option;
import java.util.ArrayList;
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
    /** Set when the rows passed the bound of a broadcast that may shuffle instead: there will be none. */
    private boolean tooLarge;

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
    <T> Broadcast<T> broadcast(ExecContext ctx, Function<ColumnBatch, T> build) {
        return broadcast(ctx, build, -1);
    }

    /**
     * As {@link #broadcast(ExecContext, Function)}, but when {@code shuffleAbove} is not negative
     * the rows are collected only up to about that many bytes (at most
     * {@code ember.sql.maxBroadcastTableSize}): past it there is no broadcast and
     * this returns null, now and on every later call, so that the join shuffles instead
     * ({@link BroadcastHashJoinExec}). Each task stops reading at its share of the bound (at least
     * 4 MB), so the driver never holds much more than the bound.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> Broadcast<T> broadcast(ExecContext ctx, Function<ColumnBatch, T> build, long shuffleAbove) {
        if (broadcast == null && !tooLarge) {
            List<DataType> types = outputTypes();
            long limit = ctx.maxBroadcastTableSize();
            RDD<ColumnBatch> rows = child.execute(ctx);
            List<ColumnBatch> parts;
            if (shuffleAbove >= 0) {
                long bound = Math.min(shuffleAbove, limit);
                long perTask = Math.max(bound / Math.max(1, rows.getNumPartitions()), Math.min(bound, 4L << 20));
                List<Option<ColumnBatch>> drained = ctx.sc().runJob(rows,
                        (tc, it) -> BroadcastLimit.drainUpTo(it, types, perTask));
                parts = new ArrayList<>();
                for (Option<ColumnBatch> d : drained) {
                    parts.addAll(d.toJavaList());
                }
                tooLarge = parts.size() < drained.size() || BroadcastLimit.bytes(parts) > bound;
                if (tooLarge) {
                    return null;
                }
            } else {
                parts = ctx.sc().runJob(rows, (tc, it) -> BroadcastLimit.drainWithin(it, types, limit, tc.partitionId()));
                BroadcastLimit.check(parts, limit);
            }
            ColumnBatch all = ColumnBatch.concat(types, parts.isEmpty() ? List.of(ColumnBatch.empty(types)) : parts);
            addOutputRows(ctx, all.numRows);
            broadcast = ctx.sc().broadcast(build.apply(all));
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
