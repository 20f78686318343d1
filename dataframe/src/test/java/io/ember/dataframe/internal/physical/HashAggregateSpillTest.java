package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two phases of hash aggregation (sum, count, min of a nullable long by a nullable long or
 * string key) chained in one task on memory regions from tiny (the final phase spills, and its
 * partitions spill again) to ample, each compared with a map computed in plain Java.
 */
@Timeout(60)
class HashAggregateSpillTest {
    private static final int ROWS = 60_000;
    private static final AggFn[] FNS = {AggFn.SUM, AggFn.COUNT, AggFn.MIN};

    private static Object key(int i, boolean strings) {
        if (i % 997 == 0) {
            return null;
        }
        long k = (i * 7919L) % 20_011;
        return strings ? "key-" + k : (Object) k;
    }

    private static Long value(int i) {
        return i % 13 == 0 ? null : (long) (i % 1000 - 300);
    }

    private static List<ColumnBatch> input(boolean strings) {
        DataType keyType = strings ? DataTypes.StringType : DataTypes.LongType;
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < ROWS; from += 1024) {
            int m = Math.min(1024, ROWS - from);
            ColumnVector keys = ColumnVector.allocate(keyType, m);
            ColumnVector values = ColumnVector.allocate(DataTypes.LongType, m);
            for (int r = 0; r < m; r++) {
                keys.append(key(from + r, strings));
                values.append(value(from + r));
            }
            out.add(new ColumnBatch(new ColumnVector[] {keys, values}, m));
        }
        return out;
    }

    /** "key,sum,count,min" per group, by a TreeMap in plain Java. */
    private static List<String> expected(boolean strings) {
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, Boolean> anyValue = new TreeMap<>();
        for (int i = 0; i < ROWS; i++) {
            String k = String.valueOf(key(i, strings));
            long[] g = groups.computeIfAbsent(k, x -> new long[] {0, 0, Long.MAX_VALUE});
            anyValue.putIfAbsent(k, false);
            Long v = value(i);
            if (v != null) {
                g[0] += v;
                g[1]++;
                g[2] = Math.min(g[2], v);
                anyValue.put(k, true);
            }
        }
        List<String> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(anyValue.get(k) ? k + "," + g[0] + "," + g[1] + "," + g[2]
                : k + ",null,0,null"));
        out.sort(null);
        return out;
    }

    private static HashAggregateExec.Spec spec(HashAggregateExec.Mode mode, DataType keyType) {
        int k = FNS.length;
        DataType[] types = new DataType[k];
        boolean[] flags = new boolean[k];
        int[] offsets = new int[k];
        Expression[] inputs = new Expression[k];
        int offset = 1;
        for (int i = 0; i < k; i++) {
            types[i] = DataTypes.LongType;
            offsets[i] = offset;
            offset += AggState.create(FNS[i], DataTypes.LongType, DataTypes.LongType, false, false).bufferTypes().size();
            inputs[i] = new BoundReference(1, DataTypes.LongType, true, "v");
        }
        Expression key = new BoundReference(0, keyType, true, "k");
        Expression[] results = {key, new BoundReference(1, DataTypes.LongType, true, "sum"),
            new BoundReference(2, DataTypes.LongType, false, "count"), new BoundReference(3, DataTypes.LongType, true, "min")};
        boolean partial = mode == HashAggregateExec.Mode.PARTIAL;
        return new HashAggregateExec.Spec(mode, new Expression[] {key}, List.of(keyType), FNS, partial ? inputs : new Expression[k],
                types, types, flags, flags, offsets, partial ? null : results, 1000);
    }

    private static TinyMemoryTask.Outcome aggregate(boolean strings, long region) {
        DataType keyType = strings ? DataTypes.StringType : DataTypes.LongType;
        HashAggregateExec.Spec partial = spec(HashAggregateExec.Mode.PARTIAL, keyType);
        HashAggregateExec.Spec fin = spec(HashAggregateExec.Mode.FINAL, keyType);
        List<ColumnBatch> rows = input(strings);
        return TinyMemoryTask.run(region, memory -> new HashAggregator(fin, memory, 0,
                new HashAggregator(partial, memory, 0, rows.iterator())));
    }

    @ParameterizedTest(name = "string keys {0}")
    @ValueSource(booleans = {false, true})
    void spillingAtEveryLevelStillGivesEveryGroupOnce(boolean strings) {
        List<String> expected = expected(strings);
        for (long region : new long[] {768 * 1024, 2048 * 1024}) {
            TinyMemoryTask.Outcome spilled = aggregate(strings, region);
            assertTrue(spilled.diskBytesSpilled() > 0, "the final phase should have spilled in " + region + " bytes");
            assertEquals(expected.size(), spilled.rows().size());
            assertEquals(expected, spilled.rows());
        }
        TinyMemoryTask.Outcome inMemory = aggregate(strings, 64L << 20);
        assertEquals(0, inMemory.diskBytesSpilled());
        assertEquals(expected, inMemory.rows());
    }

    @Test
    void partialPhasePassesRowsThroughWhenItDoesNotReduce() {
        int n = (int) HashAggregator.PASS_THROUGH_MIN_ROWS + 50_000;
        List<ColumnBatch> rows = new ArrayList<>();
        for (int from = 0; from < n; from += 4096) {
            int m = Math.min(4096, n - from);
            long[] keys = new long[m];
            long[] values = new long[m];
            for (int r = 0; r < m; r++) {
                keys[r] = from + r;
                values[r] = 2L * (from + r);
            }
            rows.add(new ColumnBatch(new ColumnVector[] {ColumnVector.ofLongs(DataTypes.LongType, keys, null, m),
                ColumnVector.ofLongs(DataTypes.LongType, values, null, m)}, m));
        }
        HashAggregateExec.Spec partial = spec(HashAggregateExec.Mode.PARTIAL, DataTypes.LongType);
        HashAggregateExec.Spec fin = spec(HashAggregateExec.Mode.FINAL, DataTypes.LongType);
        TinyMemoryTask.Outcome out = TinyMemoryTask.run(64L << 20, memory -> {
            HashAggregator partialPhase = new HashAggregator(partial, memory, 0, rows.iterator());
            Iterator<ColumnBatch> results = new HashAggregator(fin, memory, 0, partialPhase);
            List<ColumnBatch> all = new ArrayList<>();
            results.forEachRemaining(all::add);
            if (!partialPhase.passingThrough()) {
                throw new AssertionError("the partial phase kept aggregating distinct keys");
            }
            return all.iterator();
        });
        assertEquals(n, out.rows().size());
        long checksum = 0;
        for (String row : out.rows()) {
            String[] f = row.split(",");
            long k = Long.parseLong(f[0]);
            assertEquals(List.of(2 * k, 1L, 2 * k), List.of(Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3])));
            checksum += k;
        }
        assertEquals((long) n * (n - 1) / 2, checksum);
    }

    @Test
    void aBatchThatCannotGetMemoryFailsNamingTheOperatorAndSettings() {
        HashAggregateExec.Spec partial = spec(HashAggregateExec.Mode.PARTIAL, DataTypes.LongType);
        List<ColumnBatch> rows = input(false);
        Exception e = assertThrows(Exception.class, () -> TinyMemoryTask.run(1024, memory ->
                new HashAggregator(partial, memory, 0, rows.iterator())));
        String message = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        assertTrue(message.contains("HashAggregateExec") && message.contains("ember.memory.fraction"), message);
    }
}
