package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.physical.BroadcastExchangeExec;
import io.ember.dataframe.internal.physical.BroadcastHashJoinExec;
import io.ember.dataframe.internal.physical.PhysicalPlan;
import io.ember.dataframe.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side broadcast on its estimate that turns out far larger shuffles instead: the same answer
 * as plain Java, and no broadcast made. A hinted broadcast keeps failing early past the limit
 * ({@link BroadcastLimitTest}).
 */
@Timeout(120)
class BroadcastFallbackTest {
    private static final int ROWS = 200_000;
    @TempDir
    Path dir;
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.autoBroadcastJoinThreshold");
    }

    private static List<PhysicalPlan> find(PhysicalPlan p, Class<?> type, List<PhysicalPlan> out) {
        if (type.isInstance(p)) {
            out.add(p);
        }
        for (PhysicalPlan c : p.children()) {
            find(c, type, out);
        }
        return out;
    }

    private String skewedFile() {
        // 'color' has many distinct values, so "color = 'red'" is estimated to keep a handful of
        // rows, but 90% of the rows are red.
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(RowFactory.create((long) i, i % 10 == 0 ? "c" + i : "red", i % 30_000));
        }
        String file = dir.resolve("skewed.parquet").toString();
        spark.createDataFrame(rows, StructType.fromDDL("id BIGINT, color STRING, grp INT")).write().parquet(file);
        return file;
    }

    private DataFrame groupNames() {
        List<Row> groups = new ArrayList<>();
        for (int g = 0; g < 30_000; g += 3) {
            groups.add(RowFactory.create(g, "name of group " + g));
        }
        return spark.createDataFrame(groups, StructType.fromDDL("g INT, name STRING"));
    }

    private static long expectedJoinedRows() {
        long expected = 0;
        for (int i = 0; i < ROWS; i++) {
            if (i % 10 != 0 && (i % 30_000) % 3 == 0) {
                expected++;
            }
        }
        return expected;
    }

    @Test
    void aSideEstimatedSmallThatIsLarge_joinsByShufflingInstead_sameAnswer() {
        String file = skewedFile();
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "64k");
        DataFrame red = spark.read().parquet(file).filter(col("color").equalTo("red"));
        DataFrame q = groupNames().join(red, col("g").equalTo(col("grp")));
        assertTrue(q.explainString(false).contains("BuildRight"), "the red rows are planned as the broadcast side:\n"
                + q.explainString(false));

        QueryExecution execution = new QueryExecution(spark, q.plan());
        long joined = execution.collect().stream().mapToLong(b -> b.numRows).sum();
        assertEquals(expectedJoinedRows(), joined);
        List<PhysicalPlan> joins = find(execution.physical(), BroadcastHashJoinExec.class, new ArrayList<>());
        assertEquals(expectedJoinedRows(), joins.get(0).outputRows().get(), "the join's rows are still counted");
        for (PhysicalPlan exchange : find(execution.physical(), BroadcastExchangeExec.class, new ArrayList<>())) {
            assertTrue(exchange.outputRows().isEmpty(), "nothing was broadcast");
        }
    }

    @Test
    void aRuntimeFilterFromASideThatShufflesInstead_letsEveryRowThrough_sameAnswer() {
        String file = skewedFile();
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "64k");
        DataFrame red = spark.read().parquet(file).filter(col("color").equalTo("red"));
        // Grouping the names puts work under the join: the red side's keys would filter them there.
        DataFrame names = groupNames().groupBy(col("g")).agg(Functions.max(col("name")).as("name"));
        DataFrame q = names.join(red, col("g").equalTo(col("grp")));
        assertTrue(q.explainString(false).contains("RuntimeFilter [g#"), q.explainString(false));
        assertEquals(expectedJoinedRows(), q.count());
    }
}
