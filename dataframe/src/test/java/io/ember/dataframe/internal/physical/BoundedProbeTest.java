package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key repeated on both sides of a hash join comes out a bounded slice at a time, all of it. */
class BoundedProbeTest {
    private static final int BUILD_ROWS = 1_000;

    private static ColumnBatch longs(long[] values, boolean[] nulls) {
        return new ColumnBatch(new ColumnVector[] {ColumnVector.ofLongs(DataTypes.LongType, values, nulls, values.length)},
                values.length);
    }

    private static ColumnBatch build() {
        long[] keys = new long[BUILD_ROWS];
        Arrays.fill(keys, 7);
        return longs(keys, new boolean[BUILD_ROWS]);
    }

    /** Every build row has key 7; stream rows have keys 7, 3 (no match), null, 7, 3, null, ... */
    private static ColumnBatch stream(int n) {
        long[] keys = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i % 3 == 1 ? 3 : 7;
            nulls[i] = i % 3 == 2;
        }
        return longs(keys, nulls);
    }

    private static List<ColumnBatch> run(ColumnBatch stream, ColumnBatch build, JoinType type, int maxPairs) {
        KeyHashTable table = KeyHashTable.of(new ColumnVector[] {build.column(0)}, build.numRows);
        BoundedProbe probe = new BoundedProbe(table, stream, new ColumnVector[] {stream.column(0)}, maxPairs,
                (slice, pairs) -> JoinCore.join(slice, build, pairs.first, pairs.second, pairs.size, type, null));
        List<ColumnBatch> out = new ArrayList<>();
        probe.forEachRemaining(out::add);
        return out;
    }

    @Test
    void innerJoinOfARepeatedKeyComesOutOneBoundedBatchAtATime() {
        ColumnBatch stream = stream(30);
        List<ColumnBatch> out = run(stream, build(), JoinType.INNER, 2_500);
        long matching = 10; // rows 0, 3, ..., 27 have key 7
        assertEquals(matching * BUILD_ROWS, out.stream().mapToLong(b -> b.numRows).sum());
        for (ColumnBatch b : out) {
            // A slice ends with the row whose matches reach the bound: at most one row's matches beyond it.
            assertTrue(b.numRows <= 2_500 + BUILD_ROWS, "batch of " + b.numRows);
            for (int r = 0; r < b.numRows; r++) {
                assertEquals(7, b.column(0).longs[r]);
                assertEquals(7, b.column(1).longs[r]);
            }
        }
        assertEquals(4, out.size());
    }

    @Test
    void leftOuterJoinKeepsEveryUnmatchedStreamRowOnceAcrossSlices() {
        ColumnBatch stream = stream(30);
        List<ColumnBatch> out = run(stream, build(), JoinType.LEFT_OUTER, 1_000);
        long padded = 0;
        long total = 0;
        for (ColumnBatch b : out) {
            total += b.numRows;
            for (int r = 0; r < b.numRows; r++) {
                padded += b.column(1).isNull(r) ? 1 : 0;
            }
        }
        assertEquals(20, padded); // the 10 rows of key 3 and the 10 null keys
        assertEquals(10L * BUILD_ROWS + 20, total);
    }

    @Test
    void antiJoinDecidesPerStreamRowWhateverTheSlices() {
        List<ColumnBatch> out = run(stream(30), build(), JoinType.LEFT_ANTI, 1);
        assertEquals(20, out.stream().mapToLong(b -> b.numRows).sum());
    }

    @Test
    void aStreamBatchWithoutMatchesGivesNothing() {
        long[] keys = {1, 2, 3};
        List<ColumnBatch> out = run(longs(keys, new boolean[3]), build(), JoinType.INNER, 10);
        assertEquals(List.of(), out);
    }
}
