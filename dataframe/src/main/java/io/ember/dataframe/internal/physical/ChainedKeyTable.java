package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;

/**
 * A hash join's build side of any keys: row indices chained by bucket, keys kept as the build
 * side's columns, hashes a batch at a time ({@link KeyHashes}). Rows with a null key are left out
 * (they never match an equality).
 */
final class ChainedKeyTable extends KeyHashTable {
    private static final long serialVersionUID = 1L;

    final ColumnVector[] keys;
    final int[] heads;
    final int[] next;
    final int[] hashes;

    ChainedKeyTable(ColumnVector[] keys, int n) {
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

    /**
     * See {@link Probe#probe}; {@code probeHashes} are the probe keys' hashes.
     */
    private int probe(ColumnVector[] probeKeys, KeyHashes probeHashes, int from, int n, PairBuffer pairs,
                      int maxPairs) {
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

    @Override
    Probe probeOf(ColumnVector[] probeKeys, int n) {
        KeyHashes probeHashes = KeyHashes.of(probeKeys, n);
        return (from, to, pairs, maxPairs) -> probe(probeKeys, probeHashes, from, to, pairs, maxPairs);
    }

    @Override
    void markFound(ColumnVector[] probeKeys, int n, boolean[] found) {
        KeyHashes probeHashes = KeyHashes.of(probeKeys, n);
        int mask = heads.length - 1;
        for (int i = 0; i < n; i++) {
            boolean hit = false;
            if (!probeHashes.nullKey(i)) {
                int h = probeHashes.hashes[i];
                for (int r = heads[h & mask] - 1; r >= 0 && !hit; r = next[r] - 1) {
                    hit = hashes[r] == h && equal(probeKeys, i, r);
                }
            }
            found[i] = hit;
        }
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
