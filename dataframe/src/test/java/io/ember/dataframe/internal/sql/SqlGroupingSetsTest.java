package io.ember.dataframe.internal.sql;

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
import io.ember.dataframe.Row;
import io.ember.dataframe.types.StructType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GROUPING SETS, ROLLUP, CUBE, {@code grouping()} and {@code grouping_id()} in SQL, each result
 * checked against DuckDB running the same query over the same rows (where DuckDB and Spark
 * agree), or against hand-computed rows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqlGroupingSetsTest {
    private static EmberSession spark;
    private static Connection duckdb;

    /** Regions with a real NULL, products with a real NULL. */
    static final List<Row> SALES = List.of(
            Row.of("east", "a", 10), Row.of("east", "b", 20), Row.of("west", "a", 5),
            Row.of(null, "a", 7), Row.of("west", null, 3), Row.of("east", "a", 1));

    @BeforeAll
    static void tables() throws SQLException {
        spark = SqlFixtures.session();
        sales(spark).createOrReplaceTempView("sales");
        duckdb = salesInDuckDb();
    }

    /** An in-memory DuckDB holding {@link #SALES} as table {@code sales}. */
    static Connection salesInDuckDb() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sales (region VARCHAR, product VARCHAR, amount INTEGER)");
            statement.execute("INSERT INTO sales VALUES ('east', 'a', 10), ('east', 'b', 20), ('west', 'a', 5), "
                    + "(NULL, 'a', 7), ('west', NULL, 3), ('east', 'a', 1)");
        }
        return connection;
    }

    static DataFrame sales(EmberSession spark) {
        return spark.createDataFrame(SALES, StructType.fromDDL("region STRING, product STRING, amount INT"));
    }

    @AfterAll
    static void closeDuckDb() throws SQLException {
        duckdb.close();
    }

    private static void assertSameAsDuckDb(String query) throws SQLException {
        assertSameAsDuckDb(query, query);
    }

    private static void assertSameAsDuckDb(String emberQuery, String duckdbQuery) throws SQLException {
        assertEquals(ReferenceRows.sorted(ReferenceRows.duckdb(duckdb, duckdbQuery)),
                ReferenceRows.sorted(ReferenceRows.normalised(rows(spark.sql(emberQuery)))), emberQuery);
    }

    @Test
    void rollup_withGroupingFlags_matchesDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount), count(*), grouping(region), grouping(product) "
                + "FROM sales GROUP BY ROLLUP(region, product)");
    }

    @Test
    void cube_withGroupingId_matchesDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount) AS total, grouping_id(region, product) AS gid "
                + "FROM sales GROUP BY CUBE(region, product)");
    }

    @Test
    void groupingSets_includingTheEmptySet_matchDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, max(amount), count(product) FROM sales "
                + "GROUP BY GROUPING SETS ((region, product), (region), ())");
        assertSameAsDuckDb("SELECT product, min(amount) FROM sales GROUP BY GROUPING SETS ((product), ())");
    }

    @Test
    void repeatedGroupingSet_givesItsGroupsTwice_matchesDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, sum(amount), count(*) FROM sales GROUP BY GROUPING SETS ((region), (region), ())");
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales GROUP BY region, ROLLUP(region, product)");
    }

    @Test
    void withRollup_isRollupOfTheColumns() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales GROUP BY region, product WITH ROLLUP",
                "SELECT region, product, sum(amount) FROM sales GROUP BY ROLLUP(region, product)");
    }

    @Test
    void withCube_isCubeOfTheColumns() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales GROUP BY region, product with cube",
                "SELECT region, product, sum(amount) FROM sales GROUP BY CUBE(region, product)");
        // A WITH ROLLUP in a subquery is its own; the outer one is a cube.
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales WHERE amount IN (SELECT max(amount) FROM sales "
                        + "GROUP BY product WITH ROLLUP) GROUP BY region, product WITH CUBE",
                "SELECT region, product, sum(amount) FROM sales WHERE amount IN (SELECT max(amount) FROM sales "
                        + "GROUP BY ROLLUP(product)) GROUP BY CUBE(region, product)");
    }

    @Test
    void errorAfterWithCube_isPlacedInTheTextAsWritten() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT region FROM sales GROUP BY region WITH CUBE HAVING nope > 1"));
        assertTrue(e.getMessage().endsWith("line 1, column 59"), e.getMessage());
    }

    @Test
    void columnBesideRollup_combinesTheSets() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount), grouping(product) FROM sales "
                + "GROUP BY region, ROLLUP(product)");
        assertSameAsDuckDb("SELECT region, product, count(*) FROM sales GROUP BY CUBE(region), ROLLUP(product)");
    }

    @Test
    void compositeColumnsInsideRollupAndCube_matchDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, amount, count(*) FROM sales GROUP BY ROLLUP((region, product), amount)");
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales GROUP BY CUBE((region, product))");
    }

    @Test
    void distinctAggregatesAndWindowsOverGroupingSets_matchDuckDb() throws SQLException {
        assertSameAsDuckDb("SELECT region, count(DISTINCT product), sum(DISTINCT amount) FROM sales "
                + "GROUP BY ROLLUP(region)");
        assertSameAsDuckDb("SELECT region, sum(amount) AS total, rank() OVER (ORDER BY sum(amount) DESC) AS r "
                + "FROM sales GROUP BY ROLLUP(region)");
    }

    @Test
    void rolledUpColumnsAreNullable_evenWhenTheInputColumnIsNot() {
        spark.range(3).createOrReplaceTempView("ids");
        DataFrame totals = spark.sql("SELECT id, coalesce(id, -1) AS shown, count(*) AS n FROM ids GROUP BY ROLLUP(id) "
                + "ORDER BY id NULLS FIRST");
        assertTrue(totals.schema().fields()[0].nullable(), totals.schema().toString());
        assertEquals(table(row(null, -1L, 3L), row(0L, 0L, 1L), row(1L, 1L, 1L), row(2L, 2L, 1L)), rows(totals));
        assertEquals(table(row(null, 3L)),
                rows(spark.range(3).rollup("id").count().filter(io.ember.dataframe.Functions.col("id").isNull())));
    }

    @Test
    void groupingTellsARealNullFromARolledUpOne() {
        // Hand-computed: region NULL has one row of 7; the grand total of all six rows is 46.
        assertEquals(table(row(null, 0, 7L), row(null, 1, 46L), row("east", 0, 31L), row("west", 0, 8L)),
                rows(spark.sql("SELECT region, grouping(region) AS g, sum(amount) FROM sales "
                        + "GROUP BY ROLLUP(region) ORDER BY region NULLS FIRST, g")));
    }

    @Test
    void aggregateOfAGroupedColumn_readsTheOriginalValues() throws SQLException {
        assertSameAsDuckDb("SELECT amount, sum(amount), count(amount) FROM sales GROUP BY ROLLUP(amount)");
    }

    @Test
    void groupingInHavingAndOrderBy_matchesDuckDb() throws SQLException {
        String query = "SELECT region, product, sum(amount) AS total FROM sales GROUP BY ROLLUP(region, product) "
                + "HAVING grouping(product) = 1 OR sum(amount) > 9 ORDER BY grouping(region), region NULLS FIRST, total";
        assertEquals(ReferenceRows.duckdb(duckdb, query), ReferenceRows.normalised(rows(spark.sql(query))));
    }

    @Test
    void groupingColumnsByPositionAndAlias() throws SQLException {
        assertSameAsDuckDb("SELECT region AS r, upper(product) AS p, sum(amount) FROM sales GROUP BY ROLLUP(1, p)",
                "SELECT region AS r, upper(product) AS p, sum(amount) FROM sales GROUP BY ROLLUP(region, upper(product))");
    }

    @Test
    void resultColumnsAreNamedAsInSpark() {
        assertEquals(List.of("region", "grouping(region)", "grouping_id()", "sum(amount)"),
                columns(spark.sql("SELECT region, grouping(region), grouping_id(), sum(amount) FROM sales "
                        + "GROUP BY ROLLUP(region)")));
    }

    @Test
    void emptyInput_givesNoRows_asInSpark() throws SQLException {
        // Spark groups by the grouping id too, so no input row means no group, not even for (); DuckDB (like
        // PostgreSQL) returns the grand total of the empty set: the one place the two engines differ.
        String query = "SELECT region, count(*) FROM sales WHERE amount < 0 GROUP BY ROLLUP(region)";
        assertEquals(List.of(), rows(spark.sql(query)));
        assertEquals(List.of(List.of(0L)).size(), ReferenceRows.duckdb(duckdb, query).size());
    }

    @Test
    void groupingWithoutGroupingSets_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT region, grouping(region) FROM sales GROUP BY region"));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_GROUPING_EXPRESSION]"), e.getMessage());
        AnalysisException noAggregate = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT grouping_id() FROM sales"));
        assertTrue(noAggregate.getMessage().contains("[UNSUPPORTED_GROUPING_EXPRESSION]"), noAggregate.getMessage());
        AnalysisException inSelect = assertThrows(AnalysisException.class,
                () -> sales(spark).select(io.ember.dataframe.Functions.grouping("region")));
        assertTrue(inSelect.getMessage().contains("[UNSUPPORTED_GROUPING_EXPRESSION]"), inSelect.getMessage());
    }

    @Test
    void groupingIdOfOtherColumns_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT grouping_id(product, region) FROM sales GROUP BY ROLLUP(region, product)"));
        assertTrue(e.getMessage().contains("[GROUPING_ID_COLUMN_MISMATCH]"), e.getMessage());
        AnalysisException notGrouped = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT grouping(amount) FROM sales GROUP BY ROLLUP(region)"));
        assertTrue(notGrouped.getMessage().contains("amount"), notGrouped.getMessage());
    }

    @Test
    void pivotClause_groupsByTheOtherColumns_matchesDuckDb() throws SQLException {
        // DuckDB names the columns alike; its PIVOT ... IN takes the same literals.
        String query = "SELECT * FROM (SELECT region, product, amount FROM sales) "
                + "PIVOT (sum(amount) FOR product IN ('a', 'b' AS bee))";
        assertSameAsDuckDb(query);
        assertEquals(List.of("region", "a", "bee"), columns(spark.sql(query)));
    }

    @Test
    void pivotClause_withSeveralAggregates_namesValueAndAlias() {
        // Hand-computed from SALES: region east has a: 10 + 1 (2 rows), b: 20 (1 row).
        DataFrame pivoted = spark.sql("SELECT * FROM (SELECT region, product, amount FROM sales) PIVOT "
                + "(sum(amount) AS total, count(*) AS n FOR product IN ('a', 'b')) p WHERE p.region = 'east'");
        assertEquals(List.of("region", "a_total", "a_n", "b_total", "b_n"), columns(pivoted));
        assertEquals(table(row("east", 11L, 2L, 20L, 1L)), rows(pivoted));
    }

    @Test
    void havingOnAGroupingColumn_keepsTheRolledUpRows() throws SQLException {
        assertSameAsDuckDb("SELECT region, product, sum(amount) FROM sales GROUP BY ROLLUP(region, product) "
                + "HAVING region IS NULL OR product = 'a'");
    }

    @Test
    void explain_showsTheExpandBelowTheAggregate() {
        String plan = spark.sql("SELECT region, sum(amount) FROM sales GROUP BY ROLLUP(region)").explainString(false);
        assertTrue(plan.contains("Expand"), plan);
        assertTrue(plan.indexOf("HashAggregate") < plan.indexOf("Expand"), plan);
    }
}
