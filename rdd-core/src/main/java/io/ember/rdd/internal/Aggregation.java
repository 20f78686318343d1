package io.ember.rdd.internal;

import io.ember.rdd.shuffle.Aggregator;
import io.vavr.Function1;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Per-key aggregation inside one partition, for RDDs already partitioned by the target partitioner. */
public final class Aggregation {
    private Aggregation() {
    }

    /** A partition function that combines each key's values with {@code aggregator}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V, C> Function1<io.vavr.collection.Iterator<Tuple2<K, V>>, Iterator<Tuple2<K, C>>> combineLocally(
            Aggregator<K, V, C> aggregator) {
        return it -> {
            Map<K, Object> combined = new HashMap<>();
            while (it.hasNext()) {
                Tuple2<K, V> kv = it.next();
                Object existing = combined.get(kv._1);
                if (existing == null && !combined.containsKey(kv._1)) {
                    combined.put(kv._1, aggregator.createCombiner().apply(kv._2));
                } else {
                    combined.put(kv._1, ((io.vavr.Function2) aggregator.mergeValue()).apply(existing, kv._2));
                }
            }
            return io.vavr.collection.Iterator.ofAll(combined.entrySet())
                    .map(e -> Tuple.of(e.getKey(), (C) e.getValue()));
        };
    }
}
