package io.ember.rdd.shuffle;

import io.ember.actors.BlockId;
import io.ember.actors.BlockStore;
import io.ember.actors.ExecutorServices;
import io.ember.rdd.Partitioner;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.scheduler.TaskMetricsCollector;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.vavr.Tuple2;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;

/**
 * Writes one map task's output, Spark's sort-based shuffle: records are combined per key first
 * when the dependency asks for map-side combine (an {@link ExternalAggregator}), tagged with
 * their reduce partition and sorted by it (an {@link ExternalSorter}, which spills past the
 * task's memory budget), then streamed out partition by partition: each reduce partition's
 * records become one LZ4-compressed disk block {@code shuffle_S_M_R} in the executor's block
 * store. A record is written as key then value, so readers rebuild pairs without a tuple header.
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
        Routed next = sorted.hasNext() ? sorted.next() : null;
        while (next != null) {
            int partition = next.partition();
            CountingStream file = new CountingStream(store.writeToDisk(new BlockId.ShuffleBlock(dep.shuffleId(), mapId, partition)));
            try (Codec.RecordWriter writer = codec.newWriter(Compression.compress(new BufferedOutputStream(file, 64 * 1024)))) {
                while (next != null && next.partition() == partition) {
                    writer.write(next.key());
                    writer.write(next.value());
                    count++;
                    next = sorted.hasNext() ? sorted.next() : null;
                }
            }
            nonEmpty.set(partition);
            bytes += file.count;
        }
        metrics.addShuffleWrite(count, bytes);
        return new MapStatus(services.executorId(), nonEmpty, bytes);
    }

    /** Counts the bytes that reach the block's file. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
