package io.ember.dataframe.internal.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch hashing gives every row the hash {@link ColumnVector#hash} gives it (a hash join may hash
 * its build side one way and its probe side the other), for every layout, with and without nulls,
 * and for strings of a dictionary both when the dictionary is smaller than the batch and when not.
 */
class VectorHashesTest {
    private static final int N = 300;

    private static int[] rowAtATime(ColumnVector v, int[] start) {
        int[] acc = start.clone();
        for (int i = 0; i < acc.length; i++) {
            acc[i] = 31 * acc[i] + v.hash(i);
        }
        return acc;
    }

    private static void assertSameAsRowAtATime(ColumnVector v) {
        int[] start = new Random(7).ints(N).toArray();
        int[] batch = start.clone();
        VectorHashes.accumulate(v, batch, N);
        assertArrayEquals(rowAtATime(v, start), batch, v.type.typeName());
    }

    private static boolean[] someNulls(boolean any) {
        if (!any) {
            return null;
        }
        boolean[] nulls = new boolean[N];
        for (int i = 0; i < N; i += 7) {
            nulls[i] = true;
        }
        return nulls;
    }

    @Test
    void primitiveLayouts_withAndWithoutNulls() {
        Random r = new Random(1);
        for (boolean withNulls : new boolean[] {false, true}) {
            assertSameAsRowAtATime(ColumnVector.ofInts(DataTypes.IntegerType, r.ints(N).toArray(), someNulls(withNulls), N));
            assertSameAsRowAtATime(ColumnVector.ofLongs(DataTypes.LongType, r.longs(N).toArray(), someNulls(withNulls), N));
            assertSameAsRowAtATime(ColumnVector.ofDoubles(DataTypes.DoubleType, r.doubles(N).toArray(), someNulls(withNulls), N));
            long[] unscaled = r.longs(N, -999_999_999_999L, 999_999_999_999L).toArray();
            assertSameAsRowAtATime(ColumnVector.ofUnscaledDecimals(new DecimalType(15, 2), unscaled, someNulls(withNulls), N));
        }
    }

    @Test
    void strings_plainAndDictionary_multiByte() {
        List<String> words = List.of("", "a", "é", "straße", "日本語", "PROMO BURNISHED", "x".repeat(37));
        ColumnVector plain = ColumnVector.allocate(DataTypes.StringType, N);
        for (int i = 0; i < N; i++) {
            plain.append(i % 11 == 0 ? null : words.get(i % words.size()));
        }
        assertSameAsRowAtATime(plain);

        ColumnVector dictionary = ColumnVector.allocate(DataTypes.StringType, words.size());
        words.forEach(dictionary::append);
        int[] ids = new int[N];
        for (int i = 0; i < N; i++) {
            ids[i] = (i * 5) % words.size();
        }
        for (boolean withNulls : new boolean[] {false, true}) {
            ColumnVector small = ColumnVector.ofDictionary(dictionary, ids, someNulls(withNulls), N);
            assertSameAsRowAtATime(small);
            // A dictionary larger than the batch: rows hash their bytes.
            ColumnVector few = ColumnVector.ofDictionary(dictionary, Arrays.copyOf(ids, 3), null, 3);
            int[] batch = new int[3];
            VectorHashes.accumulate(few, batch, 3);
            assertArrayEquals(rowAtATime(few, new int[3]), batch);
        }
        // Equal strings hash equally whichever layout holds them.
        assertEquals(plain.hash(3), ColumnVector.constant(DataTypes.StringType, plain.get(3).toString(), 1).hash(0));
    }

    @Test
    void decimalsOfOtherLayouts_hashAsTheirValue() {
        ColumnVector compact = ColumnVector.ofUnscaledDecimals(new DecimalType(10, 2), new long[] {12345}, null, 1);
        ColumnVector wide = ColumnVector.ofObjects(new DecimalType(38, 2), new Object[] {new BigDecimal("123.45")}, 1);
        int[] a = new int[1];
        int[] b = new int[1];
        VectorHashes.accumulate(compact, a, 1);
        VectorHashes.accumulate(wide, b, 1);
        assertEquals(a[0], b[0]);
        assertNotEquals(0, a[0]);
    }
}
