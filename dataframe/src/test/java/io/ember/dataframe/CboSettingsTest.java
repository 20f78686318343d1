package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cost-based optimizer's settings under Spark's names, checked when set, and what they
 * switch: the join order of a chain written in a bad order, and what {@code explain("cost")}
 * shows.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CboSettingsTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restoreSettings() {
        spark.conf().unset(RuntimeConfig.CBO_ENABLED);
        spark.conf().unset(RuntimeConfig.JOIN_REORDER_ENABLED);
        spark.conf().unset(RuntimeConfig.JOIN_REORDER_DP_THRESHOLD);
    }

    @Test
    void sparkNames_setTheEmberKeys() {
        spark.conf().set("spark.sql.cbo.enabled", "false");
        spark.conf().set("spark.sql.cbo.joinReorder.enabled", "false");
        spark.conf().set("spark.sql.cbo.joinReorder.dp.threshold", "5");
        assertEquals("false", spark.conf().get(RuntimeConfig.CBO_ENABLED));
        assertEquals("false", spark.conf().get(RuntimeConfig.JOIN_REORDER_ENABLED));
        assertEquals("5", spark.conf().get(RuntimeConfig.JOIN_REORDER_DP_THRESHOLD));
        assertEquals(List.of(Row.of("spark.sql.cbo.joinReorder.dp.threshold", "7")),
                spark.sql("SET spark.sql.cbo.joinReorder.dp.threshold = 7").collectAsList());
    }

    @Test
    void badValues_areRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set("spark.sql.cbo.joinReorder.dp.threshold", "0"));
        assertTrue(e.getMessage().contains("ember.sql.cbo.joinReorder.dp.threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spark.conf().set(RuntimeConfig.JOIN_REORDER_DP_THRESHOLD, "17"));
        e = assertThrows(IllegalArgumentException.class, () -> spark.conf().set("spark.sql.cbo.enabled", "yes"));
        assertTrue(e.getMessage().contains("ember.sql.cbo.enabled"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spark.conf().set("ember.sql.cbo.joinReorder.dp.thresold", "3"));
    }

    @Test
    void explainModes() {
        DataFrame df = spark.range(0, 100).filter(Functions.col("id").lt(10));
        String cost = df.explainString("cost");
        assertTrue(cost.startsWith("== Optimized Logical Plan ==\n"), cost);
        // id < 10 over [0, 99]: 10/99 of 100 rows = 10.1, rounded up
        // 11 rows of 8 bytes each plus 8 of row overhead
        assertTrue(cost.contains("Statistics(sizeInBytes=176.0 B, rowCount=11)"), cost);
        assertTrue(cost.contains("\n== Physical Plan ==\n"), cost);
        assertEquals(df.explainString(false), df.explainString("simple"));
        assertEquals(df.explainString(true), df.explainString("EXTENDED"));
        assertThrows(IllegalArgumentException.class, () -> df.explainString("codegen"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> df.explainString("costs"));
        assertTrue(e.getMessage().contains("Unknown explain mode: costs"), e.getMessage());
        spark.conf().set("spark.sql.cbo.enabled", "false");
        assertFalse(df.explainString("cost").contains("rowCount"), df.explainString("cost"));
    }

    @Test
    void joinReorderOff_keepsTheWrittenOrderWhereItHasEqualities() {
        // big joins mid first as written; cost-based puts the two small relations' joins first
        spark.range(0, 2000).selectExpr("id AS b_id", "id % 10 AS a_id").createOrReplaceTempView("mid");
        spark.range(0, 10).selectExpr("id AS a_id").createOrReplaceTempView("small_a");
        spark.range(0, 5).selectExpr("id AS b_key").createOrReplaceTempView("small_b");
        String sql = "SELECT count(*) FROM mid m JOIN small_a a ON m.a_id = a.a_id JOIN small_b b ON m.b_id = b.b_key";
        assertEquals(5L, spark.sql(sql).first().getLong(0));
        String costBased = spark.sql(sql).optimizedPlanString();
        spark.conf().set("spark.sql.cbo.joinReorder.enabled", "false");
        String written = spark.sql(sql).optimizedPlanString();
        assertEquals(5L, spark.sql(sql).first().getLong(0));
        // mid.small_a keeps 2000 rows, mid.small_b 5 (2000 * 5 / 2000): cost-based joins small_b first
        assertTrue(joinLine(written, "b_id") < joinLine(written, "a_id"), written);
        assertTrue(joinLine(costBased, "a_id") < joinLine(costBased, "b_id"), costBased);
    }

    /** The line of the join whose condition starts with {@code column}: a parent's line comes before its children's. */
    private static int joinLine(String plan, String column) {
        List<String> lines = plan.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Join Inner, (" + column + "#")) {
                return i;
            }
        }
        throw new AssertionError("no join on " + column + " in\n" + plan);
    }
}
