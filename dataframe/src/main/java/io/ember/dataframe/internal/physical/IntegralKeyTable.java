package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;

/**
 * A hash join's build side of one whole-number key (int, long, date, timestamp), as an
 * open-addressing table of distinct keys: each slot holds the key and the first of its build rows,
 * the rows of one key are chained in {@code next}. A probe reads the key in the slot it hashes to,
 * one memory access where a chained table reads a bucket head, a row's hash and then its key
 * column; once the key is found, its rows need no comparison. Keys are hashed by multiplication
 * with the golden ratio, taking the top bits (Fibonacci hashing), so runs of nearby keys spread.
 */
final class IntegralKeyTable extends KeyHashTable {
    private static final long serialVersionUID = 1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Slot s is {@code slots[2s]} (the key) and {@code slots[2s + 1]} (its first row + 1; 0: empty). */
    private final long[] slots;
    private final int[] next;
    private final int shift;
    private final int mask;

    /** Whether {@code keys} is one key this table holds. */
    static boolean applies(ColumnVector[] keys) {
        return keys.length == 1 && (keys[0].kind == ColumnVector.INT || keys[0].kind == ColumnVector.LONG);
    }

    IntegralKeyTable(ColumnVector key, int n) {
        // At most two thirds full when every key is distinct: linear probing stays short.
        int cap = Integer.highestOneBit(Math.max(4, n + n / 2) - 1) << 1;
        slots = new long[2 * cap];
        next = new int[n];
        mask = cap - 1;
        shift = 64 - Integer.numberOfTrailingZeros(cap);
        boolean[] nulls = key.nulls;
        for (int r = 0; r < n; r++) {
            if (nulls != null && nulls[r]) {
                continue;
            }
            long k = key.kind == ColumnVector.INT ? key.ints[r] : key.longs[r];
            int s = slotOf(k);
            while (slots[2 * s + 1] != 0 && slots[2 * s] != k) {
                s = (s + 1) & mask;
            }
            next[r] = (int) slots[2 * s + 1];
            slots[2 * s] = k;
            slots[2 * s + 1] = r + 1;
        }
    }

    private int slotOf(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The first build row of {@code key} plus one, or 0 when no build row has it. */
    private long firstRowOf(long key) {
        int s = slotOf(key);
        long head;
        while ((head = slots[2 * s + 1]) != 0 && slots[2 * s] != key) {
            s = (s + 1) & mask;
        }
        return head;
    }

    @Override
    Probe probeOf(ColumnVector[] probeKeys, int n) {
        ColumnVector key = probeKeys[0];
        if (key.kind != ColumnVector.INT && key.kind != ColumnVector.LONG) {
            throw new IllegalStateException("a join of a whole-number key probed with " + key.type.typeName() + " keys");
        }
        return (from, to, pairs, maxPairs) -> probe(key, from, to, pairs, maxPairs);
    }

    @Override
    void markFound(ColumnVector[] probeKeys, int n, boolean[] found) {
        ColumnVector key = probeKeys[0];
        boolean[] nulls = key.nulls;
        boolean ints = key.kind == ColumnVector.INT;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                found[i] = false;
                continue;
            }
            long k = ints ? key.ints[i] : key.longs[i];
            found[i] = firstRowOf(k) != 0;
        }
    }

    private int probe(ColumnVector key, int from, int n, PairBuffer pairs, int maxPairs) {
        boolean[] nulls = key.nulls;
        boolean ints = key.kind == ColumnVector.INT;
        for (int i = from; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            long k = ints ? key.ints[i] : key.longs[i];
            for (int r = (int) firstRowOf(k) - 1; r >= 0; r = next[r] - 1) {
                pairs.add(i - from, r);
            }
            if (pairs.size >= maxPairs) {
                return i + 1;
            }
        }
        return n;
    }
}
