package io.ember.rdd.internal.shuffle;

import io.ember.rdd.Aggregator;
import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.internal.scheduler.TaskMetricsCollector;
import io.ember.serializers.Codecs;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads one reduce partition of a shuffle: streams the non-empty blocks of every map output one
 * after the other (a block of this executor straight from its file, a peer's block fetched
 * whole), then aggregates by key and sorts as the dependency asks, both in bounded memory
 * ({@link ExternalAggregator}, {@link ExternalSorter}). A missing map output, or a block that
 * cannot be read, is a {@link FetchFailedException}, which makes the scheduler recompute it.
 */
public final class ShuffleReader {
    private ShuffleReader() {
    }

    /** The records of reduce partition {@code reduceId}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V, C> Iterator<Tuple2<K, Object>> read(ShuffleDependency<K, V, C> dep, int reduceId,
                                                              MapStatus[] statuses, ExecutorServices services,
                                                              TaskMetricsCollector metrics) {
        List<Integer> maps = new ArrayList<>();
        for (int mapId = 0; mapId < statuses.length; mapId++) {
            MapStatus status = statuses[mapId];
            if (status == null) {
                throw new FetchFailedException(dep.shuffleId(), mapId, "<none>", "map output is missing");
            }
            if (status.nonEmpty().get(reduceId)) {
                maps.add(mapId);
            }
        }
        Iterator<Tuple2<K, Object>> pairs = io.vavr.collection.Iterator.ofAll(maps)
                .flatMap(mapId -> () -> readBlock(dep.shuffleId(), mapId, reduceId, statuses[mapId], services, metrics));
        if (dep.aggregator().isDefined()) {
            Aggregator<K, V, C> aggregator = dep.aggregator().get();
            ExternalAggregator<K, Object, Object> combined = dep.mapSideCombine()
                    ? new ExternalAggregator<K, Object, Object>(c -> c, (Function2) aggregator.mergeCombiners(),
                            (Function2) aggregator.mergeCombiners(), SpillContext.current())
                    : new ExternalAggregator<K, Object, Object>((Function1) aggregator.createCombiner(),
                            (Function2) aggregator.mergeValue(), (Function2) aggregator.mergeCombiners(),
                            SpillContext.current());
            combined.insertAll(pairs);
            pairs = combined.iterator();
        }
        if (dep.keyOrdering().isDefined()) {
            java.util.Comparator<? super K> ordering = dep.keyOrdering().get();
            ExternalSorter<Tuple2<K, Object>> sorter = new ExternalSorter<>((a, b) -> ordering.compare(a._1, b._1),
                    SpillContext.current());
            sorter.insertAll(pairs);
            pairs = sorter.sorted();
        }
        return pairs;
    }

    private static <K> Iterator<Tuple2<K, Object>> readBlock(int shuffleId, int mapId, int reduceId, MapStatus status,
                                                              ExecutorServices services, TaskMetricsCollector metrics) {
        BlockId.ShuffleBlock block = new BlockId.ShuffleBlock(shuffleId, mapId, reduceId);
        InputStream raw;
        if (status.executorId().equals(services.executorId())) {
            raw = services.blockStore().readFromDisk(block).orElseThrow(() -> new FetchFailedException(shuffleId, mapId,
                    status.executorId(), "block " + block.name() + " is not on this executor's disk"));
            metrics.addShuffleRead(0, services.blockStore().status(block).diskBytes());
        } else {
            try {
                byte[] bytes = services.fetch(status.executorId(), block);
                metrics.addShuffleRead(0, bytes.length);
                raw = new ByteArrayInputStream(bytes);
            } catch (BlockFetchException e) {
                throw new FetchFailedException(shuffleId, mapId, status.executorId(), e.getMessage());
            }
        }
        InputStream in = Compression.decompress(new BufferedInputStream(raw, 64 * 1024));
        Iterator<Object> records = Codecs.kryo().newReader(in, services.classLoader());
        return pairsOf(records, metrics);
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
