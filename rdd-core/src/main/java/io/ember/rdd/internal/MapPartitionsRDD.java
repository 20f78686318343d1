package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import io.vavr.Function3;
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
    /** Computes a partition from (its index, the task, the parent partition's iterator). */
    private final Function3<Integer, TaskContext, Iterator<T>, ? extends Iterator<U>> f;
    private final boolean preservesPartitioning;

    /** Creates the RDD; {@code preservesPartitioning} keeps the parent's partitioner. */
    public MapPartitionsRDD(RDD<T> parent, Function2<TaskContext, Iterator<T>, ? extends Iterator<U>> f,
                            boolean preservesPartitioning) {
        this(parent, (Function3<Integer, TaskContext, Iterator<T>, ? extends Iterator<U>>) (index, ctx, it) ->
                f.apply(ctx, it), preservesPartitioning);
    }

    /**
     * Creates the RDD from a function that also receives the index of the partition it computes,
     * which is this RDD's (and its parent's) partition index: unlike
     * {@link TaskContext#partitionId()}, it stays right when this RDD is read through a union,
     * a coalesce or another RDD that renumbers partitions.
     */
    public MapPartitionsRDD(RDD<T> parent, Function3<Integer, TaskContext, Iterator<T>, ? extends Iterator<U>> f,
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
        return f.apply(split.index(), context, parent.iterator(split, context));
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
