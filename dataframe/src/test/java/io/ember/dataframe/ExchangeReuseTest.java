package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.io.ParquetMetrics;
import io.ember.dataframe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code WITH} query read twice is aggregated once: both readers share its exchange (shown as
 * {@code ReusedExchange}), so its input is read once. Answers are checked against plain Java.
 */
@Timeout(120)
class ExchangeReuseTest {
    private static final int ROWS = 50_000;
    @TempDir
    static Path dir;
    /** supp, amount. */
    private static final List<Object[]> SALES = new ArrayList<>();
    private final EmberSession spark = TestSession.get();

    @BeforeAll
    static void data() {
        for (int i = 0; i < ROWS; i++) {
            SALES.add(new Object[] {(int) ((i * 7919L) % 500), (long) (i % 977)});
        }
    }

    private void sales() {
        Path file = dir.resolve("sales.parquet");
        if (!Files.exists(file)) {
            List<Row> rows = new ArrayList<>();
            for (Object[] r : SALES) {
                rows.add(RowFactory.create(r));
            }
            spark.createDataFrame(rows, StructType.fromDDL("supp INT, amount BIGINT")).repartition(2)
                    .write().parquet(file.toString());
        }
        spark.read().parquet(file.toString()).createOrReplaceTempView("sales");
    }

    /** The suppliers whose total is the largest, as the query below finds them, in plain Java. */
    private static Map<Integer, Long> topSuppliers() {
        Map<Integer, Long> totals = new TreeMap<>();
        for (Object[] s : SALES) {
            if ((Long) s[1] >= 100) {
                totals.merge((Integer) s[0], (Long) s[1], Long::sum);
            }
        }
        long max = totals.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        Map<Integer, Long> out = new TreeMap<>();
        totals.forEach((k, v) -> {
            if (v == max) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void aWithQueryReadTwice_isAggregatedOnce_sameAnswer() {
        sales();
        DataFrame q = spark.sql("with totals as (select supp, sum(amount) as total from sales where amount >= 100 "
                + "group by supp) select supp, total from totals where total = (select max(total) from totals)");
        String plan = q.explainString(false);
        assertTrue(plan.contains("ReusedExchange"), "the second reader reuses the first's exchange:\n" + plan);
        ParquetMetrics metrics = ParquetMetrics.of(spark.context());
        metrics.reset();
        Map<Integer, Long> actual = new TreeMap<>();
        for (Row r : q.collectAsList()) {
            actual.put(r.getInt(0), r.getLong(1));
        }
        assertEquals(topSuppliers(), actual);
        assertEquals(2, metrics.rowGroupsRead(), "the two files' row groups are read once each");
    }

    @Test
    void aNondeterministicWithQuery_isComputedForEachReader() {
        sales();
        DataFrame q = spark.sql("with picked as (select supp, sum(amount) as total from sales where rand(7) < 2 "
                + "group by supp) select count(*) from picked a join picked b on a.supp = b.supp");
        assertFalse(q.explainString(false).contains("ReusedExchange"), q.explainString(false));
        assertEquals(500L, q.collectAsList().get(0).getLong(0));
    }
}
