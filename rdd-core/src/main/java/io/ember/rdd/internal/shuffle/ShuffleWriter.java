package io.ember.rdd.internal.shuffle;

import io.ember.rdd.Aggregator;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.DiskBlockWriter;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.rdd.Partitioner;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.internal.StagedOutput;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.scheduler.TaskMetricsCollector;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.vavr.Tuple2;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Writes one map task's output, Spark's sort-based shuffle: records are combined per key first
 * when the dependency asks for map-side combine (an {@link ExternalAggregator}), tagged with
 * their reduce partition and sorted by it (an {@link ExternalSorter}, which spills past the
 * task's memory budget), then streamed out partition by partition: each reduce partition's
 * records become one LZ4-compressed disk block {@code shuffle_S_M_R} in the executor's block
 * store. A record is written as key then value, so readers rebuild pairs without a tuple header.
 * The blocks are committed with the task ({@link TaskScope#stage}): an attempt that fails
 * half-way leaves none of its files, and cannot replace a good output of an earlier attempt
 * that reducers still read with a truncated one.
 */
public final class ShuffleWriter {
    private ShuffleWriter() {
    }

    /** A record and the reduce partition it goes to. */
    private record Routed(int partition, Object key, Object value) {
    }

    private static final Comparator<Routed> BY_PARTITION = Comparator.comparingInt(Routed::partition);

    /** Writes {@code records} as map output {@code mapId} and reports where it went. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V, C> MapStatus write(ShuffleDependency<K, V, C> dep, int mapId,
                                            Iterator<? extends Tuple2<K, V>> records, ExecutorServices services,
                                            TaskMetricsCollector metrics) {
        Partitioner partitioner = dep.partitioner();
        SpillContext spill = SpillContext.current();
        Iterator<? extends Tuple2<?, ?>> pairs = records;
        if (dep.mapSideCombine()) {
            Aggregator<K, V, C> aggregator = dep.aggregator().get();
            spill = spill.withBudget(spill.memoryBudget() / 2);
            ExternalAggregator<K, V, C> combined = new ExternalAggregator<>(aggregator.createCombiner(),
                    aggregator.mergeValue(), aggregator.mergeCombiners(), spill);
            combined.insertAll(records);
            pairs = combined.iterator();
        }
        ExternalSorter<Routed> sorter = new ExternalSorter<>(BY_PARTITION, spill);
        while (pairs.hasNext()) {
            Tuple2<?, ?> pair = pairs.next();
            sorter.insert(new Routed(partitioner.getPartition(pair._1), pair._1, pair._2));
        }
        BitSet nonEmpty = new BitSet(partitioner.numPartitions());
        long count = 0;
        long bytes = 0;
        Iterator<Routed> sorted = sorter.sorted();
        BlockStore store = services.blockStore();
        Codec codec = Codecs.kryo();
        List<DiskBlockWriter> written = new ArrayList<>();
        boolean staged = false;
        try {
            Routed next = sorted.hasNext() ? sorted.next() : null;
            while (next != null) {
                int partition = next.partition();
                DiskBlockWriter file = store.writeToDisk(new BlockId.ShuffleBlock(dep.shuffleId(), mapId, partition));
                written.add(file);
                try (Codec.RecordWriter writer = codec.newWriter(Compression.compress(new BufferedOutputStream(file, 64 * 1024)))) {
                    while (next != null && next.partition() == partition) {
                        writer.write(next.key());
                        writer.write(next.value());
                        count++;
                        next = sorted.hasNext() ? sorted.next() : null;
                    }
                }
                nonEmpty.set(partition);
                bytes += file.bytesWritten();
            }
            for (DiskBlockWriter file : written) {
                TaskScope.stage(StagedOutput.of(file));
            }
            staged = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the output of map task " + mapId + " of shuffle " + dep.shuffleId(), e);
        } finally {
            if (!staged) {
                written.forEach(DiskBlockWriter::abort);
            }
        }
        metrics.addShuffleWrite(count, bytes);
        return new MapStatus(services.executorId(), nonEmpty, bytes);
    }
}
