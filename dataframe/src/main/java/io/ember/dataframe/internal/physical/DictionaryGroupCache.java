package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import java.util.Arrays;

/**
 * The group ids of key rows whose every key column holds entries of a dictionary (Parquet's
 * dictionary pages, see {@link ColumnVector#dictionary}), looked up by the combination of their
 * dictionary ids instead of by hashing and comparing key bytes.
 *
 * <p>Design notes. Rows of one dictionary are equal exactly when their ids are, so the ids of a
 * row's key columns, read as digits of a mixed-radix number (one more digit value per column for
 * null), name its key within the current dictionaries. The cache maps that number to the group
 * id the {@link GroupIndex} gave the first row with it; only a combination's first row goes
 * through the index's hash table. A column chunk brings a new dictionary, and the cache starts
 * again for the new dictionaries (the groups stay in the index, so a key seen with the old
 * dictionary finds its group again by hash). It applies while the combinations number at most
 * {@value #MAX_COMBINATIONS}, which keeps the cache within a quarter of a megabyte.
 *
 * <p>Owned by its group index, and so by the task's thread.
 */
final class DictionaryGroupCache {
    /** The most combinations of dictionary ids the cache covers. */
    static final int MAX_COMBINATIONS = 1 << 16;

    private ColumnVector[] dictionaries = new ColumnVector[0];
    /** The group id plus one of each combination; 0: not seen with these dictionaries. */
    private int[] groupOfCombination = new int[0];
    /** How many combinations the current dictionaries make (the cache array may be longer). */
    private int combinations;

    /**
     * The combination of every row of {@code keyCols}' dictionary ids, preparing the cache for
     * their dictionaries; or null when some key column is not of a dictionary, or the
     * combinations are too many.
     */
    int[] combinations(ColumnVector[] keyCols, int n) {
        long count = 1;
        for (ColumnVector k : keyCols) {
            if (!k.hasDictionary()) {
                return null;
            }
            count *= k.dictionary.size + 1L;
            if (count > MAX_COMBINATIONS) {
                return null;
            }
        }
        prepare(keyCols, (int) count);
        int[] combination = new int[n];
        for (ColumnVector k : keyCols) {
            int radix = k.dictionary.size + 1;
            int nullDigit = k.dictionary.size;
            int[] ids = k.dictionaryIds;
            boolean[] nulls = k.mayHaveNulls() ? k.nulls : null;
            if (nulls == null) {
                for (int i = 0; i < n; i++) {
                    combination[i] = combination[i] * radix + ids[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    combination[i] = combination[i] * radix + (nulls[i] ? nullDigit : ids[i]);
                }
            }
        }
        return combination;
    }

    /** The group id of {@code combination}, or -1 when no row with it was seen with these dictionaries. */
    int group(int combination) {
        return groupOfCombination[combination] - 1;
    }

    /** Records that {@code combination} is group {@code g}. */
    void remember(int combination, int g) {
        groupOfCombination[combination] = g + 1;
    }

    private void prepare(ColumnVector[] keyCols, int count) {
        if (sameDictionaries(keyCols) && combinations == count) {
            return;
        }
        combinations = count;
        dictionaries = new ColumnVector[keyCols.length];
        for (int k = 0; k < keyCols.length; k++) {
            dictionaries[k] = keyCols[k].dictionary;
        }
        if (groupOfCombination.length >= count && groupOfCombination.length <= 4 * count) {
            Arrays.fill(groupOfCombination, 0);
        } else {
            groupOfCombination = new int[count];
        }
    }

    private boolean sameDictionaries(ColumnVector[] keyCols) {
        if (dictionaries.length != keyCols.length) {
            return false;
        }
        for (int k = 0; k < keyCols.length; k++) {
            if (dictionaries[k] != keyCols[k].dictionary) {
                return false;
            }
        }
        return true;
    }
}
