package io.ember.rdd.internal.shuffle;

import io.ember.rdd.internal.storage.SizeEstimator;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Combines values by key in bounded memory (an external hash aggregation, Spark's
 * ExternalAppendOnlyMap): values are combined in a {@link CombineMap} (one hash probe per
 * record, the combiner replaced in place), with execution memory acquired
 * from the task as its estimated size grows; when memory is refused (or the cap of its
 * {@link SpillContext} is reached, or another consumer of the task needs the memory) the map's
 * entries are written to disk sorted by key hash, and a new map starts. At the end the sorted
 * runs and the last map are merged hash by hash, combining the combiners of equal keys, so each
 * key comes out once.
 *
 * <p>Design notes. The map's size is estimated as entries times the mean size of a sample of
 * entries, re-sampled as the map grows (combiners such as groupByKey's lists grow in place, so
 * the size of an entry at insertion says little). Only what one key combines to must fit in
 * memory. While {@link #iterator()} is being read, a request to spill writes the in-memory
 * entries not yet returned to disk. Not thread-safe: one task's thread owns it.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <C> combiner type
 */
public final class ExternalAggregator<K, V, C> extends SpillingBuffer {
    private static final int ENTRY_OVERHEAD = 48;
    private static final int ENTRIES_SAMPLED = 32;
    private static final Comparator<Tuple2<?, ?>> BY_HASH = Comparator.comparingInt(t -> hash(t._1));

    private final Function1<? super V, ? extends C> createCombiner;
    private final Function2<C, ? super V, ? extends C> mergeValue;
    private final Function2<C, C, ? extends C> mergeCombiners;
    private final SpillContext spill;
    private final List<SpillFile> runs = new ArrayList<>();
    private CombineMap<K, V, C> map;
    private SpillableIterator<Tuple2<K, C>> reading;
    private long insertsSinceSample;
    private long nextSampleAt = 256;
    private long bytesPerEntry = -1;

    /** An aggregation with Spark's combineByKey triple, drawing on {@code spill}'s task memory. */
    public ExternalAggregator(Function1<? super V, ? extends C> createCombiner,
                              Function2<C, ? super V, ? extends C> mergeValue,
                              Function2<C, C, ? extends C> mergeCombiners, SpillContext spill) {
        super(spill, "ExternalAggregator");
        this.createCombiner = createCombiner;
        this.mergeValue = mergeValue;
        this.mergeCombiners = mergeCombiners;
        this.spill = spill;
        this.map = new CombineMap<>(createCombiner, mergeValue);
    }

    /** Combines {@code value} into its key's combiner. */
    public void insert(K key, V value) {
        if (reading != null) {
            throw new IllegalStateException("ExternalAggregator: insert after iterator()");
        }
        map.combine(key, value);
        if (++insertsSinceSample >= nextSampleAt) {
            maybeSpill();
        }
    }

    /** Combines every pair of {@code records}. */
    public void insertAll(Iterator<? extends Tuple2<? extends K, ? extends V>> records) {
        while (records.hasNext()) {
            Tuple2<? extends K, ? extends V> record = records.next();
            insert(record._1, record._2);
        }
    }

    /** How many runs were written to disk so far. */
    public int spillCount() {
        return runs.size();
    }

    /** Every key with its combined value, each key once, in no particular order. Call once. */
    public Iterator<Tuple2<K, C>> iterator() {
        CombineMap<K, V, C> last = map;
        map = new CombineMap<>(createCombiner, mergeValue);
        if (runs.isEmpty()) {
            reading = new SpillableIterator<>(last.iterator(), spill, "aggregate", ExternalAggregator::writePair,
                    ExternalAggregator::pairs);
            return closingAtEnd(reading);
        }
        List<Iterator<Tuple2<K, C>>> sources = new ArrayList<>();
        for (SpillFile run : runs) {
            sources.add(pairs(run.read(spill.loader())));
        }
        reading = new SpillableIterator<>(sortedByHash(last).iterator(), spill, "aggregate",
                ExternalAggregator::writePair, ExternalAggregator::pairs);
        sources.add(reading);
        return closingAtEnd(new MergedByHash(sources));
    }

    @Override
    long estimate() {
        return map.isEmpty() ? 0 : (long) map.size() * Math.max(ENTRY_OVERHEAD, bytesPerEntry);
    }

    @Override
    SpillableIterator<?> reading() {
        return reading;
    }

    @Override
    boolean bufferEmpty() {
        return map.isEmpty();
    }

    private void maybeSpill() {
        insertsSinceSample = 0;
        bytesPerEntry = sampleEntrySize();
        if (!reserve(estimate())) {
            spillBuffer();
        }
        if (map.isEmpty()) {
            nextSampleAt = 256;
        } else {
            // why: sample again once the map may have filled the memory it holds, but at least every 64k inserts
            long roomFor = Math.max(0, used() - estimate()) / Math.max(1, bytesPerEntry);
            nextSampleAt = Math.max(256, Math.min(64 * 1024, roomFor / 2));
        }
    }

    @Override
    void spillBuffer() {
        long inMemory = estimate();
        SpillFile run = SpillFile.write(spill.store(), "aggregate", sortedByHash(map).iterator(),
                ExternalAggregator::writePair);
        runs.add(run);
        map = new CombineMap<>(createCombiner, mergeValue);
        countSpill(inMemory, run);
        freeAll();
    }

    private static void writePair(Object pair, io.ember.serializers.Codec.RecordWriter out) {
        Tuple2<?, ?> kv = (Tuple2<?, ?>) pair;
        out.write(kv._1);
        out.write(kv._2);
    }

    private long sampleEntrySize() {
        long bytes = 0;
        int n = 0;
        for (Iterator<Tuple2<K, C>> entries = map.iterator(); entries.hasNext() && n < ENTRIES_SAMPLED; n++) {
            Tuple2<K, C> entry = entries.next();
            bytes += SizeEstimator.estimate(entry._1) + SizeEstimator.estimate(entry._2);
        }
        return n == 0 ? ENTRY_OVERHEAD : bytes / n + ENTRY_OVERHEAD;
    }

    private static <K, C> List<Tuple2<K, C>> sortedByHash(CombineMap<K, ?, C> map) {
        List<Tuple2<K, C>> entries = new ArrayList<>(map.size());
        map.forEach((k, c) -> entries.add(Tuple.of(k, c)));
        entries.sort(BY_HASH);
        return entries;
    }

    private static int hash(Object key) {
        return key == null ? 0 : key.hashCode();
    }

    @SuppressWarnings("unchecked")
    private static <K, C> Iterator<Tuple2<K, C>> pairs(Iterator<Object> records) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple2<K, C> next() {
                K key = (K) records.next();
                return Tuple.of(key, (C) records.next());
            }
        };
    }

    /**
     * Merges sources sorted by key hash: each step takes the smallest hash, and for its first key
     * combines the equal keys of every source (each source holds a key at most once).
     */
    private final class MergedByHash implements Iterator<Tuple2<K, C>> {
        private final PriorityQueue<HashGroup> heap = new PriorityQueue<>(Comparator.comparingInt(g -> g.hash));

        MergedByHash(List<Iterator<Tuple2<K, C>>> sources) {
            for (Iterator<Tuple2<K, C>> source : sources) {
                HashGroup group = new HashGroup(source);
                if (group.fill()) {
                    heap.add(group);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heap.isEmpty();
        }

        @Override
        public Tuple2<K, C> next() {
            HashGroup first = heap.poll();
            if (first == null) {
                throw new NoSuchElementException();
            }
            Tuple2<K, C> head = first.pairs.remove(first.pairs.size() - 1);
            K key = head._1;
            C combined = head._2;
            List<HashGroup> touched = new ArrayList<>();
            touched.add(first);
            while (!heap.isEmpty() && heap.peek().hash == first.hash) {
                HashGroup other = heap.poll();
                touched.add(other);
                for (Iterator<Tuple2<K, C>> it = other.pairs.iterator(); it.hasNext(); ) {
                    Tuple2<K, C> pair = it.next();
                    if (Objects.equals(pair._1, key)) {
                        combined = mergeCombiners.apply(combined, pair._2);
                        it.remove();
                        break;
                    }
                }
            }
            for (HashGroup group : touched) {
                if (!group.pairs.isEmpty() || group.fill()) {
                    heap.add(group);
                }
            }
            return Tuple.of(key, combined);
        }
    }

    /** The pairs of one source that share the smallest hash not yet merged. */
    private final class HashGroup {
        private final Iterator<Tuple2<K, C>> source;
        private final List<Tuple2<K, C>> pairs = new ArrayList<>(2);
        private Tuple2<K, C> lookahead;
        private int hash;

        HashGroup(Iterator<Tuple2<K, C>> source) {
            this.source = source;
        }

        /** Reads the next hash's pairs; false when the source is exhausted. */
        boolean fill() {
            Tuple2<K, C> next = lookahead != null ? lookahead : source.hasNext() ? source.next() : null;
            lookahead = null;
            if (next == null) {
                return false;
            }
            hash = hash(next._1);
            pairs.add(next);
            while (source.hasNext()) {
                Tuple2<K, C> pair = source.next();
                if (hash(pair._1) != hash) {
                    lookahead = pair;
                    break;
                }
                pairs.add(pair);
            }
            return true;
        }
    }
}
