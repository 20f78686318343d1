package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.VectorHashes;

/**
 * The key hashes of a batch's rows, computed a key column at a time, and which rows have a null in
 * some key column (they never match an equality). A row's hash is {@code h = 31 * h + k.hash(r)}
 * over its key columns {@code k}, then {@code h ^ (h >>> 16)}.
 */
final class KeyHashes {
    /** The hash of each row's keys. */
    final int[] hashes;
    /** Whether each row has a null key; null when no row has. */
    private final boolean[] nullKey;

    private KeyHashes(int[] hashes, boolean[] nullKey) {
        this.hashes = hashes;
        this.nullKey = nullKey;
    }

    /** The hashes and null keys of rows {@code [0, n)} of {@code keys}. */
    static KeyHashes of(ColumnVector[] keys, int n) {
        boolean[] nullKey = null;
        for (ColumnVector k : keys) {
            if (k.mayHaveNulls()) {
                boolean[] nulls = k.nulls;
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        if (nullKey == null) {
                            nullKey = new boolean[n];
                        }
                        nullKey[i] = true;
                    }
                }
            }
        }
        return new KeyHashes(hashes(keys, n), nullKey);
    }

    /** The hashes alone, for callers that treat a null key as a value (grouping, partitioning). */
    static int[] hashes(ColumnVector[] keys, int n) {
        int[] hashes = new int[n];
        for (ColumnVector k : keys) {
            VectorHashes.accumulate(k, hashes, n);
        }
        for (int i = 0; i < n; i++) {
            int h = hashes[i];
            hashes[i] = h ^ (h >>> 16);
        }
        return hashes;
    }

    /** Whether row {@code r} has a null key. */
    boolean nullKey(int r) {
        return nullKey != null && nullKey[r];
    }
}
