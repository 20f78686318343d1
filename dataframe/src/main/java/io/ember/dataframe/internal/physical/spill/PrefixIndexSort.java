package io.ember.dataframe.internal.physical.spill;

import java.util.function.IntBinaryOperator;

/**
 * A stable sort of row indices by normalized {@code long} prefixes, with the full comparison only
 * for rows whose prefixes are equal: a least-significant-digit radix sort on the prefixes (a byte
 * per pass, passes where every prefix has the same byte skipped, as Spark's {@code RadixSort}),
 * then each run of equal prefixes sorted by the full comparison (insertion-sorted runs merged
 * bottom-up). Indices and prefixes move together, so the radix passes read arrays sequentially.
 */
public final class PrefixIndexSort {
    private static final int RUN = 32;
    private static final int RADIX = 256;

    private PrefixIndexSort() {
    }

    /**
     * Sorts {@code idx[0..n)} with {@code prefix[0..n)} alongside: by prefix as signed longs,
     * then (equal prefixes) by {@code tie} on the indices; rows that compare equal keep their order.
     */
    public static void sort(int[] idx, long[] prefix, int n, IntBinaryOperator tie) {
        if (n > RUN) {
            radixSort(idx, prefix, n);
        } else {
            insertionSort(idx, prefix, 0, n, tie);
            return;
        }
        int[] idxBuffer = null;
        long[] preBuffer = null;
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && prefix[to] == prefix[from]) {
                to++;
            }
            if (to - from > RUN && idxBuffer == null) {
                idxBuffer = new int[n];
                preBuffer = new long[n];
            }
            if (to - from > 1) {
                comparisonSort(idx, prefix, from, to, tie, idxBuffer, preBuffer);
            }
            from = to;
        }
    }

    /** A stable LSD radix sort of {@code idx} by {@code prefix}, in place (through one buffer pair). */
    private static void radixSort(int[] idx, long[] prefix, int n) {
        int[][] counts = new int[8][RADIX];
        for (int i = 0; i < n; i++) {
            long v = prefix[i] ^ Long.MIN_VALUE; // unsigned order of this is signed order of the prefix
            for (int d = 0; d < 8; d++) {
                counts[d][(int) (v >>> (8 * d)) & 0xFF]++;
            }
        }
        PingPong arrays = new PingPong(idx, prefix, null, null);
        int[] offsets = new int[RADIX];
        for (int d = 0; d < 8; d++) {
            int[] c = counts[d];
            boolean constant = false;
            for (int b = 0; b < RADIX; b++) {
                if (c[b] == n) {
                    constant = true;
                    break;
                }
            }
            if (constant) {
                continue;
            }
            if (arrays.idxB == null) {
                arrays.idxB = new int[n];
                arrays.preB = new long[n];
            }
            int at = 0;
            for (int b = 0; b < RADIX; b++) {
                offsets[b] = at;
                at += c[b];
            }
            int shift = 8 * d;
            int[] idxA = arrays.idxA;
            long[] preA = arrays.preA;
            for (int i = 0; i < n; i++) {
                long p = preA[i];
                int pos = offsets[(int) ((p ^ Long.MIN_VALUE) >>> shift) & 0xFF]++;
                arrays.preB[pos] = p;
                arrays.idxB[pos] = idxA[i];
            }
            arrays.swap();
        }
        arrays.finish(idx, prefix, 0, n);
    }

    /**
     * A stable merge sort of {@code [from, to)}: insertion-sorted runs merged bottom-up, through
     * the same range of the buffers (needed only for more than {@value #RUN} rows).
     */
    private static void comparisonSort(int[] idx, long[] prefix, int from, int to, IntBinaryOperator tie,
                                       int[] idxBuffer, long[] preBuffer) {
        for (int lo = from; lo < to; lo += RUN) {
            insertionSort(idx, prefix, lo, Math.min(to, lo + RUN), tie);
        }
        int n = to - from;
        if (n <= RUN) {
            return;
        }
        PingPong arrays = new PingPong(idx, prefix, idxBuffer, preBuffer);
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = from; lo < to; lo += 2 * width) {
                int mid = Math.min(to, lo + width);
                int hi = Math.min(to, lo + 2 * width);
                merge(arrays.idxA, arrays.preA, arrays.idxB, arrays.preB, lo, mid, hi, tie);
            }
            arrays.swap();
        }
        arrays.finish(idx, prefix, from, n);
    }

    private static int compare(int a, long pa, int b, long pb, IntBinaryOperator tie) {
        if (pa != pb) {
            return pa < pb ? -1 : 1;
        }
        return tie.applyAsInt(a, b);
    }

    private static void insertionSort(int[] idx, long[] prefix, int from, int to, IntBinaryOperator tie) {
        for (int i = from + 1; i < to; i++) {
            int x = idx[i];
            long p = prefix[i];
            int j = i - 1;
            while (j >= from && compare(x, p, idx[j], prefix[j], tie) < 0) {
                idx[j + 1] = idx[j];
                prefix[j + 1] = prefix[j];
                j--;
            }
            idx[j + 1] = x;
            prefix[j + 1] = p;
        }
    }

    /** Merges sorted {@code [lo, mid)} and {@code [mid, hi)} of the source arrays into the target's {@code [lo, hi)}. */
    private static void merge(int[] srcIdx, long[] srcPre, int[] dstIdx, long[] dstPre, int lo, int mid, int hi,
                              IntBinaryOperator tie) {
        if (mid >= hi || compare(srcIdx[mid - 1], srcPre[mid - 1], srcIdx[mid], srcPre[mid], tie) <= 0) {
            // Already in order (or a lone left part): copied as it is.
            System.arraycopy(srcIdx, lo, dstIdx, lo, hi - lo);
            System.arraycopy(srcPre, lo, dstPre, lo, hi - lo);
            return;
        }
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            // Left wins ties: the sort is stable.
            if (j >= hi || i < mid && compare(srcIdx[i], srcPre[i], srcIdx[j], srcPre[j], tie) <= 0) {
                dstIdx[k] = srcIdx[i];
                dstPre[k] = srcPre[i++];
            } else {
                dstIdx[k] = srcIdx[j];
                dstPre[k] = srcPre[j++];
            }
        }
    }

    /** The arrays a pass reads (A) and writes (B), swapped after each pass. */
    private static final class PingPong {
        int[] idxA;
        long[] preA;
        int[] idxB;
        long[] preB;

        PingPong(int[] idxA, long[] preA, int[] idxB, long[] preB) {
            this.idxA = idxA;
            this.preA = preA;
            this.idxB = idxB;
            this.preB = preB;
        }

        void swap() {
            int[] ti = idxA;
            idxA = idxB;
            idxB = ti;
            long[] tp = preA;
            preA = preB;
            preB = tp;
        }

        /** Copies {@code [from, from + n)} of the last pass's output to the caller's arrays, if it is not them. */
        void finish(int[] idx, long[] prefix, int from, int n) {
            if (idxA != idx) {
                System.arraycopy(idxA, from, idx, from, n);
                System.arraycopy(preA, from, prefix, from, n);
            }
        }
    }
}
