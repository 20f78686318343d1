package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.grouping;
import static io.ember.dataframe.Functions.grouping_id;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.max;
import static io.ember.dataframe.Functions.sum;
import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollup}, {@code cube}, {@code grouping}, {@code grouping_id} and {@code pivot} in the
 * DataFrame API: rollups and cubes checked against DuckDB's answers to the equivalent SQL, pivots
 * against hand-computed tables of {@link SqlGroupingSetsTest#SALES}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DataFrameGroupingSetsTest {
    private static EmberSession spark;
    private static DataFrame sales;
    private static Connection duckdb;

    @BeforeAll
    static void data() throws SQLException {
        spark = SqlTestSession.get();
        sales = SqlGroupingSetsTest.sales(spark);
        duckdb = SqlGroupingSetsTest.salesInDuckDb();
    }

    @AfterAll
    static void closeDuckDb() throws SQLException {
        duckdb.close();
        spark.conf().unset("ember.sql.pivotMaxValues");
    }

    private static void assertSameAsDuckDb(DataFrame df, String duckdbQuery) throws SQLException {
        assertEquals(ReferenceRows.sorted(ReferenceRows.duckdb(duckdb, duckdbQuery)),
                ReferenceRows.sorted(ReferenceRows.normalised(rows(df))), duckdbQuery);
    }

    @Test
    void rollup_byNames_matchesDuckDb() throws SQLException {
        assertSameAsDuckDb(sales.rollup("region", "product").agg(sum("amount"), grouping("region"),
                        grouping(col("product"))),
                "SELECT region, product, sum(amount), grouping(region), grouping(product) FROM sales "
                        + "GROUP BY ROLLUP(region, product)");
    }

    @Test
    void cube_byColumns_withGroupingId_matchesDuckDb() throws SQLException {
        assertSameAsDuckDb(sales.cube(col("region"), col("product")).agg(count(lit(1)),
                        grouping_id("region", "product"), max("amount")),
                "SELECT region, product, count(*), grouping_id(region, product), max(amount) FROM sales "
                        + "GROUP BY CUBE(region, product)");
    }

    @Test
    void rollup_shorthands_andColumnNames() {
        DataFrame totals = sales.rollup("region").sum("amount");
        assertEquals(List.of("region", "sum(amount)"), columns(totals));
        assertEquals(table(row(null, 7L), row(null, 46L), row("east", 31L), row("west", 8L)),
                rows(totals.orderBy(col("region").asc_nulls_first(), col("sum(amount)"))));
        assertEquals(List.of("region", "grouping_id()"),
                columns(sales.rollup("region").agg(grouping_id())));
    }

    @Test
    void rollupOverAFile_readsOnlyTheColumnsItNeeds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trips.csv"), "id,zone,fare,note\n1,1,10.0,a\n2,2,20.0,b\n3,1,5.0,c\n");
        DataFrame trips = spark.read().option("header", "true").schema("id INT, zone INT, fare DOUBLE, note STRING")
                .csv(dir.resolve("trips.csv").toString());
        DataFrame totals = trips.rollup("zone").agg(sum("fare"), grouping("zone"));
        String plan = totals.explainString(false);
        assertTrue(plan.contains("ReadSchema: struct<zone:int,fare:double>"), plan);
        assertTrue(plan.contains("Expand"), plan);
        // Hand-computed: zone 1 is 10 + 5, zone 2 is 20, all 35.
        assertEquals(table(row(null, 35.0, 1), row(1, 15.0, 0), row(2, 20.0, 0)),
                rows(totals.orderBy(col("zone").asc_nulls_first())));
    }

    @Test
    void grouping_afterPlainGroupBy_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> sales.groupBy("region").agg(grouping("region")));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_GROUPING_EXPRESSION]"), e.getMessage());
    }

    @Test
    void pivot_findsTheDistinctValues_andNamesColumnsByValue() {
        DataFrame pivoted = sales.groupBy("region").pivot("product").sum("amount");
        assertEquals(List.of("region", "null", "a", "b"), columns(pivoted));
        assertEquals(table(row(null, null, 7L, null), row("east", null, 11L, 20L), row("west", 3L, 5L, null)),
                rows(pivoted.orderBy(col("region").asc_nulls_first())));
    }

    @Test
    void pivot_withGivenValues_andSeveralAggregates() {
        DataFrame pivoted = sales.groupBy("region").pivot("product", List.of("a", "z"))
                .agg(sum("amount"), count(lit(1)).as("n"));
        assertEquals(List.of("region", "a_sum(amount)", "a_n", "z_sum(amount)", "z_n"), columns(pivoted));
        assertEquals(table(row(null, 7L, 1L, null, 0L), row("east", 11L, 2L, null, 0L), row("west", 5L, 1L, null, 0L)),
                rows(pivoted.orderBy(col("region").asc_nulls_first())));
    }

    @Test
    void pivot_withoutGroupingColumns_givesOneRow() {
        assertEquals(table(row(8L, 31L, 7L)), rows(sales.groupBy().pivot("region", Arrays.asList("west", "east", null))
                .sum("amount")));
    }

    @Test
    void pivot_overTheValueLimit_isAnError() {
        spark.conf().set("ember.sql.pivotMaxValues", 2);
        try {
            AnalysisException e = assertThrows(AnalysisException.class, () -> sales.groupBy().pivot("product"));
            assertTrue(e.getMessage().contains("more than 2 distinct values")
                    && e.getMessage().contains("ember.sql.pivotMaxValues"), e.getMessage());
        } finally {
            spark.conf().unset("ember.sql.pivotMaxValues");
        }
    }

    @Test
    void pivot_afterRollup_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> sales.rollup("region").pivot("product"));
        assertTrue(e.getMessage().contains("pivot is only supported after a groupBy"), e.getMessage());
    }
}
