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
 * through node, key and bucket; here each slot's full hash sits in an {@code int[]} next to the
 * keys, so most mismatches are rejected without touching the key.
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
    private static final int INITIAL_CAPACITY = 64;
    /** Fibonacci hashing spreads keys whose hash codes differ only in high bits (short strings). */
    private static final int SPREAD = 0x9E3779B9;

    private final Function1<? super V, ? extends C> createCombiner;
    private final Function2<C, ? super V, ? extends C> mergeValue;
    private Object[] keys = new Object[INITIAL_CAPACITY];
    private Object[] combiners = new Object[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
    private int size;
    private int growAt = INITIAL_CAPACITY / 2;
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
        int mask = keys.length - 1;
        for (int slot = (hash * SPREAD) >>> shift; ; slot = (slot + 1) & mask) {
            Object present = keys[slot];
            if (present == null) {
                keys[slot] = key;
                hashes[slot] = hash;
                combiners[slot] = createCombiner.apply(value);
                if (++size > growAt) {
                    grow();
                }
                return;
            }
            if (hashes[slot] == hash && (present == key || present.equals(key))) {
                combiners[slot] = mergeValue.apply((C) combiners[slot], value);
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
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                action.accept((K) keys[slot], (C) combiners[slot]);
            }
        }
    }

    /** Every key with its combiner, in no particular order; the map must not change meanwhile. */
    Iterator<Tuple2<K, C>> iterator() {
        return new Iterator<>() {
            private boolean nullKeyDue = hasNullKey;
            private int slot = nextOccupied(0);

            @Override
            public boolean hasNext() {
                return nullKeyDue || slot < keys.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Tuple2<K, C> next() {
                if (nullKeyDue) {
                    nullKeyDue = false;
                    return Tuple.of(null, nullKeyCombiner);
                }
                if (slot >= keys.length) {
                    throw new NoSuchElementException();
                }
                Tuple2<K, C> entry = Tuple.of((K) keys[slot], (C) combiners[slot]);
                slot = nextOccupied(slot + 1);
                return entry;
            }
        };
    }

    private int nextOccupied(int from) {
        int slot = from;
        while (slot < keys.length && keys[slot] == null) {
            slot++;
        }
        return slot;
    }

    /** Doubles the table (kept at most half full, so probes stay short) and re-places every key. */
    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldCombiners = combiners;
        int[] oldHashes = hashes;
        int capacity = oldKeys.length * 2;
        if (capacity <= 0) {
            throw new IllegalStateException("CombineMap: more than 2^29 keys");
        }
        keys = new Object[capacity];
        combiners = new Object[capacity];
        hashes = new int[capacity];
        shift--;
        growAt = capacity / 2;
        int mask = capacity - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            Object key = oldKeys[old];
            if (key == null) {
                continue;
            }
            int hash = oldHashes[old];
            int slot = (hash * SPREAD) >>> shift;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            combiners[slot] = oldCombiners[old];
        }
    }

    @Override
    public String toString() {
        return "CombineMap(" + size() + " keys, " + keys.length + " slots)";
    }
}
