package io.ember.rdd;

import java.io.Serializable;

/**
 * An edge of the lineage graph: how an RDD's partitions depend on a parent's. Narrow
 * dependencies are computed in the same stage as their child; a {@link ShuffleDependency} cuts
 * the lineage into stages.
 *
 * @param <T> the parent's element type
 */
public interface Dependency<T> extends Serializable {

    /** The parent RDD. Only available on the driver. */
    RDD<T> rdd();
}
