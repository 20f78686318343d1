package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import io.vavr.collection.List;
import java.util.Iterator;

/**
 * What {@link RDD#zipPartitions} builds (Spark's name): partition i is a function of partition i
 * of each of two parents, read as iterators in the same task.
 *
 * <p>Design notes. Both dependencies are one-to-one, so the two parents are pipelined into one
 * stage and no shuffle happens; the parents must have as many partitions, which the constructor
 * checks on the driver. A partition prefers the executors that both parents' partitions prefer
 * (cached blocks of both sides), else those of either.
 */
public final class ZippedPartitionsRDD2<T, U, V> extends RDD<V> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> left;
    private final RDD<U> right;
    private final Function2<Iterator<T>, Iterator<U>, Iterator<V>> f;

    /**
     * Zips {@code left}'s partitions with {@code right}'s through {@code f} (already cleaned).
     *
     * @throws IllegalArgumentException if the parents' partition counts differ
     */
    public ZippedPartitionsRDD2(RDD<T> left, RDD<U> right, Function2<Iterator<T>, Iterator<U>, Iterator<V>> f) {
        super(left.context());
        if (left.getNumPartitions() != right.getNumPartitions()) {
            throw new IllegalArgumentException("Can't zip RDDs with unequal numbers of partitions: "
                    + left.getNumPartitions() + " (" + left + ") vs " + right.getNumPartitions() + " (" + right + ")");
        }
        this.left = left;
        this.right = right;
        this.f = f;
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
    protected Iterator<V> compute(Partition split, TaskContext context) {
        ZippedPartition p = (ZippedPartition) split;
        return f.apply(left.iterator(p.left(), context), right.iterator(p.right(), context));
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(left), new OneToOneDependency<>(right));
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
        ZippedPartition p = (ZippedPartition) split;
        List<String> l = left.preferredLocations(p.left());
        List<String> r = right.preferredLocations(p.right());
        List<String> both = l.filter(r::contains);
        return both.isEmpty() ? l.appendAll(r).distinct() : both;
    }
}
