package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spark's setting names on the session builder, {@code spark.conf()} and SQL's {@code SET}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SparkSettingsTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restoreSettings() {
        spark.conf().unset(RuntimeConfig.CASE_SENSITIVE);
        TestSession.get();
    }

    @Test
    void sessionBuilder_setsTheEmberEquivalents() {
        EmberSession same = EmberSession.builder().appName("ported job")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "Asia/Tokyo")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.adaptive.enabled", true)
                .config("spark.no.such.feature", "x")
                .getOrCreate();
        assertSame(spark, same);
        assertEquals("4", spark.conf().get(RuntimeConfig.SHUFFLE_PARTITIONS));
        assertEquals("4", spark.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("Asia/Tokyo", spark.conf().get(RuntimeConfig.SESSION_TIME_ZONE));
        assertFalse(spark.conf().getAll().keySet().stream().anyMatch(k -> k.startsWith("spark.")));
        DataFrame grouped = spark.range(0, 20).groupBy(Functions.col("id").mod(3)).count();
        assertEquals(4, grouped.getNumPartitions());
        assertEquals(3, grouped.count());
    }

    @Test
    void runtimeConfig_acceptsSparkNames() {
        spark.conf().set("spark.sql.caseSensitive", true);
        assertEquals("true", spark.conf().get(RuntimeConfig.CASE_SENSITIVE));
        assertEquals("true", spark.conf().getOption("spark.sql.caseSensitive").orElseThrow());
        spark.conf().unset("spark.sql.caseSensitive");
        assertTrue(spark.conf().getOption(RuntimeConfig.CASE_SENSITIVE).isEmpty());
        spark.conf().set("spark.sql.adaptive.enabled", "true");
        assertTrue(spark.conf().getOption("spark.sql.adaptive.enabled").isEmpty());
    }

    @Test
    void sqlSet_usesTheSameTable() {
        List<Row> set = spark.sql("SET spark.sql.autoBroadcastJoinThreshold = -1").collectAsList();
        assertEquals(List.of(Row.of("spark.sql.autoBroadcastJoinThreshold", "-1")), set);
        assertEquals("-1", spark.conf().get(RuntimeConfig.AUTO_BROADCAST_JOIN_THRESHOLD));
        assertEquals(List.of(Row.of("spark.sql.adaptive.enabled", "true")),
                spark.sql("SET spark.sql.adaptive.enabled = true").collectAsList());
    }

    @Test
    void badValuesAndUnknownEmberKeys_stayErrorsNamingTheKey() {
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> EmberSession.builder().config("spark.sql.shuffle.partitions", "0"));
        assertTrue(value.getMessage().contains("'ember.sql.shuffle.partitions'") && value.getMessage().contains("'0'"),
                value.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> EmberSession.builder().config("ember.sql.no.such", "1"));
        assertTrue(key.getMessage().contains("'ember.sql.no.such'"), key.getMessage());
        AnalysisException sql = assertThrows(AnalysisException.class,
                () -> spark.sql("SET spark.sql.session.timeZone = Nowhere/Land"));
        assertTrue(sql.getMessage().contains("ember.sql.session.timeZone"), sql.getMessage());
    }
}
