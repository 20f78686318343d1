package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Sort-merge joins where one key has many more rows than a batch on both sides (joined apart, the
 * right side's rows of the key in a spillable buffer, the left's streamed), every join type with
 * and without a residual condition, checked against nested loops in plain Java; and the same joins
 * as shuffled hash joins, which build the smaller (left) side except for semi and anti joins.
 */
@Timeout(120)
class SortMergeJoinSkewTest {
    private static final StructType LEFT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("k", DataTypes.IntegerType, true),
            DataTypes.createStructField("a", DataTypes.IntegerType, false)));
    private static final StructType RIGHT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("k2", DataTypes.IntegerType, true),
            DataTypes.createStructField("b", DataTypes.IntegerType, false)));

    @AfterEach
    void restore() {
        EmberSession s = TestSession.get();
        s.conf().unset("ember.sql.columnBatchSize");
        s.conf().unset("ember.sql.join.preferSortMergeJoin");
        s.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
    }

    /** Key 7 has {@code skew} rows, keys 0..29 a few, and some keys are null. */
    private static List<Row> side(int skew, long seed, int valueBase) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        int v = valueBase;
        for (int i = 0; i < skew; i++) {
            rows.add(Row.of(7, v++));
        }
        for (int i = 0; i < 120; i++) {
            rows.add(Row.of(r.nextInt(12) == 0 ? null : r.nextInt(30), v++));
        }
        return rows;
    }

    private static boolean residual(Row l, Row r) {
        return (l.getInt(1) + r.getInt(1)) % 3 != 0;
    }

    private static String show(Object... values) {
        List<String> out = new ArrayList<>();
        for (Object o : values) {
            out.add(String.valueOf(o));
        }
        return String.join(",", out);
    }

    private static List<String> expected(List<Row> left, List<Row> right, String type, boolean withResidual) {
        List<String> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Row l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Row r = right.get(j);
                if (l.get(0) != null && Objects.equals(l.get(0), r.get(0)) && (!withResidual || residual(l, r))) {
                    matched = true;
                    rightMatched[j] = true;
                    if (!type.equals("left_semi") && !type.equals("left_anti")) {
                        out.add(show(l.get(0), l.get(1), r.get(0), r.get(1)));
                    }
                }
            }
            if (type.equals("left_semi") && matched || type.equals("left_anti") && !matched) {
                out.add(show(l.get(0), l.get(1)));
            }
            if (!matched && (type.equals("left") || type.equals("full"))) {
                out.add(show(l.get(0), l.get(1), null, null));
            }
        }
        if (type.equals("right") || type.equals("full")) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(show(null, null, right.get(j).get(0), right.get(j).get(1)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SortMergeJoin", "ShuffledHashJoin"})
    void skewedKeyOnBothSides_everyJoinType_matchesNestedLoops(String strategy) {
        EmberSession s = TestSession.get();
        s.conf().set("ember.sql.join.preferSortMergeJoin", strategy.equals("SortMergeJoin"));
        s.conf().set("ember.sql.columnBatchSize", "64");
        s.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        List<Row> leftRows = side(300, 1, 0);
        List<Row> rightRows = side(450, 2, 10_000);
        DataFrame left = s.createDataFrame(leftRows, LEFT);
        DataFrame right = s.createDataFrame(rightRows, RIGHT);
        for (boolean withResidual : new boolean[] {false, true}) {
            Column on = col("k").equalTo(col("k2"));
            if (withResidual) {
                on = on.and(col("a").plus(col("b")).mod(3).notEqual(0));
            }
            for (String type : List.of("inner", "left", "right", "full", "left_semi", "left_anti")) {
                DataFrame joined = left.join(right, on, type);
                String plan = joined.explainString(false);
                assertTrue(plan.contains(strategy), plan);
                if (strategy.equals("ShuffledHashJoin")) {
                    boolean semi = type.equals("left_semi") || type.equals("left_anti");
                    assertTrue(plan.contains(semi ? "BuildRight" : "BuildLeft"), plan);
                }
                List<String> actual = new ArrayList<>();
                for (Row r : joined.collectAsList()) {
                    Object[] values = new Object[r.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.get(i);
                    }
                    actual.add(show(values));
                }
                actual.sort(null);
                assertEquals(expected(leftRows, rightRows, type, withResidual), actual,
                        type + (withResidual ? " with residual" : ""));
            }
        }
    }
}
