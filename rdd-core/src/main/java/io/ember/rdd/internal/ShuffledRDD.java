package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.PairRDD;
import io.ember.rdd.Partition;
import io.ember.rdd.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.SerializableComparator;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.ember.rdd.Aggregator;
import io.ember.rdd.internal.shuffle.ShuffleReader;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Iterator;

/** The reduce side of a shuffle: partition i holds the keys the partitioner sends to i. */
public final class ShuffledRDD<K, V, C> extends PairRDD<K, C> {
    private static final long serialVersionUID = 1L;

    private final ShuffleDependency<K, V, C> dependency;

    /** Shuffles {@code parent} by {@code partitioner}, aggregating and sorting as asked. */
    public ShuffledRDD(RDD<Tuple2<K, V>> parent, Partitioner partitioner, Option<Aggregator<K, V, C>> aggregator,
                       boolean mapSideCombine, Option<SerializableComparator<? super K>> keyOrdering) {
        super(parent.context());
        this.dependency = new ShuffleDependency<>(parent, partitioner, aggregator, mapSideCombine, keyOrdering);
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] out = new Partition[dependency.partitioner().numPartitions()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new IndexedPartition(i);
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterator<Tuple2<K, C>> compute(Partition split, TaskContext context) {
        TaskContextImpl ctx = (TaskContextImpl) context;
        Iterator<?> records = ShuffleReader.read(dependency, split.index(),
                ctx.mapStatuses(dependency.shuffleId()), ctx.services(), ctx.metrics());
        return (Iterator<Tuple2<K, C>>) records;
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(dependency);
    }

    @Override
    public Option<Partitioner> partitioner() {
        return Option.some(dependency.partitioner());
    }
}
