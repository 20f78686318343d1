package io.ember.rdd.internal.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CombineMap} combines exactly as {@link HashMap#merge} does, whatever the keys' hashes. */
class CombineMapTest {

    /** A key whose hash code is chosen, so that keys can be made to collide. */
    private record Collider(String name, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Collider c && c.name.equals(name);
        }
    }

    private static <K> Map<K, Integer> drained(CombineMap<K, Integer, Integer> map) {
        Map<K, Integer> out = new HashMap<>();
        for (Iterator<Tuple2<K, Integer>> it = map.iterator(); it.hasNext(); ) {
            Tuple2<K, Integer> entry = it.next();
            assertEquals(null, out.put(entry._1, entry._2), "each key once: " + entry._1);
        }
        return out;
    }

    private static <K> Map<K, Integer> visited(CombineMap<K, Integer, Integer> map) {
        Map<K, Integer> out = new HashMap<>();
        map.forEach((k, c) -> assertEquals(null, out.put(k, c), "each key once: " + k));
        return out;
    }

    @Test
    void sums_likeHashMapMerge_acrossManyGrowths() {
        CombineMap<String, Integer, Integer> map = new CombineMap<>(v -> v, Integer::sum);
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String key = "w" + random.nextInt(30_000);
            int value = random.nextInt(10) - 3;
            map.combine(key, value);
            expected.merge(key, value, Integer::sum);
        }
        assertEquals(expected.size(), map.size());
        assertEquals(expected, drained(map));
        assertEquals(expected, visited(map));
    }

    @Test
    void equalHashes_areDifferentKeys_andEqualKeys_shareACombiner() {
        CombineMap<Collider, Integer, Integer> map = new CombineMap<>(v -> v, Integer::sum);
        Map<Collider, Integer> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            // a few hash codes for many keys: long probe runs that cross the table's end and survive growth
            Collider key = new Collider("k" + (i % 700), (i % 700) % 3 == 0 ? -1 : (i % 700) % 5);
            map.combine(key, i);
            expected.merge(key, i, Integer::sum);
        }
        assertEquals(expected, drained(map));
    }

    @Test
    void nullKey_isAKeyLikeAnyOther() {
        CombineMap<String, Integer, Integer> map = new CombineMap<>(v -> v, Integer::sum);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            String key = i % 4 == 0 ? null : "k" + (i % 10);
            map.combine(key, i);
            expected.merge(key == null ? "null" : key, i, Integer::sum);
        }
        Map<String, Integer> got = new HashMap<>();
        drained(map).forEach((k, v) -> got.put(k == null ? "null" : k, v));
        assertEquals(expected, got);
        assertEquals(expected.size(), map.size());
    }

    @Test
    void combinersMayBeNull_andChangeType() {
        CombineMap<String, String, List<String>> lists = new CombineMap<>(v -> new ArrayList<>(List.of(v)), (c, v) -> {
            c.add(v);
            return c;
        });
        CombineMap<String, Integer, Integer> nulls = new CombineMap<>(v -> null, (c, v) -> c == null ? v : c + v);
        Map<String, List<String>> expectedLists = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            String key = "k" + (i % 37);
            lists.combine(key, "v" + i);
            expectedLists.computeIfAbsent(key, k -> new ArrayList<>()).add("v" + i);
            nulls.combine(key, i);
        }
        Map<String, List<String>> gotLists = new HashMap<>();
        lists.forEach(gotLists::put);
        assertEquals(expectedLists, gotLists);
        Map<String, Integer> expectedNulls = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            // the first value of each key became a null combiner; later ones were summed
            expectedNulls.merge("k" + (i % 37), i < 37 ? 0 : i, Integer::sum);
        }
        assertEquals(expectedNulls, drained(nulls));
    }

    @Test
    void emptyMap_hasNoEntries() {
        CombineMap<String, Integer, Integer> map = new CombineMap<>(v -> v, Integer::sum);
        assertTrue(map.isEmpty());
        Iterator<Tuple2<String, Integer>> it = map.iterator();
        assertEquals(false, it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }
}
