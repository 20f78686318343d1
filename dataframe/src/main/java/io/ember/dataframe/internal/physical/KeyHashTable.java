package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import java.io.Serializable;

/**
 * The build side of a hash join, probed by the stream side a batch at a time. Rows with a null key
 * are left out (they never match an equality). A single whole-number key (int, long, date,
 * timestamp: the keys of most joins) gets {@link IntegralKeyTable}, which compares keys inside
 * the table's own slots; any other keys {@link ChainedKeyTable}.
 */
abstract class KeyHashTable implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The table of {@code n} build rows whose key columns are {@code keys}. */
    static KeyHashTable of(ColumnVector[] keys, int n) {
        return IntegralKeyTable.applies(keys) ? new IntegralKeyTable(keys[0], n) : new ChainedKeyTable(keys, n);
    }

    /** Probes with one batch's key columns (of the build keys' types), doing per-batch work once. */
    abstract Probe probeOf(ColumnVector[] probeKeys, int n);

    /**
     * Sets {@code found[i]} to whether probe row {@code i} of {@code [0, n)} has an equal key in
     * the table (false for a null key): membership only, for filtering rows before a join.
     */
    abstract void markFound(ColumnVector[] probeKeys, int n, boolean[] found);

    /** The probing of one batch. */
    interface Probe {
        /**
         * Appends the pairs (probe row - {@code from}, build row) of equal keys of the probe rows
         * {@code [from, n)} to {@code pairs}, stopping after the first row at which they number
         * {@code maxPairs} or more; returns the row after the last one probed.
         */
        int probe(int from, int n, PairBuffer pairs, int maxPairs);
    }

    static boolean anyNull(ColumnVector[] keys, int r) {
        for (ColumnVector k : keys) {
            if (k.isNull(r)) {
                return true;
            }
        }
        return false;
    }
}
