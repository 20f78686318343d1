package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.VectorHashes;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.PairRDD;
import io.ember.rdd.RDD;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Redistributes rows by a partitioning through the engine's shuffle: each map task cuts its
 * batches into one batch per target partition (rows gathered by column), and the pairs
 * {@code (partition, batch)} go through a {@link PairRDD#partitionBy} keyed by partition number.
 * Range partitioning first samples the sort keys in a small job to choose the boundaries.
 */
public final class ShuffleExchangeExec extends PhysicalPlan {
    private final Partitioning partitioning;
    private final PhysicalPlan child;

    public ShuffleExchangeExec(Partitioning partitioning, PhysicalPlan child) {
        this.partitioning = partitioning;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new ShuffleExchangeExec(partitioning, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return partitioning;
    }

    @Override
    public String nodeString() {
        return "Exchange " + partitioning;
    }

    /** How rows find their partition on the executors. */
    private interface Router extends java.io.Serializable {
        int[] route(ColumnBatch b);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        RDD<ColumnBatch> in = child.execute(ctx);
        int n = partitioning.numPartitions();
        Router router;
        if (partitioning instanceof Partitioning.Hash h) {
            Expression[] keys = Binder.bindAll(h.expressions(), child.output());
            router = b -> hashRoute(b, keys, n);
        } else if (partitioning instanceof Partitioning.Range r) {
            router = rangeRouter(ctx, in, r.order(), n);
        } else if (partitioning instanceof Partitioning.RoundRobin) {
            router = b -> {
                int[] out = new int[b.numRows];
                int start = new Random().nextInt(n);
                for (int i = 0; i < out.length; i++) {
                    out[i] = (start + i) % n;
                }
                return out;
            };
        } else {
            router = b -> new int[b.numRows];
        }
        List<DataType> types = outputTypes();
        int batchSize = ctx.batchSize();
        RDD<Tuple2<Integer, ColumnBatch>> pieces = in.mapPartitions(it -> cut(it, router, n, types, batchSize));
        return PairRDD.of(pieces).partitionBy(new IdentityPartitioner(n)).values();
    }

    static int[] hashRoute(ColumnBatch b, Expression[] keys, int n) {
        int[] hashes = rowHashes(b, keys);
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Math.floorMod(hashes[i], n);
        }
        return hashes;
    }

    /** A hash per row of the key columns, equal for equal keys (of equal types). */
    static int[] rowHashes(ColumnBatch b, Expression[] keys) {
        int[] h = new int[b.numRows];
        for (Expression k : keys) {
            VectorHashes.accumulate(k.eval(b), h, h.length);
        }
        return h;
    }

    /**
     * The batches of {@code it} cut by target partition, rows gathered until a partition holds a
     * batch; lazily, one input batch at a time, so that a map task holds at most about one batch
     * per target partition (its output goes on to the shuffle writer, which spills).
     */
    private static Iterator<Tuple2<Integer, ColumnBatch>> cut(Iterator<ColumnBatch> it, Router router, int n,
                                                            List<DataType> types, int batchSize) {
        List<List<ColumnBatch>> pending = new ArrayList<>(n);
        int[] pendingRows = new int[n];
        for (int p = 0; p < n; p++) {
            pending.add(new ArrayList<>());
        }
        Deque<Tuple2<Integer, ColumnBatch>> out = new ArrayDeque<>();
        return new Iterator<>() {
            private boolean flushed;

            @Override
            public boolean hasNext() {
                while (out.isEmpty() && !flushed) {
                    if (it.hasNext()) {
                        route(it.next());
                    } else {
                        flushed = true;
                        for (int p = 0; p < n; p++) {
                            if (!pending.get(p).isEmpty()) {
                                out.add(Tuple.of(p, ColumnBatch.concat(types, pending.get(p))));
                            }
                        }
                    }
                }
                return !out.isEmpty();
            }

            @Override
            public Tuple2<Integer, ColumnBatch> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.poll();
            }

            private void route(ColumnBatch b) {
                if (b.numRows == 0) {
                    return;
                }
                int[] target = router.route(b);
                int[] counts = new int[n];
                for (int t : target) {
                    counts[t]++;
                }
                int[][] rows = new int[n][];
                for (int p = 0; p < n; p++) {
                    rows[p] = new int[counts[p]];
                }
                int[] fill = new int[n];
                for (int i = 0; i < target.length; i++) {
                    int p = target[i];
                    rows[p][fill[p]++] = i;
                }
                for (int p = 0; p < n; p++) {
                    if (counts[p] == 0) {
                        continue;
                    }
                    pending.get(p).add(counts[p] == b.numRows ? b : b.select(rows[p], counts[p]));
                    pendingRows[p] += counts[p];
                    if (pendingRows[p] >= batchSize) {
                        out.add(Tuple.of(p, ColumnBatch.concat(types, pending.get(p))));
                        pending.set(p, new ArrayList<>());
                        pendingRows[p] = 0;
                    }
                }
            }
        };
    }

    private Router rangeRouter(ExecContext ctx, RDD<ColumnBatch> in, List<SortOrder> order, int n) {
        RowOrdering ordering = new RowOrdering(Binder.bindAll(SortExec.keys(order), child.output()), order);
        int perPartition = Math.max(20, Math.min(1000, 60 * n));
        List<ColumnBatch> samples = ctx.sc().runJob(in, (tc, it) -> sample(it, ordering, perPartition, tc.partitionId()));
        List<DataType> keyTypes = new ArrayList<>();
        List<Expression> keyRefs = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            DataType t = order.get(k).dataType();
            keyTypes.add(t);
            keyRefs.add(new BoundReference(k, t, true, "k" + k));
        }
        List<ColumnBatch> nonEmpty = new ArrayList<>();
        for (ColumnBatch s : samples) {
            if (s != null && s.numRows > 0) {
                nonEmpty.add(s);
            }
        }
        RowOrdering keyOrdering = new RowOrdering(keyRefs.toArray(new Expression[0]), order);
        ColumnVector[] bounds;
        if (nonEmpty.isEmpty()) {
            bounds = ColumnBatch.empty(keyTypes).columns;
        } else {
            ColumnBatch all = keyOrdering.sort(ColumnBatch.concat(keyTypes, nonEmpty));
            int[] picks = new int[Math.max(0, Math.min(n - 1, all.numRows))];
            for (int i = 0; i < picks.length; i++) {
                picks[i] = (int) ((long) (i + 1) * all.numRows / n);
                picks[i] = Math.min(picks[i], all.numRows - 1);
            }
            bounds = all.select(picks, picks.length).columns;
        }
        ColumnVector[] finalBounds = bounds;
        int numBounds = bounds.length == 0 ? 0 : bounds[0].size;
        return b -> {
            ColumnVector[] keys = ordering.evalKeys(b);
            int[] out = new int[b.numRows];
            for (int i = 0; i < out.length; i++) {
                int lo = 0;
                int hi = numBounds;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (keyOrdering.compare(keys, i, finalBounds, mid) > 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                out[i] = lo;
            }
            return out;
        };
    }

    private static ColumnBatch sample(Iterator<ColumnBatch> it, RowOrdering ordering, int k, int seed) {
        Random random = new Random(seed);
        List<ColumnVector[]> chosenFrom = new ArrayList<>();
        List<Integer> chosenRow = new ArrayList<>();
        long seen = 0;
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows == 0) {
                continue;
            }
            ColumnVector[] keys = ordering.evalKeys(b);
            for (int i = 0; i < b.numRows; i++) {
                seen++;
                if (chosenRow.size() < k) {
                    chosenFrom.add(keys);
                    chosenRow.add(i);
                } else {
                    long r = (long) (random.nextDouble() * seen);
                    if (r < k) {
                        chosenFrom.set((int) r, keys);
                        chosenRow.set((int) r, i);
                    }
                }
            }
        }
        if (chosenRow.isEmpty()) {
            return null;
        }
        ColumnVector[] out = new ColumnVector[ordering.keys.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = ColumnVector.allocate(ordering.keys[c].dataType(), chosenRow.size());
            for (int r = 0; r < chosenRow.size(); r++) {
                out[c].appendFrom(chosenFrom.get(r)[c], chosenRow.get(r));
            }
        }
        return new ColumnBatch(out, chosenRow.size());
    }
}
