package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.NarrowDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.Iterator;

/** Every pair of elements of two RDDs; partition (i, j) pairs partition i of one with j of the other. */
public final class CartesianRDD<T, U> extends RDD<Tuple2<T, U>> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> left;
    private final RDD<U> right;

    /** Creates the product of {@code left} and {@code right}. */
    public CartesianRDD(RDD<T> left, RDD<U> right) {
        super(left.context());
        this.left = left;
        this.right = right;
    }

    /** One pair of parent partitions. */
    record CartesianPartition(int index, Partition left, Partition right) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] l = left.partitions();
        Partition[] r = right.partitions();
        Partition[] out = new Partition[l.length * r.length];
        for (int i = 0; i < l.length; i++) {
            for (int j = 0; j < r.length; j++) {
                int index = i * r.length + j;
                out[index] = new CartesianPartition(index, l[i], r[j]);
            }
        }
        return out;
    }

    @Override
    protected Iterator<Tuple2<T, U>> compute(Partition split, TaskContext context) {
        CartesianPartition p = (CartesianPartition) split;
        // The right partition is read once and held, rather than recomputed per left element.
        List<U> rightValues = List.ofAll(() -> right.iterator(p.right(), context));
        return io.vavr.collection.Iterator.ofAll(left.iterator(p.left(), context))
                .flatMap(t -> rightValues.map(u -> Tuple.of(t, u)));
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        int rightCount = right.getNumPartitions();
        return List.of(
                new NarrowDependency<T>(left) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public List<Integer> parents(int partitionId) {
                        return List.of(partitionId / rightCount);
                    }
                },
                new NarrowDependency<U>(right) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public List<Integer> parents(int partitionId) {
                        return List.of(partitionId % rightCount);
                    }
                });
    }
}
