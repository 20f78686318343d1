package io.ember.rdd.internal;

import io.ember.rdd.AccumulatorV2;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's registered accumulators, by id, for merging the updates tasks send back.
 *
 * <p>Design notes. One registry per JVM, as Spark's AccumulatorContext: ids stay unique even
 * across contexts, and the scheduler needs no handle to find an accumulator. Entries are weak,
 * so an accumulator the application dropped is collected; cleared entries are pruned when new
 * accumulators register. Merges run on the scheduler thread; accumulators synchronize
 * themselves against the application's reads.
 */
public final class AccumulatorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(AccumulatorRegistry.class);
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final Map<Long, WeakReference<AccumulatorV2<?, ?>>> ORIGINALS = new ConcurrentHashMap<>();

    private AccumulatorRegistry() {
    }

    /** A new id for an accumulator about to be registered. */
    public static long nextId() {
        return NEXT_ID.getAndIncrement();
    }

    /** Remembers a registered accumulator. */
    public static void add(AccumulatorV2<?, ?> accumulator) {
        ORIGINALS.values().removeIf(ref -> ref.get() == null);
        ORIGINALS.put(accumulator.id(), new WeakReference<>(accumulator));
    }

    /** How many registered accumulators are still reachable; for tests. */
    public static int size() {
        return (int) ORIGINALS.values().stream().filter(ref -> ref.get() != null).count();
    }

    /** Merges one task's updates (accumulator id to partial accumulator) into the originals. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void merge(Map<Long, Object> updates) {
        if (updates == null) {
            return;
        }
        for (Map.Entry<Long, Object> update : updates.entrySet()) {
            WeakReference<AccumulatorV2<?, ?>> ref = ORIGINALS.get(update.getKey());
            AccumulatorV2 original = ref == null ? null : ref.get();
            if (original == null) {
                continue; // why: the application dropped it; nobody can read the total
            }
            try {
                original.merge((AccumulatorV2) update.getValue());
            } catch (RuntimeException e) { // why: a faulty custom merge must not break scheduling
                LOG.warn("Merging an update into accumulator {} failed", update.getKey(), e);
            }
        }
    }
}
