package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.Iterator;

/**
 * Pairs every element with its global index. The start index of each partition is found on the
 * driver by counting the partitions before it, which runs a job when the RDD is created (as in
 * Spark).
 */
public final class ZippedWithIndexRDD<T> extends RDD<Tuple2<T, Long>> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> parent;
    private final long[] startIndices;

    /** Counts the parent's partitions (but the last) now. */
    public ZippedWithIndexRDD(RDD<T> parent) {
        super(parent.context());
        this.parent = parent;
        int n = parent.getNumPartitions();
        this.startIndices = new long[n];
        if (n > 1) {
            java.util.List<Long> counts = parent.context().runJob(parent,
                    (ctx, it) -> Iterators.count(it), List.range(0, n - 1));
            for (int i = 1; i < n; i++) {
                startIndices[i] = startIndices[i - 1] + counts.get(i - 1);
            }
        }
    }

    /** Partition i of the parent, starting at a known index. */
    record IndexedSplit(int index, Partition parent, long start) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] in = parent.partitions();
        Partition[] out = new Partition[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = new IndexedSplit(i, in[i], startIndices[i]);
        }
        return out;
    }

    @Override
    protected Iterator<Tuple2<T, Long>> compute(Partition split, TaskContext context) {
        IndexedSplit s = (IndexedSplit) split;
        long[] next = {s.start()};
        return Iterators.map(parent.iterator(s.parent(), context), x -> Tuple.of(x, next[0]++));
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(parent));
    }
}
