package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed-long sort of whole-number keys against a plain Java stable sort of the same rows
 * (boxed values, nulls placed by hand): one and several keys, ascending and descending, nulls
 * first and last, negative values, ties kept in row order; and the keys it must leave to the
 * comparator sort.
 */
class PackedSortKeysTest {
    private static final int N = 2_000;

    @Test
    void randomKeys_sortAsPlainJavaDoes_inEveryDirectionAndNullOrder() {
        Random random = new Random(12);
        for (int round = 0; round < 40; round++) {
            int[] ints = new int[N];
            long[] longs = new long[N];
            long[] decimals = new long[N];
            boolean[] intNulls = new boolean[N];
            boolean[] longNulls = new boolean[N];
            for (int i = 0; i < N; i++) {
                ints[i] = random.nextInt(50) - 25;
                longs[i] = random.nextInt(1_000_000) - 3_000_000_000L;
                decimals[i] = random.nextInt(7);
                intNulls[i] = random.nextInt(10) == 0;
                longNulls[i] = round % 2 == 0 && random.nextInt(7) == 0;
            }
            ColumnVector[] keys = {
                ColumnVector.ofInts(DataTypes.DateType, ints, intNulls, N),
                ColumnVector.ofLongs(DataTypes.LongType, longs, round % 2 == 0 ? longNulls : null, N),
                ColumnVector.ofUnscaledDecimals(new DecimalType(12, 2), decimals, null, N)};
            boolean[] ascending = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
            boolean[] nullsFirst = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
            int used = 1 + round % 3;
            ColumnVector[] some = java.util.Arrays.copyOf(keys, used);
            assertArrayEquals(plainJava(some, ascending, nullsFirst), PackedSortKeys.sortedIndex(some, N, ascending,
                    nullsFirst), "round " + round);
        }
    }

    @Test
    void keysSpanningTheLongRange_orStrings_areLeftToTheComparator() {
        long[] wide = {Long.MIN_VALUE, Long.MAX_VALUE, 0};
        assertNull(PackedSortKeys.sortedIndex(new ColumnVector[] {ColumnVector.ofLongs(DataTypes.LongType, wide, null, 3)},
                3, new boolean[] {true}, new boolean[] {true}));
        ColumnVector strings = ColumnVector.allocate(DataTypes.StringType, 2);
        strings.appendString("b");
        strings.appendString("a");
        assertNull(PackedSortKeys.sortedIndex(new ColumnVector[] {strings}, 2, new boolean[] {true},
                new boolean[] {true}));
    }

    @Test
    void twoKeysOf32BitsEach_withTheRowIndex_doNotFit() {
        long[] a = {0, 1L << 31, 5};
        long[] b = {0, 1L << 31, 7};
        ColumnVector[] keys = {ColumnVector.ofLongs(DataTypes.LongType, a, null, 3),
            ColumnVector.ofLongs(DataTypes.LongType, b, null, 3)};
        assertNull(PackedSortKeys.sortedIndex(keys, 3, new boolean[] {true, true}, new boolean[] {true, true}));
    }

    /** The stable order of plain Java's List.sort over boxed values, nulls placed as asked. */
    private static int[] plainJava(ColumnVector[] keys, boolean[] ascending, boolean[] nullsFirst) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(i);
        }
        Comparator<Integer> order = (x, y) -> 0;
        for (int k = 0; k < keys.length; k++) {
            ColumnVector v = keys[k];
            Comparator<Long> values = ascending[k] ? Comparator.naturalOrder() : Comparator.reverseOrder();
            Comparator<Long> withNulls = nullsFirst[k] ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            order = order.thenComparing(i -> v.isNull(i) ? null : v.kind == ColumnVector.INT ? (long) v.ints[i]
                    : v.longs[i], withNulls);
        }
        rows.sort(order);
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
