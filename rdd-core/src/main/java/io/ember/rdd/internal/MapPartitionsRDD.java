package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Iterator;

/**
 * Applies a function to each partition of its parent, one to one: what map, filter, flatMap and
 * mapPartitions build.
 */
public final class MapPartitionsRDD<T, U> extends RDD<U> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> parent;
    private final Function2<TaskContext, Iterator<T>, ? extends Iterator<U>> f;
    private final boolean preservesPartitioning;

    /** Creates the RDD; {@code preservesPartitioning} keeps the parent's partitioner. */
    public MapPartitionsRDD(RDD<T> parent, Function2<TaskContext, Iterator<T>, ? extends Iterator<U>> f,
                            boolean preservesPartitioning) {
        super(parent.context());
        this.parent = parent;
        this.f = f;
        this.preservesPartitioning = preservesPartitioning;
    }

    @Override
    protected Partition[] getPartitions() {
        return parent.partitions();
    }

    @Override
    protected Iterator<U> compute(Partition split, TaskContext context) {
        return f.apply(context, parent.iterator(split, context));
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(parent));
    }

    @Override
    public Option<Partitioner> partitioner() {
        return preservesPartitioning ? parent.partitioner() : Option.none();
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
        return parent.preferredLocations(split);
    }
}
