package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns dense group ids to key rows: an open-addressing hash table over group ids whose keys
 * live column-wise in growing vectors (which become the key columns of the output). Null equals
 * null here, as in GROUP BY. Rows whose keys are all dictionary entries find their group by
 * their dictionary ids ({@link DictionaryGroupCache}) and reach the table only once per distinct key.
 */
final class GroupIndex {
    final ColumnVector[] keys;
    private int size;
    private int[] slots = new int[64];
    private int[] hashes = new int[16];
    private final DictionaryGroupCache dictionaryGroups = new DictionaryGroupCache();

    GroupIndex(List<DataType> keyTypes) {
        keys = new ColumnVector[keyTypes.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ColumnVector.allocate(keyTypes.get(i), 16);
        }
    }

    int size() {
        return size;
    }

    /** The group id of every row of {@code keyCols}, adding new groups as they appear. */
    int[] groupIds(ColumnVector[] keyCols, int n) {
        int[] out = new int[n];
        if (keys.length == 0) {
            if (size == 0 && n > 0) {
                size = 1;
            }
            return out;
        }
        int[] combinations = dictionaryGroups.combinations(keyCols, n);
        if (combinations != null) {
            groupIdsByDictionary(keyCols, n, combinations, out);
            return out;
        }
        int[] rowHashes = KeyHashes.hashes(keyCols, n);
        for (int i = 0; i < n; i++) {
            out[i] = find(keyCols, i, rowHashes[i]);
        }
        return out;
    }

    /** The group ids of rows whose keys are all dictionary entries: a hash lookup only for a combination's first row. */
    private void groupIdsByDictionary(ColumnVector[] keyCols, int n, int[] combinations, int[] out) {
        int[] rowHashes = null;
        for (int i = 0; i < n; i++) {
            int combination = combinations[i];
            int g = dictionaryGroups.group(combination);
            if (g < 0) {
                if (rowHashes == null) {
                    rowHashes = KeyHashes.hashes(keyCols, n);
                }
                g = find(keyCols, i, rowHashes[i]);
                dictionaryGroups.remember(combination, g);
            }
            out[i] = g;
        }
    }

    /** The group of row {@code i} of {@code keyCols}, whose hash is {@code h}, added if new. */
    private int find(ColumnVector[] keyCols, int i, int h) {
        int mask = slots.length - 1;
        int pos = h & mask;
        while (true) {
            int slot = slots[pos];
            if (slot == 0) {
                return insert(keyCols, i, h, pos);
            }
            int g = slot - 1;
            if (hashes[g] == h && sameKey(keyCols, i, g)) {
                return g;
            }
            pos = (pos + 1) & mask;
        }
    }

    /**
     * The bytes of the lookup arrays once the index holds {@code groups} groups, counting the
     * moment of a rehash, when the old slots and the new ones are both alive.
     */
    static long lookupBytesFor(long groups) {
        long slotsNow = Math.max(64, Long.highestOneBit(Math.max(1, groups * 2)) << 1);
        return 4L * slotsNow * 3 / 2 + 8L * Math.max(16, groups);
    }

    /** Makes sure group 0 exists (a global aggregate over no rows still has one group). */
    void ensureOneGroup() {
        if (size == 0 && keys.length == 0) {
            size = 1;
        }
    }

    private boolean sameKey(ColumnVector[] keyCols, int row, int g) {
        for (int k = 0; k < keyCols.length; k++) {
            if (!keyCols[k].valueEquals(row, keys[k], g)) {
                return false;
            }
        }
        return true;
    }

    private int insert(ColumnVector[] keyCols, int row, int h, int pos) {
        int g = size++;
        for (int k = 0; k < keyCols.length; k++) {
            keys[k].appendFrom(keyCols[k], row);
        }
        if (g >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        hashes[g] = h;
        slots[pos] = g + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return g;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int g = 0; g < size; g++) {
            int pos = hashes[g] & mask;
            while (bigger[pos] != 0) {
                pos = (pos + 1) & mask;
            }
            bigger[pos] = g + 1;
        }
        slots = bigger;
    }
}
