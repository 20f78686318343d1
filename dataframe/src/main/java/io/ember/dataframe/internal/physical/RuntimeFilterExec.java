package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Drops the rows whose keys have no match in the build side of a broadcast hash join, before they
 * reach the shuffles, aggregations and joins between here and the join that would drop them (a
 * runtime filter: Spark's injected runtime filters and Trino's dynamic filters do the same; see
 * {@link InjectRuntimeFilters} for where they are placed). It probes that join's own broadcast key
 * table ({@link RuntimeFilterSource}), so the build side is computed once and the filter is exact.
 *
 * <p>A task stops filtering once it has seen {@value #SAMPLE_ROWS} rows of which more than
 * {@value #KEEP_RATIO_TO_STOP} passed: the build side then holds nearly every key of this side,
 * and probing would cost more than it saves.
 */
public final class RuntimeFilterExec extends PhysicalPlan {
    static final int SAMPLE_ROWS = 65_536;
    static final double KEEP_RATIO_TO_STOP = 0.95;

    private final List<AttributeReference> keys;
    private final RuntimeFilterSource source;
    private final PhysicalPlan child;

    /** The columns this filter probes with. */
    List<AttributeReference> keys() {
        return keys;
    }

    RuntimeFilterExec(List<AttributeReference> keys, RuntimeFilterSource source, PhysicalPlan child) {
        this.keys = keys;
        this.source = source;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new RuntimeFilterExec(keys, source, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "RuntimeFilter " + LogicalPlan.list(keys) + " in " + source.describe();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        Broadcast<BroadcastHashJoinExec.HashedRelation> relation = source.relation(ctx);
        RDD<ColumnBatch> input = child.execute(ctx);
        if (relation == null) {
            return input; // the join found its build side too large to broadcast and shuffles instead
        }
        Expression membership = Binder.bind(new RuntimeKeyFilter(List.copyOf(keys), relation), child.output());
        return input.mapPartitions(it -> new Filtering(it, membership), true);
    }

    /** One task's filtering; counts what passes to decide whether to go on. */
    private static final class Filtering implements Iterator<ColumnBatch> {
        private final Iterator<ColumnBatch> input;
        private final Expression membership;
        private long seen;
        private long kept;
        private boolean stopped;
        private ColumnBatch next;

        Filtering(Iterator<ColumnBatch> input, Expression membership) {
            this.input = input;
            this.membership = membership;
        }

        @Override
        public boolean hasNext() {
            while (next == null && input.hasNext()) {
                ColumnBatch b = input.next();
                if (stopped) {
                    next = b;
                } else {
                    ColumnBatch out = filter(b);
                    next = out.numRows > 0 ? out : null;
                }
            }
            return next != null;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ColumnBatch b = next;
            next = null;
            return b;
        }

        private ColumnBatch filter(ColumnBatch b) {
            int n = b.numRows;
            boolean[] found = membership.eval(b).booleans;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (found[i]) {
                    count++;
                }
            }
            seen += n;
            kept += count;
            if (seen >= SAMPLE_ROWS && kept > KEEP_RATIO_TO_STOP * seen) {
                stopped = true;
            }
            return count == n ? b : b.filter(found);
        }
    }
}
