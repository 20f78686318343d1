package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import java.util.Arrays;

/**
 * Sorts rows by whole-number keys (int, date, bigint, timestamp, decimals held unscaled) without
 * a comparator: each row's keys are packed into one long, in key order, each shifted to start at
 * zero over its range (reversed for a descending key), with a bit for null where a key has nulls,
 * and the row's index in the lowest bits; sorting the longs as numbers then orders the rows by
 * their keys, ties by index, so the sort is stable. Only when all of that fits in 63 bits: keys
 * of TPC-H's sizes (an order key of 6 million values, 23 bits) do, a key spanning the whole long
 * range does not, and those are left to the comparator sort.
 */
final class PackedSortKeys {
    private PackedSortKeys() {
    }

    /**
     * The permutation that sorts the first {@code n} rows of {@code keys} stably, or null when the
     * keys are not all whole numbers or do not fit in a long together with a row index.
     */
    static int[] sortedIndex(ColumnVector[] keys, int n, boolean[] ascending, boolean[] nullsFirst) {
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
        long[] min = new long[keys.length];
        long[] span = new long[keys.length];
        boolean[] hasNulls = new boolean[keys.length];
        int[] bits = new int[keys.length];
        int total = indexBits;
        for (int k = 0; k < keys.length; k++) {
            ColumnVector v = keys[k];
            if (v.kind != ColumnVector.INT && v.kind != ColumnVector.LONG && v.kind != ColumnVector.DECIMAL) {
                return null;
            }
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                if (v.isNull(i)) {
                    hasNulls[k] = true;
                    continue;
                }
                long x = value(v, i);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (lo > hi) {
                lo = 0;
                hi = 0;
            }
            long s = hi - lo;
            if (s < 0 || (hasNulls[k] && s == Long.MAX_VALUE)) {
                return null; // the range overflows a long
            }
            min[k] = lo;
            span[k] = s;
            long fieldMax = s + (hasNulls[k] ? 1 : 0);
            bits[k] = 64 - Long.numberOfLeadingZeros(fieldMax);
            total += bits[k];
            if (total > 63) {
                return null;
            }
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long p = 0;
            for (int k = 0; k < keys.length; k++) {
                p = (p << bits[k]) | field(keys[k], i, min[k], span[k], hasNulls[k], ascending[k], nullsFirst[k]);
            }
            packed[i] = (p << indexBits) | i;
        }
        Arrays.sort(packed);
        long indexMask = (1L << indexBits) - 1;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) (packed[i] & indexMask);
        }
        return out;
    }

    /**
     * Row {@code i}'s key as a field of the packed long: its distance from the range's start (from
     * its end when descending); with nulls present, nulls take 0 and values move up one (nulls
     * first), or nulls take the top (nulls last).
     */
    private static long field(ColumnVector v, int i, long min, long span, boolean hasNulls, boolean ascending,
                              boolean nullsFirst) {
        if (hasNulls && v.isNull(i)) {
            return nullsFirst ? 0 : span + 1;
        }
        long x = value(v, i) - min;
        long f = ascending ? x : span - x;
        return hasNulls && nullsFirst ? f + 1 : f;
    }

    private static long value(ColumnVector v, int i) {
        return v.kind == ColumnVector.INT ? v.ints[i] : v.longs[i];
    }
}
