package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both hash-join tables find exactly the (probe row, build row) pairs of equal, non-null keys that
 * nested loops in plain Java find: whole-number keys (ints, longs, extremes, negatives, nulls, a key
 * repeated many times) in the integral table, several keys and strings in the chained one, and
 * probes cut short by the pair bound and resumed.
 */
class KeyHashTableTest {
    private static List<String> nestedLoops(Object[] build, Object[] probe) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < probe.length; i++) {
            for (int r = 0; r < build.length; r++) {
                if (probe[i] != null && Objects.equals(probe[i], build[r])) {
                    pairs.add(i + ":" + r);
                }
            }
        }
        pairs.sort(null);
        return pairs;
    }

    private static List<String> probed(KeyHashTable table, ColumnVector[] probeKeys, int n, int maxPairs) {
        KeyHashTable.Probe probe = table.probeOf(probeKeys, n);
        List<String> pairs = new ArrayList<>();
        int from = 0;
        while (from < n) {
            PairBuffer buffer = new PairBuffer();
            int end = probe.probe(from, n, buffer, maxPairs);
            assertTrue(end > from, "a probe makes progress");
            for (int p = 0; p < buffer.size; p++) {
                pairs.add((from + buffer.first[p]) + ":" + buffer.second[p]);
            }
            from = end;
        }
        pairs.sort(null);
        return pairs;
    }

    private static ColumnVector longs(Long[] values) {
        ColumnVector v = ColumnVector.allocate(DataTypes.LongType, values.length);
        for (Long x : values) {
            v.append(x);
        }
        return v;
    }

    private static ColumnVector strings(String[] values) {
        ColumnVector v = ColumnVector.allocate(DataTypes.StringType, values.length);
        for (String x : values) {
            v.append(x);
        }
        return v;
    }

    private static Long[] randomLongs(Random r, int n, int distinct) {
        Long[] out = new Long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (i % 17) {
                case 0 -> null;
                case 1 -> Long.MIN_VALUE;
                case 2 -> Long.MAX_VALUE;
                default -> (long) (r.nextInt(distinct) - distinct / 2) * 32;
            };
        }
        return out;
    }

    @Test
    void longKeys_withDuplicatesNullsAndExtremes_matchNestedLoops() {
        Random r = new Random(3);
        Long[] build = randomLongs(r, 700, 300);
        Long[] probe = randomLongs(r, 500, 400);
        KeyHashTable table = KeyHashTable.of(new ColumnVector[] {longs(build)}, build.length);
        assertInstanceOf(IntegralKeyTable.class, table);
        List<String> expected = nestedLoops(build, probe);
        assertEquals(expected, probed(table, new ColumnVector[] {longs(probe)}, probe.length, Integer.MAX_VALUE));
        assertEquals(expected, probed(table, new ColumnVector[] {longs(probe)}, probe.length, 5));
    }

    @Test
    void intKeys_probedByInts() {
        Integer[] build = {5, -5, 0, null, 5, Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
        Integer[] probe = {0, 5, null, Integer.MIN_VALUE, 7, -5, Integer.MAX_VALUE};
        ColumnVector b = ColumnVector.allocate(DataTypes.IntegerType, build.length);
        ColumnVector p = ColumnVector.allocate(DataTypes.IntegerType, probe.length);
        for (Integer x : build) {
            b.append(x);
        }
        for (Integer x : probe) {
            p.append(x);
        }
        KeyHashTable table = KeyHashTable.of(new ColumnVector[] {b}, build.length);
        assertInstanceOf(IntegralKeyTable.class, table);
        assertEquals(nestedLoops(build, probe), probed(table, new ColumnVector[] {p}, probe.length, Integer.MAX_VALUE));
    }

    @Test
    @Timeout(20)
    void oneKeyRepeatedOnTheBuildSide_buildsInLinearTime() {
        int n = 400_000;
        Long[] build = new Long[n];
        for (int i = 0; i < n; i++) {
            build[i] = i % 1000 == 0 ? (long) i : 42L;
        }
        KeyHashTable table = KeyHashTable.of(new ColumnVector[] {longs(build)}, n);
        PairBuffer pairs = new PairBuffer();
        table.probeOf(new ColumnVector[] {longs(new Long[] {42L, 1000L, 7L})}, 3).probe(0, 3, pairs, Integer.MAX_VALUE);
        assertEquals(n - n / 1000 + 1, pairs.size);
    }

    @Test
    void severalKeysAndStrings_takeTheChainedTable() {
        String[] words = {"a", "é", "日本", null, "a", "", "b"};
        String[] probeWords = {"a", "", null, "日本", "c"};
        ColumnVector b = strings(words);
        ColumnVector p = strings(probeWords);
        KeyHashTable table = KeyHashTable.of(new ColumnVector[] {b}, words.length);
        assertInstanceOf(ChainedKeyTable.class, table);
        assertEquals(nestedLoops(words, probeWords),
                probed(table, new ColumnVector[] {p}, probeWords.length, Integer.MAX_VALUE));

        Long[] k1 = {1L, 1L, 2L, null, 2L};
        Long[] k2 = {10L, 20L, 10L, 10L, 10L};
        Long[] p1 = {1L, 2L, null, 1L};
        Long[] p2 = {20L, 10L, 10L, 10L};
        KeyHashTable two = KeyHashTable.of(new ColumnVector[] {longs(k1), longs(k2)}, k1.length);
        assertInstanceOf(ChainedKeyTable.class, two);
        Object[] build = new Object[k1.length];
        Object[] probe = new Object[p1.length];
        for (int i = 0; i < k1.length; i++) {
            build[i] = k1[i] == null ? null : List.of(k1[i], k2[i]);
        }
        for (int i = 0; i < p1.length; i++) {
            probe[i] = p1[i] == null ? null : List.of(p1[i], p2[i]);
        }
        assertEquals(nestedLoops(build, probe),
                probed(two, new ColumnVector[] {longs(p1), longs(p2)}, p1.length, Integer.MAX_VALUE));
    }

    /** Which probe values some build value equals (nulls never), in plain Java. */
    private static boolean[] members(Object[] build, Object[] probe) {
        boolean[] out = new boolean[probe.length];
        for (int i = 0; i < probe.length; i++) {
            out[i] = probe[i] != null && Arrays.asList(build).contains(probe[i]);
        }
        return out;
    }

    private static boolean[] found(KeyHashTable table, ColumnVector[] probeKeys, int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true); // every entry is written, stale values included
        table.markFound(probeKeys, n, out);
        return out;
    }

    @Test
    void markFound_isMembershipOfNonNullKeys_inBothTables() {
        Random r = new Random(11);
        Long[] build = randomLongs(r, 600, 300);
        Long[] probe = randomLongs(r, 900, 700);
        KeyHashTable integral = KeyHashTable.of(new ColumnVector[] {longs(build)}, build.length);
        assertInstanceOf(IntegralKeyTable.class, integral);
        assertTrue(Arrays.equals(members(build, probe),
                found(integral, new ColumnVector[] {longs(probe)}, probe.length)));

        String[] words = {"a", "é", "日本", null, "a", "", "b"};
        String[] probeWords = {"a", "", null, "日本", "c", "é", "日"};
        ColumnVector b = strings(words);
        ColumnVector p = strings(probeWords);
        KeyHashTable chained = KeyHashTable.of(new ColumnVector[] {b}, words.length);
        assertInstanceOf(ChainedKeyTable.class, chained);
        assertTrue(Arrays.equals(members(words, probeWords),
                found(chained, new ColumnVector[] {p}, probeWords.length)));
    }
}
