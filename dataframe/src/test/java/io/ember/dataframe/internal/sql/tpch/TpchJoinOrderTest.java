package io.ember.dataframe.internal.sql.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.internal.sql.SqlTestSession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The join order the optimizer picks for TPC-H's comma joins (issue 12), over the scale factor
 * 0.01 tables both as '|'-separated text (row counts estimated from file sizes) and as Parquet
 * files written by DuckDB (row counts and ranges from the footers): Q9's six and Q2's five
 * relations are joined along their equalities, never as a cartesian product, and
 * {@code explain("cost")} shows every node's statistics.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TpchJoinOrderTest {
    private static final Pattern ROW_COUNT = Pattern.compile("rowCount=([0-9.E+]+)\\)$");

    @TempDir
    static Path dataDirectory;

    private static EmberSession spark;
    private static List<TpchData.Table> tables;
    private static final Map<String, Long> DUCKDB_COUNTS = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws SQLException {
        tables = TpchData.generate(0.01, dataDirectory);
        spark = SqlTestSession.get();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement()) {
            for (TpchData.Table t : tables) {
                statement.execute("COPY (SELECT * FROM read_csv('" + t.file() + "', delim = '|', header = false, "
                        + "columns = {" + duckDbColumns(t) + "})) TO '" + parquet(t) + "' (FORMAT parquet)");
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM '" + parquet(t) + "'")) {
                    rs.next();
                    DUCKDB_COUNTS.put(t.name(), rs.getLong(1));
                }
            }
        }
    }

    @AfterAll
    static void restoreSettings() {
        spark.conf().unset("ember.sql.cbo.enabled");
        spark.conf().unset("ember.sql.cbo.joinReorder.enabled");
    }

    private static Path parquet(TpchData.Table t) {
        return t.file().resolveSibling(t.name() + ".parquet");
    }

    private static String duckDbColumns(TpchData.Table t) {
        return t.columns().stream()
                .map(c -> "'" + c.name() + "': '" + (c.sqlType().equals("STRING") ? "VARCHAR" : c.sqlType()) + "'")
                .collect(Collectors.joining(", "));
    }

    private static void register(String format) {
        for (TpchData.Table t : tables) {
            if (format.equals("parquet")) {
                spark.read().parquet(parquet(t).toString()).createOrReplaceTempView(t.name());
            } else {
                spark.read().schema(t.ddl()).option("sep", "|").csv(t.file().toString()).createOrReplaceTempView(t.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "parquet"})
    void q9_joinsAlongEqualities(String format) throws Exception {
        register(format);
        assertJoinsAlongEqualities(9, 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "parquet"})
    void q2_joinsAlongEqualities(String format) throws Exception {
        register(format);
        assertJoinsAlongEqualities(2, 7);
    }

    /** Every inner join of the optimized plan has an equality; the physical plan has no cartesian product. */
    private static void assertJoinsAlongEqualities(int query, int innerJoins) throws Exception {
        String sql = TpchQueriesTest.text(query);
        String optimized = spark.sql(sql).optimizedPlanString();
        System.out.println("Q" + query + " optimized:\n" + optimized);
        List<String> joins = optimized.lines().filter(l -> l.contains("Join ")).toList();
        assertFalse(optimized.contains("Join Cross"), optimized);
        assertEquals(innerJoins, joins.stream().filter(l -> l.contains("Join Inner, ")).count(), optimized);
        for (String join : joins) {
            assertTrue(join.matches(".*Join \\w+, .*\\b\\w+#\\d+ = \\w+#\\d+.*"), "a join without an equality: " + join);
        }
        String physical = spark.sql(sql).explainString(false);
        assertFalse(physical.contains("CartesianProduct"), physical);
        assertFalse(physical.matches("(?s).*BroadcastNestedLoopJoin Build(Left|Right), (Inner|Cross).*"), physical);
    }

    @Test
    void q9_explainCost_showsStatisticsOfEveryNode_withFooterRowCounts() throws Exception {
        register("parquet");
        String text = spark.sql(TpchQueriesTest.text(9)).explainString("cost");
        System.out.println(text);
        String optimized = text.substring(text.indexOf("== Optimized Logical Plan ==\n"), text.indexOf("\n== Physical Plan =="));
        List<String> nodes = optimized.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String node : nodes) {
            assertTrue(node.matches(".*, Statistics\\(sizeInBytes=[0-9.]+ (B|KiB|MiB|GiB), rowCount=[0-9.E+]+\\)$"), node);
        }
        Map<String, String> prefixes = Map.of("lineitem", "l_orderkey", "orders", "o_orderkey", "partsupp", "ps_partkey",
                "part", "p_partkey", "supplier", "s_suppkey", "nation", "n_nationkey");
        for (Map.Entry<String, String> table : prefixes.entrySet()) {
            String relation = nodes.stream().filter(l -> l.contains("Relation [" + table.getValue() + "#"))
                    .findFirst().orElseThrow(() -> new AssertionError("no scan of " + table.getKey() + " in\n" + optimized));
            Matcher m = ROW_COUNT.matcher(relation);
            assertTrue(m.find(), relation);
            BigDecimal expected = new BigDecimal(DUCKDB_COUNTS.get(table.getKey())).round(new MathContext(3, RoundingMode.HALF_UP));
            assertEquals(expected.toString(), m.group(1), table.getKey() + ": " + relation);
        }
    }

    @Test
    void rangeFilterOnParquet_keepsTheShareOfTheFootersMinMax() throws Exception {
        register("parquet");
        long min;
        long max;
        long count;
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement();
             ResultSet rs = statement.executeQuery("SELECT min(l_shipdate), max(l_shipdate), count(*) FROM '"
                     + parquet(tables.stream().filter(t -> t.name().equals("lineitem")).findFirst().orElseThrow()) + "'")) {
            rs.next();
            min = rs.getObject(1, java.time.LocalDate.class).toEpochDay();
            max = rs.getObject(2, java.time.LocalDate.class).toEpochDay();
            count = rs.getLong(3);
        }
        long cut = java.time.LocalDate.parse("1995-01-01").toEpochDay();
        long expected = (long) Math.ceil(count * (double) (cut - min) / (max - min));
        String text = spark.sql("SELECT l_orderkey FROM lineitem WHERE l_shipdate < DATE '1995-01-01'")
                .explainString("cost");
        String filter = text.lines().filter(l -> l.contains("Filter ")).findFirst().orElseThrow();
        Matcher m = ROW_COUNT.matcher(filter);
        assertTrue(m.find(), filter);
        assertEquals(new BigDecimal(expected).round(new MathContext(3, RoundingMode.HALF_UP)).toString(), m.group(1), filter);
    }

    @Test
    void joinOnAKeyOfFewValues_isEstimatedFromTheKeysRanges() throws Exception {
        register("parquet");
        // Footers give no distinct counts, but nation keys span [0, 24]: 25 values at most, so
        // |customer| * |supplier| / 25 rows, not one row per customer (the key taken as unique).
        long customers = DUCKDB_COUNTS.get("customer");
        long suppliers = DUCKDB_COUNTS.get("supplier");
        String text = spark.sql("SELECT c_custkey, s_suppkey FROM customer, supplier WHERE c_nationkey = s_nationkey")
                .explainString("cost");
        String join = text.lines().filter(l -> l.contains("Join Inner")).findFirst().orElseThrow();
        Matcher m = ROW_COUNT.matcher(join);
        assertTrue(m.find(), join);
        long expected = (long) Math.ceil(customers * suppliers / 25.0);
        assertEquals(new BigDecimal(expected).round(new MathContext(3, RoundingMode.HALF_UP)).toString(), m.group(1), join);
    }

    @Test
    void explainCostInSql_isTheSameText() throws Exception {
        register("csv");
        String sql = TpchQueriesTest.text(2);
        String viaSql = spark.sql("EXPLAIN COST " + sql).collectAsList().get(0).getString(0);
        assertTrue(viaSql.startsWith("== Optimized Logical Plan ==\n"), viaSql);
        assertTrue(viaSql.contains("Statistics(sizeInBytes="), viaSql);
        assertEquals(spark.sql(sql).explainString("cost").replaceAll("#\\d+", ""), viaSql.replaceAll("#\\d+", ""));
    }

    @Test
    void withoutCbo_commaJoinsStillAvoidCartesianProducts_andCostShowsSizesOnly() throws Exception {
        register("csv");
        spark.conf().set("spark.sql.cbo.enabled", "false");
        try {
            assertJoinsAlongEqualities(9, 5);
            String text = spark.sql(TpchQueriesTest.text(9)).explainString("cost");
            assertTrue(text.contains("Statistics(sizeInBytes="), text);
            assertFalse(text.contains("rowCount="), text);
        } finally {
            spark.conf().unset("spark.sql.cbo.enabled");
        }
    }
}
