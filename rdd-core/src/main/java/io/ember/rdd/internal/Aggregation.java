package io.ember.rdd.internal;

import io.ember.rdd.Aggregator;
import io.vavr.Function1;
import io.ember.rdd.internal.shuffle.ExternalAggregator;
import io.ember.rdd.internal.shuffle.SpillContext;
import io.vavr.Tuple2;
import java.util.Iterator;

/**
 * Per-key aggregation inside one partition, for RDDs already partitioned by the target
 * partitioner; it spills past the task's memory budget like a shuffle's aggregation.
 */
public final class Aggregation {
    private Aggregation() {
    }

    /** A partition function that combines each key's values with {@code aggregator}. */
    public static <K, V, C> Function1<io.vavr.collection.Iterator<Tuple2<K, V>>, Iterator<Tuple2<K, C>>> combineLocally(
            Aggregator<K, V, C> aggregator) {
        return it -> {
            ExternalAggregator<K, V, C> combined = new ExternalAggregator<>(aggregator.createCombiner(),
                    aggregator.mergeValue(), aggregator.mergeCombiners(), SpillContext.current());
            combined.insertAll(it);
            return combined.iterator();
        };
    }
}
