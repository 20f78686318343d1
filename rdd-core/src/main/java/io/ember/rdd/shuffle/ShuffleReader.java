package io.ember.rdd.shuffle;

import io.ember.actors.BlockFetchException;
import io.ember.actors.BlockId;
import io.ember.actors.ExecutorServices;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.scheduler.TaskMetricsCollector;
import io.ember.serializers.Codecs;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads one reduce partition of a shuffle: fetches the non-empty blocks of every map output
 * (all fetched before any record is returned, so a lost map output shows up as a
 * {@link FetchFailedException} at once), then aggregates by key and sorts as the dependency asks.
 */
public final class ShuffleReader {
    private ShuffleReader() {
    }

    /** The records of reduce partition {@code reduceId}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V, C> Iterator<Tuple2<K, Object>> read(ShuffleDependency<K, V, C> dep, int reduceId,
                                                              MapStatus[] statuses, ExecutorServices services,
                                                              TaskMetricsCollector metrics) {
        List<byte[]> blocks = new ArrayList<>();
        for (int mapId = 0; mapId < statuses.length; mapId++) {
            MapStatus status = statuses[mapId];
            if (status == null) {
                throw new FetchFailedException(dep.shuffleId(), mapId, "<none>", "map output is missing");
            }
            if (!status.nonEmpty().get(reduceId)) {
                continue;
            }
            try {
                blocks.add(services.fetch(status.executorId(), new BlockId.ShuffleBlock(dep.shuffleId(), mapId, reduceId)));
            } catch (BlockFetchException e) {
                throw new FetchFailedException(dep.shuffleId(), mapId, status.executorId(), e.getMessage());
            }
        }
        ClassLoader loader = services.classLoader();
        long bytesRead = 0;
        for (byte[] block : blocks) {
            bytesRead += block.length;
        }
        metrics.addShuffleRead(0, bytesRead);
        Iterator<Tuple2<K, Object>> pairs = io.vavr.collection.Iterator.ofAll(blocks)
                .flatMap(bytes -> () -> pairsOf(Codecs.kryo().newReader(new ByteArrayInputStream(bytes), loader), metrics));
        if (dep.aggregator().isDefined()) {
            Aggregator<K, V, C> aggregator = dep.aggregator().get();
            Map<Object, Object> combined = new HashMap<>();
            Function2 merge = dep.mapSideCombine() ? aggregator.mergeCombiners() : aggregator.mergeValue();
            while (pairs.hasNext()) {
                Tuple2<K, Object> pair = pairs.next();
                Object existing = combined.get(pair._1);
                if (existing == null && !combined.containsKey(pair._1)) {
                    combined.put(pair._1, dep.mapSideCombine() ? pair._2
                            : ((io.vavr.Function1) aggregator.createCombiner()).apply(pair._2));
                } else {
                    combined.put(pair._1, merge.apply(existing, pair._2));
                }
            }
            pairs = io.vavr.collection.Iterator.ofAll(combined.entrySet()).map(e -> Tuple.of((K) e.getKey(), e.getValue()));
        }
        if (dep.keyOrdering().isDefined()) {
            ArrayList<Tuple2<K, Object>> all = new ArrayList<>();
            pairs.forEachRemaining(all::add);
            java.util.Comparator<? super K> ordering = dep.keyOrdering().get();
            all.sort((a, b) -> ordering.compare(a._1, b._1));
            pairs = all.iterator();
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private static <K> Iterator<Tuple2<K, Object>> pairsOf(Iterator<Object> records, TaskMetricsCollector metrics) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple2<K, Object> next() {
                if (!records.hasNext()) {
                    throw new NoSuchElementException();
                }
                K key = (K) records.next();
                metrics.addShuffleRead(1, 0);
                return Tuple.of(key, records.next());
            }
        };
    }
}
