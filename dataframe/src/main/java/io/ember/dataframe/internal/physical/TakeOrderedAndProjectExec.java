package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.PairRDD;
import io.ember.rdd.RDD;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.Iterator;
import java.util.List;

/** Top-N: {@code orderBy(...).limit(n)} without a global sort; each partition keeps its n best, one task merges. */
// Deliberately apart from LimitExec, as in Spark: both end in one partition, but this one
// keeps the top rows by an order instead of the first ones.
public final class TakeOrderedAndProjectExec extends PhysicalPlan {
    private final int limit;
    private final List<SortOrder> order;
    private final PhysicalPlan child;
    /** The cutoff a scan below reads to drop rows early ({@link PushTopNBounds}); null without one. */
    private final TopNBound bound;

    public TakeOrderedAndProjectExec(int limit, List<SortOrder> order, PhysicalPlan child) {
        this(limit, order, child, null);
    }

    /** A top-N that keeps {@code bound} tightened as it keeps rows (null: none). */
    TakeOrderedAndProjectExec(int limit, List<SortOrder> order, PhysicalPlan child, TopNBound bound) {
        this.limit = limit;
        this.order = order;
        this.child = child;
        this.bound = bound;
    }

    int limit() {
        return limit;
    }

    List<SortOrder> order() {
        return order;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new TakeOrderedAndProjectExec(limit, order, c.get(0), bound);
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
        TopNBound cutoff = bound;
        RDD<ColumnBatch> local = child.execute(ctx).mapPartitions(it -> top(it, ordering, types, n, cutoff));
        if (local.getNumPartitions() <= 1) {
            return local;
        }
        // A shuffle, not a coalesce: a coalesce would read every partition in the one merging task,
        // one after another, where each task can cut its own to n rows at once.
        RDD<Tuple2<Integer, ColumnBatch>> toOne = local.map(b -> Tuple.of(0, b));
        RDD<ColumnBatch> single = PairRDD.of(toOne).partitionBy(new IdentityPartitioner(1)).values();
        return single.mapPartitions(it -> top(it, ordering, types, n, null));
    }

    /**
     * The first {@code n} rows of {@code it} in {@code ordering}, as one batch, streaming: only the
     * best {@code n} rows so far are kept (sorted), and a batch's rows are compared on their keys
     * alone with the worst of them, so a row that cannot make the cut is never copied. Equal to a
     * stable sort of the whole input cut to {@code n} rows: kept rows come before later ones, and
     * a later row must be strictly better than the worst kept row to replace it. Once {@code n}
     * rows are kept, {@code bound} (if not null) is tightened to the first key of the worst.
     */
    static Iterator<ColumnBatch> top(Iterator<ColumnBatch> it, RowOrdering ordering, List<DataType> types, int n,
                                     TopNBound bound) {
        ColumnBatch kept = ColumnBatch.empty(types);
        ColumnVector[] keptKeys = null;
        int[] better = new int[0];
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows == 0 || n <= 0) {
                continue;
            }
            if (kept.numRows == n) {
                ColumnVector[] keys = ordering.evalKeys(b);
                if (better.length < b.numRows) {
                    better = new int[b.numRows];
                }
                int m = 0;
                for (int r = 0; r < b.numRows; r++) {
                    if (ordering.compare(keys, r, keptKeys, n - 1) < 0) {
                        better[m++] = r;
                    }
                }
                if (m == 0) {
                    continue;
                }
                b = b.select(better, m);
            }
            ColumnBatch candidates = kept.numRows == 0 ? b : ColumnBatch.concat(types, List.of(kept, b));
            kept = ordering.sort(candidates).limit(n);
            keptKeys = ordering.evalKeys(kept);
            if (bound != null && kept.numRows == n) {
                bound.tighten(keptKeys[0], n - 1);
            }
        }
        return List.of(kept).iterator();
    }
}
