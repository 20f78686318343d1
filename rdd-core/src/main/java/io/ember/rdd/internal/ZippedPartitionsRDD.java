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
import java.util.NoSuchElementException;

/** Pairs the i-th elements of two RDDs with the same partitioning, partition by partition. */
// Deliberate specialisation of ZippedPartitionsRDD2 for zip(): it checks element counts per
// partition and keeps Spark's zip error messages, which zipPartitions does not.
public final class ZippedPartitionsRDD<T, U> extends RDD<Tuple2<T, U>> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> left;
    private final RDD<U> right;

    /** Zips {@code left} with {@code right}; they must have as many partitions. */
    public ZippedPartitionsRDD(RDD<T> left, RDD<U> right) {
        super(left.context());
        if (left.getNumPartitions() != right.getNumPartitions()) {
            throw new IllegalArgumentException("Can only zip RDDs with the same number of partitions: "
                    + left.getNumPartitions() + " (" + left + ") vs " + right.getNumPartitions() + " (" + right + ")");
        }
        this.left = left;
        this.right = right;
    }

    /** Partition i of both parents. */
    record ZippedPartition(int index, Partition left, Partition right) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] l = left.partitions();
        Partition[] r = right.partitions();
        Partition[] out = new Partition[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = new ZippedPartition(i, l[i], r[i]);
        }
        return out;
    }

    @Override
    protected Iterator<Tuple2<T, U>> compute(Partition split, TaskContext context) {
        ZippedPartition p = (ZippedPartition) split;
        Iterator<T> l = left.iterator(p.left(), context);
        Iterator<U> r = right.iterator(p.right(), context);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean hasLeft = l.hasNext();
                if (hasLeft != r.hasNext()) {
                    throw new IllegalStateException("Can only zip RDDs with the same number of elements in each "
                            + "partition: partition " + p.index() + " differs");
                }
                return hasLeft;
            }

            @Override
            public Tuple2<T, U> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Tuple.of(l.next(), r.next());
            }
        };
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(left), new OneToOneDependency<>(right));
    }
}
