package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import io.ember.rdd.RDDStorageInfo;
import io.ember.rdd.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DataFrames on the engine's features: persisted RDDs for {@code persist}, streamed sort-merge joins. */
class EngineIntegrationTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restore() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        spark.conf().unset("ember.sql.columnBatchSize");
        spark.conf().unset("ember.sql.join.preferSortMergeJoin");
    }

    private List<RDDStorageInfo> stored(String column) {
        List<RDDStorageInfo> out = new ArrayList<>();
        for (RDDStorageInfo info : spark.context().getRDDStorageInfo()) {
            if (info.name() != null && info.name().contains(column) && info.cachedPartitions() > 0) {
                out.add(info);
            }
        }
        return out;
    }

    @Test
    void persist_isLazy_storesBatchesOnTheExecutors_andUnpersistDropsThem() {
        DataFrame df = spark.range(0, 100, 1, 4).withColumn("persisted_sq", col("id").multiply(col("id")))
                .persist(StorageLevel.MEMORY_ONLY);
        assertEquals(StorageLevel.MEMORY_ONLY, df.storageLevel());
        assertEquals(List.of(), stored("persisted_sq"), "persisting runs nothing");
        assertEquals(100, df.count());
        List<RDDStorageInfo> info = stored("persisted_sq");
        assertEquals(1, info.size(), info.toString());
        assertEquals(4, info.get(0).cachedPartitions());
        assertEquals(StorageLevel.MEMORY_ONLY, info.get(0).storageLevel());
        assertEquals(328350L, df.agg(sum("persisted_sq")).first().getLong(0));
        df.unpersist(true);
        assertEquals(StorageLevel.NONE, df.storageLevel());
        assertEquals(List.of(), stored("persisted_sq"));
        assertEquals(100, df.count(), "an unpersisted DataFrame is computed again");
    }

    @Test
    void cache_defaultsToMemoryAndDisk_andKeepsTheFirstLevel() {
        DataFrame df = spark.range(0, 10).withColumn("cached_twice", col("id")).cache();
        df.persist(StorageLevel.DISK_ONLY);
        assertEquals(StorageLevel.MEMORY_AND_DISK, df.storageLevel());
        assertThrows(IllegalArgumentException.class, () -> df.persist(StorageLevel.NONE));
        df.unpersist();
    }

    private DataFrame left() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(i % 7 == 0 ? null : i % 9, "l" + i));
        }
        return spark.createDataFrame(rows, StructType.fromDDL("k INT, lv STRING")).repartition(3);
    }

    private DataFrame right() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(RowFactory.create(i % 5 == 0 ? null : i % 12, "r" + i));
        }
        return spark.createDataFrame(rows, StructType.fromDDL("rk INT, rv STRING")).repartition(2);
    }

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"inner", "left", "right", "full", "left_semi", "left_anti"})
    void sortMergeJoin_inTinyBatches_matchesANestedLoopJoin(String type) {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        spark.conf().set("ember.sql.join.preferSortMergeJoin", "true");
        spark.conf().set("ember.sql.columnBatchSize", "2");
        DataFrame merged = left().join(right(), col("k").equalTo(col("rk")).and(col("lv").notEqual("l10")), type);
        assertTrue(merged.explainString(false).contains("SortMergeJoin"), merged.explainString(false));
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        DataFrame looped = left().join(right(),
                col("k").leq(col("rk")).and(col("k").geq(col("rk"))).and(col("lv").notEqual("l10")), type);
        assertTrue(looped.explainString(false).contains("BroadcastNestedLoopJoin"), looped.explainString(false));
        List<String> expected = rows(looped);
        assertFalse(expected.isEmpty());
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        assertEquals(expected, rows(merged));
    }
}
