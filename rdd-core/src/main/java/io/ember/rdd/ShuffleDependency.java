package io.ember.rdd;

import io.vavr.Tuple2;
import io.vavr.control.Option;

/**
 * A wide dependency: every child partition may read every parent partition, so the parent's
 * records are redistributed by {@link #partitioner()} through shuffle files. The DAG scheduler
 * cuts stages here: the parent side runs as a shuffle-map stage whose outputs the child reads.
 *
 * @param <K> key type
 * @param <V> value type of the parent's pairs
 * @param <C> combined type when an aggregator combines values (else {@code V})
 */
public final class ShuffleDependency<K, V, C> implements Dependency<Tuple2<K, V>> {
    private static final long serialVersionUID = 1L;

    private final transient RDD<Tuple2<K, V>> rdd;
    private final int shuffleId;
    private final Partitioner partitioner;
    private final Option<Aggregator<K, V, C>> aggregator;
    private final boolean mapSideCombine;
    private final Option<SerializableComparator<? super K>> keyOrdering;

    /**
     * Creates a shuffle dependency and registers it with the parent's context.
     *
     * @param mapSideCombine combine values with the aggregator before writing map output
     * @param keyOrdering when present, each reduce partition is sorted by key
     */
    public ShuffleDependency(RDD<Tuple2<K, V>> rdd, Partitioner partitioner,
                             Option<Aggregator<K, V, C>> aggregator, boolean mapSideCombine,
                             Option<SerializableComparator<? super K>> keyOrdering) {
        if (mapSideCombine && aggregator.isEmpty()) {
            throw new IllegalArgumentException("map-side combine needs an aggregator");
        }
        this.rdd = rdd;
        this.partitioner = partitioner;
        this.aggregator = aggregator;
        this.mapSideCombine = mapSideCombine;
        this.keyOrdering = keyOrdering;
        this.shuffleId = rdd.context().registerShuffle(this);
    }

    @Override
    public RDD<Tuple2<K, V>> rdd() {
        return rdd;
    }

    /** The application-unique id of this shuffle. */
    public int shuffleId() {
        return shuffleId;
    }

    /** How keys are spread over the child's partitions. */
    public Partitioner partitioner() {
        return partitioner;
    }

    /** How values of one key are combined, if they are. */
    public Option<Aggregator<K, V, C>> aggregator() {
        return aggregator;
    }

    /** Whether map tasks combine values before writing. */
    public boolean mapSideCombine() {
        return mapSideCombine;
    }

    /** The ordering each reduce partition is sorted by, if any. */
    public Option<SerializableComparator<? super K>> keyOrdering() {
        return keyOrdering;
    }
}
