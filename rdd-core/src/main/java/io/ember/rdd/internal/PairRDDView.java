package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.PairRDD;
import io.ember.rdd.Partition;
import io.ember.rdd.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Iterator;

/**
 * Gives an RDD of pairs the {@link PairRDD} operations. It reads its parent's partitions
 * unchanged; the lineage printer leaves it out, as Spark's Java wrappers do not show either.
 */
public final class PairRDDView<K, V> extends PairRDD<K, V> {
    private static final long serialVersionUID = 1L;

    private final RDD<Tuple2<K, V>> parent;

    /** Views {@code parent} as a pair RDD. */
    public PairRDDView(RDD<Tuple2<K, V>> parent) {
        super(parent.context());
        this.parent = parent;
    }

    /** The viewed RDD. */
    public RDD<Tuple2<K, V>> viewed() {
        return parent;
    }

    @Override
    protected Partition[] getPartitions() {
        return parent.partitions();
    }

    @Override
    protected Iterator<Tuple2<K, V>> compute(Partition split, TaskContext context) {
        return parent.iterator(split, context);
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(parent));
    }

    @Override
    public Option<Partitioner> partitioner() {
        return parent.partitioner();
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
        return parent.preferredLocations(split);
    }
}
