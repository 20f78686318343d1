package io.ember.rdd.internal.shuffle;

import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/**
 * The in-memory side of a map-side combine: an open-addressing hash map (linear probing) from
 * keys to combiners that folds a value into its key's combiner with one probe per record, the
 * combiner being replaced in its slot ({@code mergeValue}) or created there
 * ({@code createCombiner}). A {@code java.util.HashMap} would need a get then a put, two walks
 * through bucket, node and key. Here a slot's key and combiner are neighbours in one array (one
 * cache line for both), and each slot's full hash sits in an {@code int[]}, so most mismatches
 * are rejected without touching the key.
 *
 * <p>A {@code null} key is allowed (kept outside the table, as the table marks empty slots with
 * {@code null}); combiners may be {@code null}. Entries cannot be removed: a combine only grows
 * until it is drained or spilled, and then a new map starts. Not thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <C> combiner type
 */
final class CombineMap<K, V, C> {
    private static final int INITIAL_SLOTS = 64;
    /** Fibonacci hashing spreads keys whose hash codes differ only in high bits (short strings). */
    private static final int SPREAD = 0x9E3779B9;

    private final Function1<? super V, ? extends C> createCombiner;
    private final Function2<C, ? super V, ? extends C> mergeValue;
    /** Slot {@code s} holds its key at {@code 2s} (null: empty) and the key's combiner at {@code 2s + 1}. */
    private Object[] entries = new Object[2 * INITIAL_SLOTS];
    private int[] hashes = new int[INITIAL_SLOTS];
    private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(INITIAL_SLOTS);
    private int size;
    private int growAt = INITIAL_SLOTS / 2;
    private boolean hasNullKey;
    private C nullKeyCombiner;

    CombineMap(Function1<? super V, ? extends C> createCombiner, Function2<C, ? super V, ? extends C> mergeValue) {
        this.createCombiner = createCombiner;
        this.mergeValue = mergeValue;
    }

    /** Folds {@code value} into the combiner of {@code key}, creating it for a new key. */
    @SuppressWarnings("unchecked")
    void combine(K key, V value) {
        if (key == null) {
            nullKeyCombiner = hasNullKey ? mergeValue.apply(nullKeyCombiner, value) : createCombiner.apply(value);
            hasNullKey = true;
            return;
        }
        int hash = key.hashCode();
        int mask = hashes.length - 1;
        for (int slot = (hash * SPREAD) >>> shift; ; slot = (slot + 1) & mask) {
            Object present = entries[2 * slot];
            if (present == null) {
                entries[2 * slot] = key;
                entries[2 * slot + 1] = createCombiner.apply(value);
                hashes[slot] = hash;
                if (++size > growAt) {
                    grow();
                }
                return;
            }
            if (hashes[slot] == hash && (present == key || present.equals(key))) {
                entries[2 * slot + 1] = mergeValue.apply((C) entries[2 * slot + 1], value);
                return;
            }
        }
    }

    /** How many keys the map holds. */
    int size() {
        return size + (hasNullKey ? 1 : 0);
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Calls {@code action} on every key and its combiner, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super C> action) {
        if (hasNullKey) {
            action.accept(null, nullKeyCombiner);
        }
        for (int at = 0; at < entries.length; at += 2) {
            if (entries[at] != null) {
                action.accept((K) entries[at], (C) entries[at + 1]);
            }
        }
    }

    /** Every key with its combiner, in no particular order; the map must not change meanwhile. */
    Iterator<Tuple2<K, C>> iterator() {
        return new Iterator<>() {
            private boolean nullKeyDue = hasNullKey;
            private int at = nextOccupied(0);

            @Override
            public boolean hasNext() {
                return nullKeyDue || at < entries.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Tuple2<K, C> next() {
                if (nullKeyDue) {
                    nullKeyDue = false;
                    return Tuple.of(null, nullKeyCombiner);
                }
                if (at >= entries.length) {
                    throw new NoSuchElementException();
                }
                Tuple2<K, C> entry = Tuple.of((K) entries[at], (C) entries[at + 1]);
                at = nextOccupied(at + 2);
                return entry;
            }
        };
    }

    /** The index of the first occupied slot's key at or after {@code from}, or the array's length. */
    private int nextOccupied(int from) {
        int at = from;
        while (at < entries.length && entries[at] == null) {
            at += 2;
        }
        return at;
    }

    /** Doubles the table (kept at most half full, so probes stay short) and re-places every key. */
    private void grow() {
        Object[] oldEntries = entries;
        int[] oldHashes = hashes;
        int slots = oldHashes.length * 2;
        if (slots > 1 << 29) {
            throw new IllegalStateException("CombineMap: more than 2^28 keys");
        }
        entries = new Object[2 * slots];
        hashes = new int[slots];
        shift--;
        growAt = slots / 2;
        int mask = slots - 1;
        for (int old = 0; old < oldHashes.length; old++) {
            Object key = oldEntries[2 * old];
            if (key == null) {
                continue;
            }
            int hash = oldHashes[old];
            int slot = (hash * SPREAD) >>> shift;
            while (entries[2 * slot] != null) {
                slot = (slot + 1) & mask;
            }
            entries[2 * slot] = key;
            entries[2 * slot + 1] = oldEntries[2 * old + 1];
            hashes[slot] = hash;
        }
    }

    @Override
    public String toString() {
        return "CombineMap(" + size() + " keys, " + hashes.length + " slots)";
    }
}
