package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import java.io.Serializable;

/**
 * The build side of a hash join: row indices chained by bucket, keys kept as the build side's
 * columns. Rows with a null key are left out (they never match an equality).
 */
final class KeyHashTable implements Serializable {
    private static final long serialVersionUID = 1L;

    final ColumnVector[] keys;
    final int[] heads;
    final int[] next;
    final int[] hashes;

    KeyHashTable(ColumnVector[] keys, int n) {
        this.keys = keys;
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        heads = new int[cap];
        next = new int[n];
        hashes = new int[n];
        int mask = cap - 1;
        KeyHashes keyHashes = KeyHashes.of(keys, n);
        for (int r = 0; r < n; r++) {
            if (keyHashes.nullKey(r)) {
                continue;
            }
            int h = keyHashes.hashes[r];
            hashes[r] = h;
            int b = h & mask;
            next[r] = heads[b];
            heads[b] = r + 1;
        }
    }

    static boolean anyNull(ColumnVector[] keys, int r) {
        for (ColumnVector k : keys) {
            if (k.isNull(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends the pairs (probe row - {@code from}, build row) of equal keys of the probe rows
     * {@code [from, n)} to {@code pairs}, stopping after the first row at which they number
     * {@code maxPairs} or more; returns the row after the last one probed. {@code probeHashes}
     * are the probe keys' hashes.
     */
    int probe(ColumnVector[] probeKeys, KeyHashes probeHashes, int from, int n, PairBuffer pairs, int maxPairs) {
        int mask = heads.length - 1;
        int[] probeHash = probeHashes.hashes;
        for (int i = from; i < n; i++) {
            if (probeHashes.nullKey(i)) {
                continue;
            }
            int h = probeHash[i];
            int r = heads[h & mask] - 1;
            while (r >= 0) {
                if (hashes[r] == h && equal(probeKeys, i, r)) {
                    pairs.add(i - from, r);
                }
                r = next[r] - 1;
            }
            if (pairs.size >= maxPairs) {
                return i + 1;
            }
        }
        return n;
    }

    private boolean equal(ColumnVector[] probeKeys, int i, int r) {
        for (int k = 0; k < keys.length; k++) {
            if (!probeKeys[k].valueEquals(i, keys[k], r)) {
                return false;
            }
        }
        return true;
    }
}
