package io.ember.dataframe.internal.window;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.lag;
import static io.ember.dataframe.Functions.max;
import static io.ember.dataframe.Functions.row_number;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.Window;
import io.ember.dataframe.WindowSpec;
import io.ember.dataframe.internal.sql.SqlTestSession;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window results over generated, skewed data (one partition holds most rows; batches of 64 rows,
 * so partitions span many batches) checked against the same frames computed row by row in plain
 * Java.
 */
class WindowCrossCheckTest {
    private static final int ROWS = 5_000;
    private static EmberSession spark;
    private static DataFrame data;
    /** key -> rows of that key, sorted by seq (unique), as {seq, value (nullable)}. */
    private static final Map<Integer, List<Integer[]>> BY_KEY = new HashMap<>();

    @BeforeAll
    static void generate() {
        spark = SqlTestSession.get();
        spark.conf().set("ember.sql.columnBatchSize", 64);
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int seq = 0; seq < ROWS; seq++) {
            int key = random.nextInt(10) < 7 ? 0 : random.nextInt(20);
            Integer value = random.nextInt(10) == 0 ? null : random.nextInt(1000) - 500;
            rows.add(Row.of(key, seq, value));
            BY_KEY.computeIfAbsent(key, k -> new ArrayList<>()).add(new Integer[] {seq, value});
        }
        BY_KEY.values().forEach(l -> l.sort(Comparator.comparing(r -> r[0])));
        data = spark.createDataFrame(rows, StructType.fromDDL("k INT, seq INT, v INT")).repartition(4);
    }

    @AfterAll
    static void reset() {
        spark.conf().unset("ember.sql.columnBatchSize");
    }

    /** Window column {@code w} per seq. */
    private static Map<Integer, Object> computed(io.ember.dataframe.Column w) {
        Map<Integer, Object> out = new HashMap<>();
        for (Row r : data.select(col("seq"), w.as("w")).collectAsList()) {
            out.put(r.getInt(0), r.get(1));
        }
        return out;
    }

    /** The sum of v over rows [i + start, i + end] of each key's sequence, null if no non-null value. */
    private static Map<Integer, Object> expectedRowsSum(long start, long end) {
        Map<Integer, Object> out = new HashMap<>();
        for (List<Integer[]> rows : BY_KEY.values()) {
            for (int i = 0; i < rows.size(); i++) {
                long from = start == Long.MIN_VALUE ? 0 : Math.max(0, i + start);
                long to = end == Long.MAX_VALUE ? rows.size() - 1 : Math.min(rows.size() - 1, i + end);
                Long sum = null;
                for (long j = from; j <= to; j++) {
                    Integer v = rows.get((int) j)[1];
                    if (v != null) {
                        sum = (sum == null ? 0 : sum) + v;
                    }
                }
                out.put(rows.get(i)[0], sum);
            }
        }
        return out;
    }

    @Test
    void rowsFrames_matchBruteForce() {
        WindowSpec w = Window.partitionBy("k").orderBy("seq");
        long[][] frames = {{Long.MIN_VALUE, 0}, {-3, 1}, {0, Long.MAX_VALUE}, {2, 5}, {-5, -1}, {Long.MIN_VALUE, Long.MAX_VALUE}};
        for (long[] f : frames) {
            assertEquals(expectedRowsSum(f[0], f[1]), computed(sum("v").over(w.rowsBetween(f[0], f[1]))),
                    "ROWS BETWEEN " + f[0] + " AND " + f[1]);
        }
    }

    @Test
    void rangeFrame_matchesBruteForce() {
        Map<Integer, Object> expected = new HashMap<>();
        for (List<Integer[]> rows : BY_KEY.values()) {
            for (Integer[] r : rows) {
                Integer best = null;
                for (Integer[] o : rows) {
                    if (o[0] >= r[0] - 40 && o[0] <= r[0] + 10 && o[1] != null && (best == null || o[1] > best)) {
                        best = o[1];
                    }
                }
                expected.put(r[0], best);
            }
        }
        assertEquals(expected, computed(max("v").over(Window.partitionBy("k").orderBy("seq").rangeBetween(-40, 10))));
    }

    @Test
    void descendingRangeFrame_matchesBruteForce() {
        // Descending: 7 PRECEDING reaches 7 above the current seq, 25 FOLLOWING 25 below it.
        Map<Integer, Object> expected = new HashMap<>();
        for (List<Integer[]> rows : BY_KEY.values()) {
            for (Integer[] r : rows) {
                Long total = null;
                for (Integer[] o : rows) {
                    if (o[0] >= r[0] - 25 && o[0] <= r[0] + 7 && o[1] != null) {
                        total = (total == null ? 0 : total) + o[1];
                    }
                }
                expected.put(r[0], total);
            }
        }
        assertEquals(expected, computed(sum("v").over(Window.partitionBy("k").orderBy(col("seq").desc())
                .rangeBetween(-7, 25))));
    }

    @Test
    void rowNumberAndLag_matchBruteForce() {
        Map<Integer, Object> rn = new HashMap<>();
        Map<Integer, Object> prev = new HashMap<>();
        for (List<Integer[]> rows : BY_KEY.values()) {
            for (int i = 0; i < rows.size(); i++) {
                rn.put(rows.get(i)[0], i + 1);
                prev.put(rows.get(i)[0], i == 0 ? null : rows.get(i - 1)[1]);
            }
        }
        WindowSpec w = Window.partitionBy("k").orderBy("seq");
        assertEquals(rn, computed(row_number().over(w)));
        assertEquals(prev, computed(lag("v", 1).over(w)));
    }
}
