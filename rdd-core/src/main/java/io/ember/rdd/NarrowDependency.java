package io.ember.rdd;

import io.vavr.collection.List;

/**
 * A dependency in which each child partition depends on a small, known set of parent partitions,
 * so that child and parent are computed in one task.
 *
 * @param <T> the parent's element type
 */
public abstract class NarrowDependency<T> implements Dependency<T> {
    private static final long serialVersionUID = 1L;

    private final transient RDD<T> rdd;

    /** Creates a dependency on {@code rdd}. */
    protected NarrowDependency(RDD<T> rdd) {
        this.rdd = rdd;
    }

    @Override
    public RDD<T> rdd() {
        return rdd;
    }

    /** The parent partitions that child partition {@code partitionId} reads. */
    public abstract List<Integer> parents(int partitionId);
}
