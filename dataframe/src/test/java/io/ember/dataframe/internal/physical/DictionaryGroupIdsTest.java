package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group ids found through dictionary ids ({@link DictionaryGroupCache}) are the ids a plain-Java
 * map of the key strings gives: the same key gets the same group across batches with different
 * dictionaries (the same strings under other ids, as each Parquet column chunk has its own),
 * across batches whose keys are plain strings, with nulls (null equals null), multi-byte strings,
 * and two key columns.
 */
@Timeout(30)
class DictionaryGroupIdsTest {
    private static final String[] WORDS = {"Zürich", "a", "b", "日本", "", "ab", "N", "R", "A", "F"};

    /** A string vector of the distinct values, the dictionary. */
    private static ColumnVector entries(List<String> distinct) {
        ColumnVector v = ColumnVector.allocate(DataTypes.StringType, distinct.size());
        distinct.forEach(v::append);
        return v;
    }

    /** {@code values} as entries of a dictionary holding {@code order}'s strings in that order. */
    private static ColumnVector dictionaryVector(String[] values, List<String> order) {
        int[] ids = new int[values.length];
        boolean[] nulls = new boolean[values.length];
        boolean anyNull = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls[i] = true;
                anyNull = true;
                ids[i] = 0;
            } else {
                ids[i] = order.indexOf(values[i]);
            }
        }
        return ColumnVector.ofDictionary(entries(order), ids, anyNull ? nulls : null, values.length);
    }

    private static ColumnVector plainVector(String[] values) {
        ColumnVector v = ColumnVector.allocate(DataTypes.StringType, values.length);
        for (String s : values) {
            v.append(s);
        }
        return v;
    }

    private static String[] randomKeys(Random random, int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = random.nextInt(12) == 0 ? null : WORDS[random.nextInt(WORDS.length)];
        }
        return keys;
    }

    private static List<String> shuffled(Random random) {
        List<String> order = new ArrayList<>(List.of(WORDS));
        java.util.Collections.shuffle(order, random);
        return order;
    }

    @Test
    void twoDictionaryKeys_groupAsTheirStringsDo_acrossDictionariesAndPlainBatches() {
        Random random = new Random(7);
        GroupIndex index = new GroupIndex(List.of(DataTypes.StringType, DataTypes.StringType));
        Map<List<String>, Integer> expected = new HashMap<>();
        for (int batch = 0; batch < 12; batch++) {
            int n = 500 + random.nextInt(500);
            String[] first = randomKeys(random, n);
            String[] second = randomKeys(random, n);
            boolean plain = batch % 4 == 3;
            ColumnVector[] keys = plain
                    ? new ColumnVector[] {plainVector(first), plainVector(second)}
                    : new ColumnVector[] {dictionaryVector(first, shuffled(random)), dictionaryVector(second, shuffled(random))};
            int[] groups = index.groupIds(keys, n);
            for (int i = 0; i < n; i++) {
                List<String> key = java.util.Arrays.asList(first[i], second[i]);
                Integer g = expected.putIfAbsent(key, expected.size());
                assertEquals(g == null ? expected.size() - 1 : g, groups[i], "batch " + batch + " row " + i + " " + key);
            }
        }
        assertEquals(expected.size(), index.size());
        for (Map.Entry<List<String>, Integer> e : expected.entrySet()) {
            int g = e.getValue();
            assertEquals(e.getKey().get(0), index.keys[0].isNull(g) ? null : index.keys[0].getString(g));
            assertEquals(e.getKey().get(1), index.keys[1].isNull(g) ? null : index.keys[1].getString(g));
        }
    }

    @Test
    void combinations_onlyWhenEveryKeyIsOfADictionary_andTheyAreFewEnough() {
        DictionaryGroupCache cache = new DictionaryGroupCache();
        String[] values = {"a", null, "b"};
        ColumnVector dictionary = dictionaryVector(values, List.of("b", "a"));
        int[] combinations = cache.combinations(new ColumnVector[] {dictionary}, 3);
        // "a" is id 1, null is the digit after the last id (2), "b" is id 0
        assertEquals(List.of(1, 2, 0), List.of(combinations[0], combinations[1], combinations[2]));
        assertNull(cache.combinations(new ColumnVector[] {dictionary, plainVector(values)}, 3));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("k" + i);
        }
        ColumnVector wide = dictionaryVector(new String[] {"k1", "k2", "k3"}, many);
        assertTrue(cache.combinations(new ColumnVector[] {wide}, 3) != null, "301 combinations are covered");
        assertNull(cache.combinations(new ColumnVector[] {wide, wide}, 3), "301 * 301 combinations are too many");
    }
}
