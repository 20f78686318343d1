package io.ember.dataframe.internal.physical.spill;

import java.util.function.IntBinaryOperator;

/**
 * A stable merge sort of row indices that compares primitive {@code long} prefixes first and
 * calls the full comparison only when two prefixes are equal; indices and prefixes move together,
 * so the common comparisons read two arrays sequentially instead of following indices into the
 * rows. Insertion-sorted runs of {@value #RUN} rows are merged bottom-up, ping-ponging between
 * the arrays and one buffer pair.
 */
final class PrefixIndexSort {
    private static final int RUN = 32;

    private PrefixIndexSort() {
    }

    /**
     * Sorts {@code idx[0..n)} with {@code prefix[0..n)} alongside: by prefix, then (equal prefixes)
     * by {@code tie} on the indices; rows that compare equal keep their order.
     */
    static void sort(int[] idx, long[] prefix, int n, IntBinaryOperator tie) {
        for (int from = 0; from < n; from += RUN) {
            insertionSort(idx, prefix, from, Math.min(n, from + RUN), tie);
        }
        if (n <= RUN) {
            return;
        }
        int[] idxA = idx;
        long[] preA = prefix;
        int[] idxB = new int[n];
        long[] preB = new long[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                merge(idxA, preA, idxB, preB, lo, mid, hi, tie);
            }
            int[] ti = idxA;
            idxA = idxB;
            idxB = ti;
            long[] tp = preA;
            preA = preB;
            preB = tp;
        }
        if (idxA != idx) {
            System.arraycopy(idxA, 0, idx, 0, n);
            System.arraycopy(preA, 0, prefix, 0, n);
        }
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
}
