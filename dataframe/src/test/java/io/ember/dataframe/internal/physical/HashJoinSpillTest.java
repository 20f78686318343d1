package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every join type of the shuffled hash join, with and without a residual condition, on a build
 * side far larger than a tiny memory region (so it becomes a grace hash join, partitioned twice)
 * and on a large region (in memory), each compared with a nested loop over the same rows in plain
 * Java.
 */
@Timeout(60)
class HashJoinSpillTest {
    private static final int LEFT_ROWS = 5000;
    private static final int RIGHT_ROWS = 6000;
    private static final long TINY = 32 * 1024;
    private static final long AMPLE = 64L << 20;
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType);

    private static Long leftKey(int i) {
        return i % 97 == 0 ? null : (long) (i % 1500);
    }

    private static Long rightKey(int i) {
        return i % 89 == 0 ? null : (long) ((i * 7) % 2000 + 500);
    }

    private static long leftValue(int i) {
        return i;
    }

    private static long rightValue(int i) {
        return (i * 13L) % 7000;
    }

    private static List<ColumnBatch> side(boolean left) {
        int n = left ? LEFT_ROWS : RIGHT_ROWS;
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < n; from += 1000) {
            int m = Math.min(1000, n - from);
            long[] keys = new long[m];
            boolean[] nulls = new boolean[m];
            long[] values = new long[m];
            for (int r = 0; r < m; r++) {
                Long k = left ? leftKey(from + r) : rightKey(from + r);
                nulls[r] = k == null;
                keys[r] = k == null ? 0 : k;
                values[r] = left ? leftValue(from + r) : rightValue(from + r);
            }
            out.add(new ColumnBatch(new ColumnVector[] {
                ColumnVector.ofLongs(DataTypes.LongType, keys, nulls, m),
                ColumnVector.ofLongs(DataTypes.LongType, values, null, m)}, m));
        }
        return out;
    }

    /** The join by nested loop: every left row against every right row. */
    private static List<String> nestedLoop(JoinType type, boolean condition) {
        boolean[] leftMatched = new boolean[LEFT_ROWS];
        boolean[] rightMatched = new boolean[RIGHT_ROWS];
        List<String> out = new ArrayList<>();
        for (int i = 0; i < LEFT_ROWS; i++) {
            for (int j = 0; j < RIGHT_ROWS; j++) {
                Long lk = leftKey(i);
                Long rk = rightKey(j);
                boolean match = lk != null && lk.equals(rk) && (!condition || leftValue(i) < rightValue(j));
                if (match) {
                    leftMatched[i] = true;
                    rightMatched[j] = true;
                    if (type != JoinType.LEFT_SEMI && type != JoinType.LEFT_ANTI) {
                        out.add(lk + "," + leftValue(i) + "," + rk + "," + rightValue(j));
                    }
                }
            }
        }
        boolean keepLeft = type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER;
        boolean keepRight = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
        for (int i = 0; i < LEFT_ROWS; i++) {
            if (type == JoinType.LEFT_SEMI && leftMatched[i] || type == JoinType.LEFT_ANTI && !leftMatched[i]) {
                out.add(leftKey(i) + "," + leftValue(i));
            } else if (keepLeft && !leftMatched[i]) {
                out.add(leftKey(i) + "," + leftValue(i) + ",null,null");
            }
        }
        for (int j = 0; j < RIGHT_ROWS; j++) {
            if (keepRight && !rightMatched[j]) {
                out.add("null,null," + rightKey(j) + "," + rightValue(j));
            }
        }
        out.sort(null);
        return out;
    }

    private static TinyMemoryTask.Outcome hashJoin(JoinType type, boolean buildRight, boolean condition, long region) {
        Expression key = new BoundReference(0, DataTypes.LongType, true, "k");
        Expression residual = condition ? new Comparison(CmpOp.LT, new BoundReference(1, DataTypes.LongType, false, "lv"),
                new BoundReference(3, DataTypes.LongType, false, "rv")) : null;
        HashJoiner.Spec spec = new HashJoiner.Spec(new Expression[] {key}, new Expression[] {key}, type, buildRight,
                residual, TYPES, TYPES, 700);
        List<ColumnBatch> build = side(!buildRight);
        List<ColumnBatch> stream = side(buildRight);
        return TinyMemoryTask.run(region, memory -> new HashJoiner(spec, memory, 0, build.iterator(), stream.iterator()));
    }

    @Test
    void oneKeyWithMoreRowsThanMemoryFailsNamingTheOperatorAndSettings() {
        Expression key = new BoundReference(0, DataTypes.LongType, true, "k");
        HashJoiner.Spec spec = new HashJoiner.Spec(new Expression[] {key}, new Expression[] {key}, JoinType.INNER, true,
                null, TYPES, TYPES, 700);
        List<ColumnBatch> skewed = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            long[] ones = new long[1000];
            java.util.Arrays.fill(ones, 1);
            ColumnVector k = ColumnVector.ofLongs(DataTypes.LongType, ones, null, 1000);
            skewed.add(new ColumnBatch(new ColumnVector[] {k, k}, 1000));
        }
        List<ColumnBatch> stream = side(true);
        Exception e = assertThrows(Exception.class, () -> TinyMemoryTask.run(TINY,
                memory -> new HashJoiner(spec, memory, 0, skewed.iterator(), stream.iterator())));
        assertTrue(e.getMessage().contains("ShuffledHashJoinExec") && e.getMessage().contains("ember.memory.fraction"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} build {1} condition {2}")
    @CsvSource({
        "INNER, right, false", "INNER, right, true", "INNER, left, false", "INNER, left, true",
        "LEFT_OUTER, right, false", "LEFT_OUTER, right, true", "LEFT_OUTER, left, true",
        "RIGHT_OUTER, left, false", "RIGHT_OUTER, left, true", "RIGHT_OUTER, right, true",
        "FULL_OUTER, right, false", "FULL_OUTER, right, true", "FULL_OUTER, left, true",
        "LEFT_SEMI, right, false", "LEFT_SEMI, right, true",
        "LEFT_ANTI, right, false", "LEFT_ANTI, right, true"})
    void everyJoinTypeOnASpilledBuildSideMatchesANestedLoop(JoinType type, String build, boolean condition) {
        List<String> expected = nestedLoop(type, condition);
        TinyMemoryTask.Outcome spilled = hashJoin(type, build.equals("right"), condition, TINY);
        assertTrue(spilled.diskBytesSpilled() > 0, "the build side should have gone to disk");
        assertEquals(expected.size(), spilled.rows().size());
        assertEquals(expected, spilled.rows());
        TinyMemoryTask.Outcome inMemory = hashJoin(type, build.equals("right"), condition, AMPLE);
        assertEquals(0, inMemory.diskBytesSpilled());
        assertEquals(expected, inMemory.rows());
    }
}
