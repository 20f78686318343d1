package io.ember.rdd.shuffle;

import io.ember.actors.BlockId;
import io.ember.actors.ExecutorServices;
import io.ember.rdd.Partitioner;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.scheduler.TaskMetricsCollector;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.vavr.Tuple2;
import java.io.ByteArrayOutputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes one map task's output: records are routed to reduce partitions by the dependency's
 * partitioner (combined per key first when the dependency asks for map-side combine), and each
 * reduce partition's records become one block in the executor's block store. A record is written
 * as key then value, so readers rebuild pairs without a tuple header per record.
 */
public final class ShuffleWriter {
    private ShuffleWriter() {
    }

    /** Writes {@code records} as map output {@code mapId} and reports where it went. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V, C> MapStatus write(ShuffleDependency<K, V, C> dep, int mapId,
                                            Iterator<? extends Tuple2<K, V>> records, ExecutorServices services,
                                            TaskMetricsCollector metrics) {
        Partitioner partitioner = dep.partitioner();
        int reducers = partitioner.numPartitions();
        Codec codec = Codecs.kryo();
        ByteArrayOutputStream[] buffers = new ByteArrayOutputStream[reducers];
        Codec.RecordWriter[] writers = new Codec.RecordWriter[reducers];
        long count = 0;
        if (dep.mapSideCombine()) {
            Aggregator<K, V, C> aggregator = dep.aggregator().get();
            Map<Object, Object>[] combined = new Map[reducers];
            while (records.hasNext()) {
                Tuple2<K, V> record = records.next();
                int r = partitioner.getPartition(record._1);
                Map<Object, Object> map = combined[r];
                if (map == null) {
                    map = new HashMap<>();
                    combined[r] = map;
                }
                Object existing = map.get(record._1);
                if (existing == null && !map.containsKey(record._1)) {
                    map.put(record._1, aggregator.createCombiner().apply(record._2));
                } else {
                    map.put(record._1, ((io.vavr.Function2) aggregator.mergeValue()).apply(existing, record._2));
                }
            }
            for (int r = 0; r < reducers; r++) {
                if (combined[r] != null) {
                    Codec.RecordWriter writer = writerFor(r, buffers, writers, codec);
                    for (Map.Entry<Object, Object> e : combined[r].entrySet()) {
                        count++;
                        writer.write(e.getKey());
                        writer.write(e.getValue());
                    }
                }
            }
        } else {
            while (records.hasNext()) {
                Tuple2<K, V> record = records.next();
                count++;
                Codec.RecordWriter writer = writerFor(partitioner.getPartition(record._1), buffers, writers, codec);
                writer.write(record._1);
                writer.write(record._2);
            }
        }
        BitSet nonEmpty = new BitSet(reducers);
        long bytes = 0;
        for (int r = 0; r < reducers; r++) {
            if (writers[r] != null) {
                writers[r].close();
                byte[] block = buffers[r].toByteArray();
                services.blockStore().put(new BlockId.ShuffleBlock(dep.shuffleId(), mapId, r), block);
                nonEmpty.set(r);
                bytes += block.length;
            }
        }
        metrics.addShuffleWrite(count, bytes);
        return new MapStatus(services.executorId(), nonEmpty, bytes);
    }

    private static Codec.RecordWriter writerFor(int r, ByteArrayOutputStream[] buffers,
                                                Codec.RecordWriter[] writers, Codec codec) {
        Codec.RecordWriter writer = writers[r];
        if (writer == null) {
            buffers[r] = new ByteArrayOutputStream(4096);
            writer = codec.newWriter(buffers[r]);
            writers[r] = writer;
        }
        return writer;
    }
}
