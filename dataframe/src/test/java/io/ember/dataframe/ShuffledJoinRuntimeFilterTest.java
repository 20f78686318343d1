package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.io.ParquetMetrics;
import io.ember.dataframe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime filters from shuffled joins: a join that cannot broadcast its small filtered side (the
 * left side of a semi, anti or left outer join) collects that side's keys from its shuffle output
 * first and filters its other side by them where it is read. Answers are checked against plain
 * Java over the same rows.
 */
@Timeout(120)
class ShuffledJoinRuntimeFilterTest {
    private static final int ORDERS = 20_000;
    private static final int LINES = 200_000;
    @TempDir
    static Path dir;
    /** okey, day, prio. */
    private static final List<Object[]> ORDER_ROWS = new ArrayList<>();
    /** lokey (some match no order), qty. */
    private static final List<Object[]> LINE_ROWS = new ArrayList<>();
    private final EmberSession spark = TestSession.get();

    @BeforeEach
    void lowerTheBroadcastThreshold() {
        // Small enough that the lines (1.6 MB) are not broadcast, large enough for the orders of eleven days.
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", 100_000);
    }

    @BeforeAll
    static void data() {
        for (int o = 0; o < ORDERS; o++) {
            ORDER_ROWS.add(new Object[] {(long) o, (int) ((o * 7919L) % 365), "P" + (o % 5) + "é"});
        }
        for (int i = 0; i < LINES; i++) {
            Long key = i % 113 == 0 ? null : (i * 104_729L) % (ORDERS + 5_000);
            LINE_ROWS.add(new Object[] {key, i % 50});
        }
    }

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.optimizer.runtimeFilter.enabled");
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
    }

    private DataFrame table(String name, List<Object[]> data, String ddl) {
        Path file = dir.resolve(name + ".parquet");
        if (!Files.exists(file)) {
            List<Row> rows = new ArrayList<>();
            for (Object[] r : data) {
                rows.add(RowFactory.create(r));
            }
            spark.createDataFrame(rows, StructType.fromDDL(ddl)).repartition(2).write().parquet(file.toString());
        }
        return spark.read().parquet(file.toString());
    }

    /** The orders of eleven days: the small filtered side. */
    private DataFrame someOrders() {
        return table("orders", ORDER_ROWS, "okey BIGINT, day INT, prio STRING")
                .filter(col("day").geq(100).and(col("day").leq(110)));
    }

    private DataFrame lines() {
        return table("lines", LINE_ROWS, "lokey BIGINT, qty INT");
    }

    private static boolean someOrder(Object[] o) {
        int day = (Integer) o[1];
        return day >= 100 && day <= 110;
    }

    private static Set<Long> lineKeys() {
        Set<Long> keys = new HashSet<>();
        for (Object[] l : LINE_ROWS) {
            if (l[0] != null) {
                keys.add((Long) l[0]);
            }
        }
        return keys;
    }

    private static Map<String, Long> countByPrio(DataFrame df) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : df.groupBy(col("prio")).count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    private static void assertFilteredBySmallSide(DataFrame q) {
        String plan = q.explainString(false);
        assertTrue(plan.contains("RuntimeFilter: [lokey#") && plan.contains("of a shuffled join's filtered side"),
                "the other side's scan is filtered by the small side's keys:\n" + plan);
    }

    @Test
    void semiJoin_theLargeSideIsFilteredByTheSmallSidesKeys_sameAnswer() {
        DataFrame q = someOrders().join(lines(), col("okey").equalTo(col("lokey")), "left_semi");
        assertFilteredBySmallSide(q);
        Set<Long> lineKeys = lineKeys();
        Map<String, Long> expected = new TreeMap<>();
        Set<Long> orderKeys = new HashSet<>();
        for (Object[] o : ORDER_ROWS) {
            if (someOrder(o)) {
                orderKeys.add((Long) o[0]);
                if (lineKeys.contains((Long) o[0])) {
                    expected.merge((String) o[2], 1L, Long::sum);
                }
            }
        }
        ParquetMetrics metrics = ParquetMetrics.of(spark.context());
        metrics.reset();
        assertEquals(expected, countByPrio(q));
        assertEquals(4, metrics.rowGroupsRead(),
                "each file's row group read once: the keys come from the orders' shuffle output, which the join reuses");
        long linesOfOtherOrders = LINE_ROWS.stream().filter(l -> l[0] == null || !orderKeys.contains((Long) l[0])).count();
        assertTrue(metrics.rowsFilteredLate() >= linesOfOtherOrders,
                "the lines of other orders are dropped in the scan: " + metrics.rowsFilteredLate() + " < " + linesOfOtherOrders);
    }

    @Test
    void theSmallSideMayBeAJoin_itsKeysComeFromItsShuffleOutput() {
        List<Row> prios = List.of(RowFactory.create("P1é", 1), RowFactory.create("P3é", 3));
        DataFrame wanted = Functions.broadcast(spark.createDataFrame(prios, StructType.fromDDL("wanted STRING, rank INT")));
        DataFrame q = someOrders().join(wanted, col("prio").equalTo(col("wanted")))
                .join(lines(), col("okey").equalTo(col("lokey")), "left_semi");
        assertFilteredBySmallSide(q);
        Set<Long> lineKeys = lineKeys();
        Map<String, Long> expected = new TreeMap<>();
        for (Object[] o : ORDER_ROWS) {
            if (someOrder(o) && (o[2].equals("P1é") || o[2].equals("P3é")) && lineKeys.contains((Long) o[0])) {
                expected.merge((String) o[2], 1L, Long::sum);
            }
        }
        assertEquals(expected, countByPrio(q));
    }

    @Test
    void aSmallFilteredRightSideOfASemiJoin_filtersBothSidesOfTheInnerJoinOnItsLeft() {
        // Estimated: lines 831 KiB, orders 94 KiB, the heavy orders 130 KiB (8,330 rows, a third of
        // the estimated groups), so none is broadcast; the heavy orders' keys (8 bytes a row) are
        // within the bound of four times the threshold.
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", 90_000);
        DataFrame orders = table("orders", ORDER_ROWS, "okey BIGINT, day INT, prio STRING");
        DataFrame heavy = lines().groupBy(col("lokey").as("hkey")).agg(Functions.sum(col("qty")).as("total"))
                .filter(col("total").gt(380)).select("hkey");
        DataFrame q = orders.join(lines(), col("okey").equalTo(col("lokey")))
                .join(heavy, col("okey").equalTo(col("hkey")), "left_semi");
        String plan = q.explainString(false);
        assertTrue(plan.contains("RuntimeFilter: [okey#") && plan.contains("RuntimeFilter: [lokey#")
                && plan.contains("of a shuffled join's filtered side"), "both sides of the inner join:\n" + plan);
        Map<Long, Long> totals = new HashMap<>();
        for (Object[] l : LINE_ROWS) {
            if (l[0] != null) {
                totals.merge((Long) l[0], (long) (Integer) l[1], Long::sum);
            }
        }
        long expected = LINE_ROWS.stream()
                .filter(l -> l[0] != null && (Long) l[0] < ORDERS && totals.get((Long) l[0]) > 380).count();
        assertTrue(expected > 0 && expected < LINES / 10, "a selective case: " + expected);
        assertEquals(expected, q.count());
    }

    @Test
    void aBroadcastSemiJoinsFilter_entersTheStreamSideOfTheInnerJoinBelow() {
        DataFrame orders = table("orders", ORDER_ROWS, "okey BIGINT, day INT, prio STRING");
        DataFrame early = orders.filter(col("day").lt(20)).select(col("okey").as("ekey"));
        DataFrame q = Functions.broadcast(orders).join(lines(), col("okey").equalTo(col("lokey")))
                .join(Functions.broadcast(early), col("okey").equalTo(col("ekey")), "left_semi");
        String plan = q.explainString(false);
        assertTrue(plan.contains("RuntimeFilter: [lokey#") && plan.contains("of a broadcast join's build side"),
                "the lines, equated to the orders' keys, take the filter:\n" + plan);
        Set<Long> earlyKeys = new HashSet<>();
        for (Object[] o : ORDER_ROWS) {
            if ((Integer) o[1] < 20) {
                earlyKeys.add((Long) o[0]);
            }
        }
        long expected = LINE_ROWS.stream().filter(l -> l[0] != null && earlyKeys.contains((Long) l[0])).count();
        assertEquals(expected, q.count());
    }

    @Test
    void noSecondFilter_onASideAlreadyFilteredOnTheJoinKey() {
        List<Row> keys = new ArrayList<>();
        for (long k = 0; k < ORDERS; k += 3) {
            keys.add(RowFactory.create(k));
        }
        DataFrame everyThird = spark.createDataFrame(keys, StructType.fromDDL("dkey BIGINT")).filter(col("dkey").geq(0));
        DataFrame linesOfEveryThird = lines().join(everyThird, col("lokey").equalTo(col("dkey")));
        DataFrame q = someOrders().join(linesOfEveryThird, col("okey").equalTo(col("lokey")), "left_semi");
        String plan = q.explainString(false);
        assertTrue(plan.contains("RuntimeFilter: [lokey#") && plan.split("RuntimeFilter").length == 2,
                "the lines take the filter of the join below only, not a second one from the orders:\n" + plan);
        Set<Long> lineKeys = lineKeys();
        long expected = ORDER_ROWS.stream().filter(o -> someOrder(o) && (Long) o[0] % 3 == 0
                && lineKeys.contains((Long) o[0])).count();
        assertEquals(expected, q.count());
    }

    @Test
    void antiAndLeftOuterJoins_sameAnswer() {
        DataFrame anti = someOrders().join(lines(), col("okey").equalTo(col("lokey")), "left_anti");
        assertFilteredBySmallSide(anti);
        Set<Long> lineKeys = lineKeys();
        Map<String, Long> expectedAnti = new TreeMap<>();
        for (Object[] o : ORDER_ROWS) {
            if (someOrder(o) && !lineKeys.contains((Long) o[0])) {
                expectedAnti.merge((String) o[2], 1L, Long::sum);
            }
        }
        assertEquals(expectedAnti, countByPrio(anti));

        DataFrame outer = someOrders().join(lines(), col("okey").equalTo(col("lokey")), "left_outer")
                .groupBy(col("okey")).agg(Functions.sum(col("qty")).as("total"), Functions.count(col("lokey")).as("n"));
        assertFilteredBySmallSide(outer);
        Map<Long, long[]> expectedOuter = new TreeMap<>();
        for (Object[] o : ORDER_ROWS) {
            if (someOrder(o)) {
                expectedOuter.put((Long) o[0], new long[] {0, 0});
            }
        }
        Map<Long, Boolean> matched = new HashMap<>();
        for (Object[] l : LINE_ROWS) {
            long[] t = l[0] == null ? null : expectedOuter.get((Long) l[0]);
            if (t != null) {
                t[0] += (Integer) l[1];
                t[1]++;
                matched.put((Long) l[0], true);
            }
        }
        Map<Long, List<Object>> actual = new TreeMap<>();
        for (Row r : outer.collectAsList()) {
            actual.put(r.getLong(0), java.util.Arrays.asList(r.isNullAt(1) ? null : r.getLong(1), r.getLong(2)));
        }
        Map<Long, List<Object>> expected = new TreeMap<>();
        expectedOuter.forEach((k, t) -> expected.put(k, java.util.Arrays.asList(matched.containsKey(k) ? t[0] : null, t[1])));
        assertEquals(expected, actual);
    }

    @Test
    void noFilter_whenBroadcastsAreOff_orWhenTurnedOff() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", -1);
        DataFrame noBroadcasts = someOrders().join(lines(), col("okey").equalTo(col("lokey")), "left_semi");
        assertFalse(noBroadcasts.explainString(false).contains("RuntimeFilter"), noBroadcasts.explainString(false));
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", 100_000);

        spark.conf().set("ember.sql.optimizer.runtimeFilter.enabled", "false");
        DataFrame off = someOrders().join(lines(), col("okey").equalTo(col("lokey")), "left_semi");
        assertFalse(off.explainString(false).contains("RuntimeFilter"), off.explainString(false));
        Set<Long> lineKeys = lineKeys();
        long expected = ORDER_ROWS.stream().filter(o -> someOrder(o) && lineKeys.contains((Long) o[0])).count();
        assertEquals(expected, off.count());
    }
}
