package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each optimizer rule, checked on the printed optimized plan (attribute ids removed). */
class OptimizerTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private DataFrame trips;
    private DataFrame zones;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("trips.csv"), "id,zone,fare,note\n1,1,10.0,a\n2,2,20.0,b\n3,1,5.0,c\n");
        Files.writeString(dir.resolve("zones.csv"), "zid,name,extra\n1,One,x\n2,Two,y\n");
        trips = spark.read().option("header", "true").schema("id INT, zone INT, fare DOUBLE, note STRING")
                .csv(dir.resolve("trips.csv").toString());
        zones = spark.read().option("header", "true").schema("zid INT, name STRING, extra STRING")
                .csv(dir.resolve("zones.csv").toString());
    }

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.optimizer.excludedRules");
    }

    private static String plan(DataFrame df) {
        return df.optimizedPlanString().replaceAll("#\\d+", "");
    }

    @Test
    void predicatePushdown_throughProjection_intoScan() {
        DataFrame df = trips.select(col("id"), col("fare").multiply(2).as("double_fare"))
                .filter(col("double_fare").gt(10).and(col("id").notEqual(3)));
        assertEquals(""
                + "Project [id, (fare * 2.0) AS double_fare]\n"
                + "+- Filter (((fare * 2.0) > 10.0) AND (NOT (id = 3)))\n"
                + "   +- Relation [id,fare] csv, PushedFilters: [((fare * 2.0) > 10.0), (NOT (id = 3))]\n", plan(df));
        assertEquals(2, df.count());
    }

    @Test
    void predicatePushdown_throughJoin_toBothSides() {
        DataFrame df = trips.join(zones, col("zone").equalTo(col("zid")))
                .filter(col("fare").gt(6).and(col("name").equalTo("One")))
                .select(col("id"), col("name"));
        assertEquals(""
                + "Project [id, name]\n"
                + "+- Join Inner, (zone = zid)\n"
                + "   :- Filter (fare > 6.0)\n"
                + "   :  +- Relation [id,zone,fare] csv, PushedFilters: [(fare > 6.0)]\n"
                + "   +- Filter (name = One)\n"
                + "      +- Relation [zid,name] csv, PushedFilters: [(name = One)]\n", plan(df));
        assertEquals(1, df.count());
        String physical = df.explainString(false).replaceAll("#\\d+", "");
        assertTrue(physical.contains("PushedFilters: [GreaterThan(fare,6.0)]"), physical);
        assertTrue(physical.contains("PushedFilters: [EqualTo(name,One)]"), physical);
    }

    @Test
    void leftOuterJoin_keepsRightSideFilterAbove() {
        DataFrame df = trips.join(zones, col("zone").equalTo(col("zid")), "left").filter(col("name").isNull());
        assertEquals(""
                + "Filter (name IS NULL)\n"
                + "+- Join LeftOuter, (zone = zid)\n"
                + "   :- Relation [id,zone,fare,note] csv\n"
                + "   +- Relation [zid,name,extra] csv\n", plan(df).replace("isnull(name)", "(name IS NULL)"));
    }

    @Test
    void columnPruning_reachesTheReaders() {
        DataFrame df = trips.join(zones, col("zone").equalTo(col("zid"))).groupBy(col("name")).agg(sum("fare"));
        assertEquals(""
                + "Aggregate [name], [name, sum(fare) AS sum(fare)]\n"
                + "+- Join Inner, (zone = zid)\n"
                + "   :- Relation [zone,fare] csv\n"
                + "   +- Relation [zid,name] csv\n", plan(df));
        assertTrue(df.explainString(false).contains("ReadSchema: struct<zone:int,fare:double>"));
    }

    @Test
    void constantFolding() {
        DataFrame df = trips.filter(col("fare").gt(lit(1).plus(2).multiply(3))).select(col("id"),
                lit("a").plus(lit(1)).as("k"), concat(lit("x"), lit("y")).as("xy"));
        assertEquals(""
                + "Project [id, NULL AS k, xy AS xy]\n"
                + "+- Filter (fare > 9.0)\n"
                + "   +- Relation [id,fare] csv, PushedFilters: [(fare > 9.0)]\n", plan(df));
    }

    @Test
    void combineFilters_andSimplifyBooleans() {
        DataFrame df = trips.filter(col("fare").gt(1)).filter(col("id").lt(3)).filter(lit(true).and(col("zone").equalTo(1)));
        assertEquals(""
                + "Filter ((fare > 1.0) AND ((id < 3) AND (zone = 1)))\n"
                + "+- Relation [id,zone,fare,note] csv, PushedFilters: [(fare > 1.0), (id < 3), (zone = 1)]\n",
                plan(df));
        assertEquals(1, df.count());
    }

    @Test
    void alwaysFalseFilter_becomesEmptyRelation() {
        DataFrame df = trips.filter(lit(1).gt(2));
        assertEquals("LocalRelation [id, zone, fare, note]\n", plan(df));
        assertEquals(0, df.count());
    }

    @Test
    void noopProjections_removed_andProjectionsCollapsed() {
        DataFrame df = trips.select(col("id"), col("zone"), col("fare"), col("note"));
        assertEquals("Relation [id,zone,fare,note] csv\n", plan(df));
        DataFrame twice = trips.select(col("id"), col("fare").plus(1).as("f1")).select(col("f1").multiply(2).as("f2"));
        assertEquals(""
                + "Project [((fare + 1.0) * 2.0) AS f2]\n"
                + "+- Relation [fare] csv\n", plan(twice));
    }

    @Test
    void pushdownThroughAggregate_onGroupingColumns() {
        DataFrame df = trips.groupBy(col("zone")).agg(sum("fare").as("total"))
                .filter(col("zone").equalTo(1).and(col("total").gt(1)));
        assertEquals(""
                + "Filter (total > 1.0)\n"
                + "+- Aggregate [zone], [zone, sum(fare) AS total]\n"
                + "   +- Filter (zone = 1)\n"
                + "      +- Relation [zone,fare] csv, PushedFilters: [(zone = 1)]\n", plan(df));
        assertEquals(15.0, df.first().getDouble(1));
    }

    @Test
    void rulesCanBeExcluded_resultsDoNotChange() {
        DataFrame df = trips.join(zones, col("zone").equalTo(col("zid"))).filter(col("fare").gt(6))
                .select(col("name"), col("fare").plus(lit(1).plus(1)).as("f"));
        var optimized = df.orderBy(col("f")).collectAsList();
        spark.conf().set("ember.sql.optimizer.excludedRules",
                "PushDownPredicates,ColumnPruning,ConstantFolding,PushFiltersIntoScan,CollapseProject");
        String unoptimized = plan(df);
        assertTrue(unoptimized.contains("Filter (fare > CAST(6 AS DOUBLE))\n   +- Join Inner"), unoptimized);
        assertTrue(unoptimized.contains("(1 + 1)"), unoptimized);
        assertEquals(optimized, df.orderBy(col("f")).collectAsList());
    }

    @Test
    void physicalPlan_exchangesAndJoinStrategy() {
        DataFrame df = trips.filter(col("fare").gt(1)).join(zones, col("zone").equalTo(col("zid")))
                .groupBy(col("name")).agg(sum("fare").as("total")).orderBy(col("total").desc());
        String text = df.explainString(false).replaceAll("#\\d+", "")
                .replace(dir.resolve("trips.csv").toString(), "trips.csv").replace(dir.resolve("zones.csv").toString(), "zones.csv");
        assertEquals(""
                + "== Physical Plan ==\n"
                + "Sort [total DESC NULLS LAST], true, 0\n"
                + "+- Exchange rangepartitioning(total DESC NULLS LAST, 3)\n"
                + "   +- HashAggregate(keys=[name], functions=[sum(fare)])\n"
                + "      +- Exchange hashpartitioning(name, 3)\n"
                + "         +- HashAggregate(keys=[name], functions=[partial_sum(fare)])\n"
                + "            +- BroadcastHashJoin [zone], [zid], Inner, BuildRight, false\n"
                + "               :- Filter (fare > 1.0)\n"
                + "               :  +- FileScan csv [zone,fare] Batched: true, DataFilters: [(fare > 1.0)], Format: CSV, "
                + "Location: InMemoryFileIndex(1 paths)[trips.csv], PushedFilters: [GreaterThan(fare,1.0)], "
                + "ReadSchema: struct<zone:int,fare:double>\n"
                + "               +- BroadcastExchange\n"
                + "                  +- FileScan csv [zid,name] Batched: true, DataFilters: [], Format: CSV, "
                + "Location: InMemoryFileIndex(1 paths)[zones.csv], PushedFilters: [], "
                + "ReadSchema: struct<zid:int,name:string>\n", text);
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        spark.conf().set("ember.sql.join.preferSortMergeJoin", "true");
        try {
            String smj = df.explainString(false).replaceAll("#\\d+", "");
            assertTrue(smj.contains("SortMergeJoin [zone], [zid], Inner\n"
                    + "               :- Exchange hashpartitioning(zone, 3)\n"), smj);
            assertEquals(List.of(RowFactory.create("Two", 20.0), RowFactory.create("One", 15.0)), df.collectAsList());
        } finally {
            spark.conf().unset("ember.sql.join.preferSortMergeJoin");
            spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        }
    }

    @Test
    void explain_extendedShowsEveryStage() {
        String text = trips.filter(col("fare").gt(6)).select(col("id")).explainString(true);
        assertTrue(text.startsWith("== Parsed Logical Plan ==\n"), text);
        assertTrue(text.contains("== Analyzed Logical Plan ==\nid: int\n"), text);
        assertTrue(text.contains("== Optimized Logical Plan ==\n"), text);
        assertTrue(text.contains("== Physical Plan ==\nProject [id#"), text);
    }
}
