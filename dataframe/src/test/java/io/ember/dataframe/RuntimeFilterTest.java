package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.physical.PhysicalPlan;
import io.ember.dataframe.internal.physical.RuntimeFilterExec;
import io.ember.dataframe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime filters: a broadcast join with a filtered build side filters its stream side where it
 * is read (below aggregations and shuffles), by the build side's keys. Answers are checked against
 * plain Java over the same generated rows; the filter's own output rows show it dropped rows.
 */
@Timeout(120)
class RuntimeFilterTest {
    private static final int FACT_ROWS = 320_000; // 4 files of 80,000 rows: each task sees more than the filter's sample
    private static final int PARTS = 3_000;
    @TempDir
    static Path dir;
    private static final List<Object[]> FACT = new ArrayList<>();
    private static final List<Object[]> DIM = new ArrayList<>();
    private final EmberSession spark = TestSession.get();

    @BeforeAll
    static void data() {
        for (int i = 0; i < FACT_ROWS; i++) {
            Integer part = i % 97 == 0 ? null : (int) ((i * 7919L) % PARTS);
            FACT.add(new Object[] {part, (long) ((i / 7) % 1000), "p" + (part == null ? "-" : part % 50) + "ü"});
        }
        for (int p = 0; p < PARTS; p++) {
            DIM.add(new Object[] {p, p % 30 == 0 ? "MED BOX" : "JUMBO PKG", "p" + (p % 50) + "ü"});
        }
    }

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.optimizer.runtimeFilter.enabled");
        spark.conf().unset("ember.sql.parquet.lateMaterialization.enabled");
    }

    private DataFrame fact() {
        Path file = dir.resolve("fact.parquet");
        if (!Files.exists(file)) {
            List<Row> rows = new ArrayList<>();
            for (Object[] r : FACT) {
                rows.add(RowFactory.create(r));
            }
            spark.createDataFrame(rows, StructType.fromDDL("part INT, qty BIGINT, tag STRING")).repartition(4)
                    .write().parquet(file.toString());
        }
        return spark.read().parquet(file.toString());
    }

    /** The dimension, hinted to be the broadcast side as a large fact table's would be. */
    private DataFrame dim() {
        return Functions.broadcast(dimRows());
    }

    private DataFrame dimRows() {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : DIM) {
            rows.add(RowFactory.create(r));
        }
        return spark.createDataFrame(rows, StructType.fromDDL("p_part INT, container STRING, p_tag STRING"));
    }

    /** The total quantity per part over the fact rows, then only the parts in MED BOX: expected in plain Java. */
    private static Map<Integer, Long> expectedTotalsOfMedBoxParts() {
        Map<Integer, Long> totals = new HashMap<>();
        for (Object[] r : FACT) {
            if (r[0] != null) {
                totals.merge((Integer) r[0], (Long) r[1], Long::sum);
            }
        }
        Map<Integer, Long> out = new TreeMap<>();
        for (Object[] d : DIM) {
            if (d[1].equals("MED BOX") && totals.containsKey((Integer) d[0])) {
                out.put((Integer) d[0], totals.get((Integer) d[0]));
            }
        }
        return out;
    }

    private DataFrame totalsOfMedBoxParts() {
        DataFrame totals = fact().groupBy(col("part")).agg(Functions.sum(col("qty")).as("total"));
        return totals.join(Functions.broadcast(dimRows().filter(col("container").equalTo("MED BOX"))), col("part").equalTo(col("p_part")))
                .select(col("part"), col("total"));
    }

    private static Map<Integer, Long> asMap(DataFrame df) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Row r : df.collectAsList()) {
            out.put(r.getInt(0), r.getLong(1));
        }
        return out;
    }

    /** The operators that apply a runtime filter: filters of their own, or scans that take one. */
    private static List<PhysicalPlan> runtimeFilters(PhysicalPlan p, List<PhysicalPlan> out) {
        if (p instanceof RuntimeFilterExec || p.nodeString().contains("RuntimeFilter: [")) {
            out.add(p);
        }
        for (PhysicalPlan c : p.children()) {
            runtimeFilters(c, out);
        }
        return out;
    }

    @Test
    void aFilteredBuildSideFiltersTheStreamSideBelowItsAggregation_sameAnswer() {
        DataFrame q = totalsOfMedBoxParts();
        String plan = q.explainString(false);
        int filterAt = plan.indexOf("RuntimeFilter: [part#");
        assertTrue(filterAt > 0, "the Parquet scan takes the filter:\n" + plan);
        assertTrue(plan.lastIndexOf("HashAggregate") < plan.lastIndexOf("FileScan parquet"),
                "the scan is below both aggregation halves:\n" + plan);

        QueryExecution execution = new QueryExecution(spark, q.plan());
        execution.collect();
        List<PhysicalPlan> filters = runtimeFilters(execution.physical(), new ArrayList<>());
        assertEquals(1, filters.size());
        long medBoxRows = FACT.stream().filter(r -> r[0] != null && (Integer) r[0] % 30 == 0).count();
        assertEquals(medBoxRows, filters.get(0).outputRows().get(), "only the rows of MED BOX parts pass");
        assertEquals(expectedTotalsOfMedBoxParts(), asMap(q));
    }

    @Test
    void disabled_noFilter_sameAnswer() {
        spark.conf().set("ember.sql.optimizer.runtimeFilter.enabled", "false");
        DataFrame q = totalsOfMedBoxParts();
        assertFalse(q.explainString(false).contains("RuntimeFilter"));
        assertEquals(expectedTotalsOfMedBoxParts(), asMap(q));
    }

    @Test
    void anUnfilteredBuildSide_noFilter() {
        DataFrame totals = fact().groupBy(col("part")).agg(Functions.sum(col("qty")).as("total"));
        DataFrame q = totals.join(dim(), col("part").equalTo(col("p_part")));
        assertFalse(q.explainString(false).contains("RuntimeFilter"), q.explainString(false));
    }

    @Test
    void aStreamSideKeptByAnOuterJoin_noFilter_sameAnswer() {
        DataFrame totals = fact().groupBy(col("part")).agg(Functions.sum(col("qty")).as("total"));
        DataFrame q = totals.join(Functions.broadcast(dimRows().filter(col("container").equalTo("MED BOX"))),
                col("part").equalTo(col("p_part")), "left_outer");
        assertFalse(q.explainString(false).contains("RuntimeFilter"), q.explainString(false));
        long parts = FACT.stream().map(r -> r[0]).distinct().count();
        assertEquals(parts, q.count(), "every part, matched or not, null part included");
    }

    @Test
    void stringAndTwoColumnKeys_sameAnswerAsPlainJava() {
        // Keys: the tag (multi-byte UTF-8) and the part; the build side keeps MED BOX parts.
        DataFrame perTagAndPart = fact().groupBy(col("tag"), col("part")).agg(Functions.count(col("qty")).as("n"));
        DataFrame q = perTagAndPart.join(Functions.broadcast(dimRows().filter(col("container").equalTo("MED BOX"))),
                col("tag").equalTo(col("p_tag")).and(col("part").equalTo(col("p_part"))))
                .select(col("part"), col("n"));
        assertTrue(q.explainString(false).contains("RuntimeFilter: [tag#"), q.explainString(false));
        Map<Integer, Long> expected = new TreeMap<>();
        for (Object[] r : FACT) {
            Integer part = (Integer) r[0];
            if (part != null && part % 30 == 0 && r[2].equals("p" + (part % 50) + "ü")) {
                expected.merge(part, 1L, Long::sum);
            }
        }
        assertEquals(expected, asMap(q));
    }

    @Test
    void aFilterThatKeepsNearlyEveryRowStopsFiltering_sameAnswer() {
        // Every part but one is in the build side: after its first rows each task stops probing.
        // Scans that take the filter never stop (it costs them one probe a row), so this one does not take it.
        spark.conf().set("ember.sql.parquet.lateMaterialization.enabled", "false");
        DataFrame totals = fact().groupBy(col("part")).agg(Functions.sum(col("qty")).as("total"));
        DataFrame q = totals.join(Functions.broadcast(dimRows().filter(col("p_part").notEqual(7))),
                col("part").equalTo(col("p_part"))).select(col("part"), col("total"));
        QueryExecution execution = new QueryExecution(spark, q.plan());
        execution.collect();
        List<PhysicalPlan> filters = runtimeFilters(execution.physical(), new ArrayList<>());
        assertEquals(1, filters.size());
        long matching = FACT.stream().filter(r -> r[0] != null && (Integer) r[0] != 7).count();
        assertTrue(filters.get(0).outputRows().get() > matching,
                "rows of part 7 and null parts passed once the tasks stopped filtering: " + filters.get(0).outputRows());
        Map<Integer, Long> expected = new TreeMap<>();
        for (Object[] r : FACT) {
            if (r[0] != null && (Integer) r[0] != 7) {
                expected.merge((Integer) r[0], (Long) r[1], Long::sum);
            }
        }
        assertEquals(expected, asMap(q));
    }

    @Test
    void aCorrelatedAggregateJoinedBackToAFilteredQuery_aggregatesOnlyTheMatchingGroups_sameAnswer() {
        fact().createOrReplaceTempView("rf_fact");
        Functions.broadcast(dimRows()).createOrReplaceTempView("rf_dim");
        DataFrame q = spark.sql("SELECT sum(f.qty) FROM rf_fact f, rf_dim d WHERE d.p_part = f.part"
                + " AND d.container = 'MED BOX'"
                + " AND f.qty < (SELECT 0.5 * avg(f2.qty) FROM rf_fact f2 WHERE f2.part = d.p_part)");
        String plan = q.explainString(false);
        assertEquals(2, plan.split("RuntimeFilter: \\[", -1).length - 1,
                "one filter below the join with the dimension, one below the subquery's aggregation:\n" + plan);

        QueryExecution execution = new QueryExecution(spark, q.plan());
        execution.collect();
        long medBoxRows = FACT.stream().filter(r -> r[0] != null && (Integer) r[0] % 30 == 0).count();
        for (PhysicalPlan f : runtimeFilters(execution.physical(), new ArrayList<>())) {
            assertEquals(medBoxRows, f.outputRows().get(), "each filter passes only the rows of MED BOX parts");
        }

        Map<Integer, long[]> perPart = new HashMap<>();
        for (Object[] r : FACT) {
            if (r[0] != null) {
                long[] sumAndCount = perPart.computeIfAbsent((Integer) r[0], k -> new long[2]);
                sumAndCount[0] += (Long) r[1];
                sumAndCount[1]++;
            }
        }
        long expected = 0;
        for (Object[] r : FACT) {
            Integer part = (Integer) r[0];
            if (part != null && part % 30 == 0) {
                long[] sc = perPart.get(part);
                // qty < 0.5 * sum / count, compared exactly: 2 * qty * count < sum
                if (2 * (Long) r[1] * sc[1] < sc[0]) {
                    expected += (Long) r[1];
                }
            }
        }
        assertEquals(expected, q.collectAsList().get(0).getLong(0));
    }
}
