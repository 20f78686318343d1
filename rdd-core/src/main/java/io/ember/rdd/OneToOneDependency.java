package io.ember.rdd;

import io.vavr.collection.List;

/**
 * Child partition {@code i} reads parent partition {@code i} (map, filter, ...).
 *
 * @param <T> the parent's element type
 */
public final class OneToOneDependency<T> extends NarrowDependency<T> {
    private static final long serialVersionUID = 1L;

    /** Creates a one-to-one dependency on {@code rdd}. */
    public OneToOneDependency(RDD<T> rdd) {
        super(rdd);
    }

    @Override
    public List<Integer> parents(int partitionId) {
        return List.of(partitionId);
    }
}
