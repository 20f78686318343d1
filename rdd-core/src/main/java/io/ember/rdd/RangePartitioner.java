package io.ember.rdd;

import io.vavr.collection.List;
import java.util.Collections;

/**
 * Sends keys to partitions by range: partition i holds the keys between bound i-1 (exclusive)
 * and bound i (inclusive), so the partitions of a sort come out in order. Created by
 * {@link PairRDD#sortByKey} from a sample of the keys.
 *
 * @param <K> key type
 */
public final class RangePartitioner<K> implements Partitioner {
    private static final long serialVersionUID = 1L;

    private final Object[] bounds;
    private final SerializableComparator<? super K> ordering;

    /** Creates a partitioner with the given increasing upper bounds ({@code bounds.size() + 1} partitions). */
    public RangePartitioner(List<K> bounds, SerializableComparator<? super K> ordering) {
        this.bounds = bounds.toJavaArray();
        this.ordering = ordering;
    }

    @Override
    public int numPartitions() {
        return bounds.length + 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int getPartition(Object key) {
        int i = Collections.binarySearch(java.util.Arrays.asList((K[]) bounds), (K) key, ordering);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangePartitioner<?> r && java.util.Arrays.equals(r.bounds, bounds)
                && r.ordering.equals(ordering);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return "RangePartitioner(" + numPartitions() + ")";
    }
}
