package io.ember.rdd.internal;

import io.ember.rdd.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.RangePartitioner;
import io.ember.rdd.SerializableComparator;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * Finds range bounds for sorting by sampling keys: a job reservoir-samples up to
 * {@value #SAMPLE_PER_PARTITION} keys of every partition, and the driver picks evenly spaced
 * bounds from the sorted sample.
 */
public final class RangePartitioners {
    static final int SAMPLE_PER_PARTITION = 200;

    private RangePartitioners() {
    }

    /** A range partitioner over {@code numPartitions} partitions for the keys of {@code rdd}. */
    public static <K> Partitioner forKeys(RDD<? extends Tuple2<K, ?>> rdd, int numPartitions,
                                          SerializableComparator<? super K> ordering) {
        if (numPartitions < 1 && rdd.getNumPartitions() > 0) {
            throw new IllegalArgumentException("number of partitions must be positive, got " + numPartitions);
        }
        if (numPartitions <= 1 || rdd.getNumPartitions() == 0) {
            return new RangePartitioner<>(List.empty(), ordering);
        }
        @SuppressWarnings("unchecked")
        RDD<Tuple2<K, ?>> pairs = (RDD<Tuple2<K, ?>>) rdd;
        java.util.List<ArrayList<K>> samples = rdd.context().runJob(pairs,
                (ctx, it) -> reservoir(it, ctx.partitionId()),
                List.range(0, rdd.getNumPartitions()));
        ArrayList<K> all = new ArrayList<>();
        samples.forEach(all::addAll);
        all.sort(ordering);
        List<K> bounds = List.empty();
        for (int i = 1; i < numPartitions && !all.isEmpty(); i++) {
            K candidate = all.get((int) ((long) i * all.size() / numPartitions));
            if (bounds.isEmpty() || ordering.compare(bounds.last(), candidate) < 0) {
                bounds = bounds.append(candidate);
            }
        }
        return new RangePartitioner<>(bounds, ordering);
    }

    private static <K> ArrayList<K> reservoir(Iterator<? extends Tuple2<K, ?>> it, int partition) {
        SplittableRandom random = new SplittableRandom(partition * 31L + 17);
        ArrayList<K> sample = new ArrayList<>(SAMPLE_PER_PARTITION);
        long seen = 0;
        while (it.hasNext()) {
            K key = it.next()._1;
            seen++;
            if (sample.size() < SAMPLE_PER_PARTITION) {
                sample.add(key);
            } else {
                long slot = random.nextLong(seen);
                if (slot < SAMPLE_PER_PARTITION) {
                    sample.set((int) slot, key);
                }
            }
        }
        return sample;
    }
}
