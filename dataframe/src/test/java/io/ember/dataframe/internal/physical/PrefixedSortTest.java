package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.ExternalBatchSorter;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorts through {@link RowOrdering}'s normalized prefixes ({@link SortPrefix}) checked against
 * plain Java sorting of the same rows: doubles with every special value, strings sharing long
 * prefixes and non-ASCII bytes, ints, nulls first and last, both directions, many batches.
 */
class PrefixedSortTest {
    private static final double[] SPECIAL = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0,
        0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5, -1.5};
    private static final String[] WORDS = {"", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\u00e9", "abcdefgg",
        "\u00e9t\u00e9", "zz", "Z", "abcdefgh\u0000"};
    private static final List<DataType> TYPES = List.of(DataTypes.DoubleType, DataTypes.StringType,
        DataTypes.IntegerType, DataTypes.LongType);

    @TempDir
    Path dir;

    /** One input row: the three keys (null allowed) and its input position. */
    private record In(Double d, String s, Integer i, long seq) {
    }

    private static List<In> rows(int n, long seed) {
        Random r = new Random(seed);
        List<In> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Double d = r.nextInt(10) == 0 ? null
                    : r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (double) r.nextInt(20) / 4;
            String s = r.nextInt(12) == 0 ? null : WORDS[r.nextInt(WORDS.length)];
            Integer i = r.nextInt(8) == 0 ? null : r.nextInt(7) - 3 + (r.nextInt(20) == 0 ? Integer.MIN_VALUE + 3 : 0);
            out.add(new In(d, s, i, k));
        }
        return out;
    }

    private static ColumnBatch batch(List<In> rows) {
        int n = rows.size();
        ColumnVector[] cols = new ColumnVector[TYPES.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVector.allocate(TYPES.get(c), n);
        }
        for (In in : rows) {
            cols[0].append(in.d());
            cols[1].append(in.s());
            cols[2].append(in.i());
            cols[3].appendLong(in.seq());
        }
        return new ColumnBatch(cols, n);
    }

    private static <T extends Comparable<T>> Comparator<In> key(java.util.function.Function<In, T> f,
                                                                  boolean ascending, boolean nullsFirst) {
        Comparator<T> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<T> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(f, withNulls);
    }

    /** Code point order of strings is UTF-8 unsigned byte order. */
    private static Comparator<In> utf8(boolean ascending, boolean nullsFirst) {
        Comparator<byte[]> bytes = java.util.Arrays::compareUnsigned;
        Comparator<byte[]> values = ascending ? bytes : bytes.reversed();
        Comparator<byte[]> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(in -> in.s() == null ? null : in.s().getBytes(StandardCharsets.UTF_8), withNulls);
    }

    private List<Long> sortWithEmber(List<In> input, List<SortOrder> order, int batchRows, int outRows) {
        BoundReference[] refs = {new BoundReference(0, DataTypes.DoubleType, true, "d"),
            new BoundReference(1, DataTypes.StringType, true, "s"),
            new BoundReference(2, DataTypes.IntegerType, true, "i")};
        List<SortOrder> bound = new ArrayList<>();
        Expression[] keys = new Expression[order.size()];
        for (int k = 0; k < order.size(); k++) {
            SortOrder o = order.get(k);
            keys[k] = refs[((BoundReference) o.child()).ordinal()];
            bound.add(o);
        }
        RowOrdering ordering = new RowOrdering(keys, bound);
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1L << 30, 0), 2);
        ExternalBatchSorter sorter = new ExternalBatchSorter(tm, "SortExec", ordering, TYPES, outRows,
                () -> {
                    throw new AssertionError("nothing should spill");
                }, 64);
        for (int from = 0; from < input.size(); from += batchRows) {
            sorter.insert(batch(input.subList(from, Math.min(input.size(), from + batchRows))));
        }
        List<Long> seqs = new ArrayList<>();
        Iterator<ColumnBatch> out = sorter.sortedBatches();
        while (out.hasNext()) {
            ColumnBatch b = out.next();
            assertTrue(b.numRows <= outRows);
            for (int r = 0; r < b.numRows; r++) {
                In in = input.get((int) b.column(3).longs[r]);
                assertEquals(in.d(), b.column(0).get(r), "d travels with its row");
                assertEquals(in.s(), b.column(1).get(r), "s travels with its row");
                assertEquals(in.i(), b.column(2).get(r), "i travels with its row");
                seqs.add(b.column(3).longs[r]);
            }
        }
        assertEquals(0, tm.used(), "memory given back");
        return seqs;
    }

    private static List<Long> sortWithJava(List<In> input, Comparator<In> order) {
        List<In> sorted = new ArrayList<>(input);
        sorted.sort(order); // List.sort is stable
        return sorted.stream().map(In::seq).toList();
    }

    private static BoundReference ref(int ordinal) {
        return new BoundReference(ordinal, DataTypes.NullType, true, "k" + ordinal);
    }

    @Test
    void doubleDescThenStringAsc_matchesJavaStableSort() {
        List<In> input = rows(5000, 1);
        List<SortOrder> order = List.of(new SortOrder(ref(0), false, false), new SortOrder(ref(1), true, true));
        Comparator<In> java = key(In::d, false, false).thenComparing(utf8(true, true));
        assertEquals(sortWithJava(input, java), sortWithEmber(input, order, 333, 1000));
    }

    @Test
    void stringFirstBothDirections_tiesBeyondEightBytesDecidedInFull() {
        List<In> input = rows(4000, 2);
        for (boolean asc : new boolean[] {true, false}) {
            List<SortOrder> order = List.of(new SortOrder(ref(1), asc, !asc), new SortOrder(ref(2), !asc, asc));
            Comparator<In> java = utf8(asc, !asc).thenComparing(key(In::i, !asc, asc));
            assertEquals(sortWithJava(input, java), sortWithEmber(input, order, 517, 4096), "ascending " + asc);
        }
    }

    @Test
    void intKeyNullsLastAndFirst_withExtremeValues_stableAmongEquals() {
        List<In> input = rows(3000, 3);
        for (boolean nullsFirst : new boolean[] {true, false}) {
            List<SortOrder> order = List.of(new SortOrder(ref(2), true, nullsFirst));
            assertEquals(sortWithJava(input, key(In::i, true, nullsFirst)), sortWithEmber(input, order, 100, 77),
                    "nulls first " + nullsFirst);
        }
    }

    /** Rows of {@link #rows} whose first two keys are not null, numbered again. */
    private static List<In> withoutNulls(List<In> rows) {
        List<In> out = new ArrayList<>();
        for (In in : rows) {
            if (in.d() != null && in.i() != null) {
                out.add(new In(in.d(), in.s(), in.i(), out.size()));
            }
        }
        return out;
    }

    @Test
    void exactFirstKey_secondKeyPrefixesDecideTies_thenTheRest() {
        List<In> input = withoutNulls(rows(6000, 4));
        List<SortOrder> order = List.of(new SortOrder(ref(2), false, true), new SortOrder(ref(0), true, false),
                new SortOrder(ref(1), false, true));
        Comparator<In> java = key(In::i, false, true).thenComparing(key(In::d, true, false))
                .thenComparing(utf8(false, true));
        assertEquals(sortWithJava(input, java), sortWithEmber(input, order, 250, 999));
        List<SortOrder> stringSecond = List.of(new SortOrder(ref(0), true, true), new SortOrder(ref(1), true, false));
        assertEquals(sortWithJava(input, key(In::d, true, true).thenComparing(utf8(true, false))),
                sortWithEmber(input, stringSecond, 250, 999));
    }

    @Test
    void doublePrefix_ordersAsDoubleCompare() {
        for (double a : SPECIAL) {
            for (double b : SPECIAL) {
                assertEquals(Integer.signum(Double.compare(a, b)),
                        Integer.signum(Long.compare(SortPrefix.doublePrefix(a), SortPrefix.doublePrefix(b))),
                        a + " vs " + b);
            }
        }
    }
}
