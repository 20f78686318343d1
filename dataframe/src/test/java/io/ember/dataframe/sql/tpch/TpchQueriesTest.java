package io.ember.dataframe.sql.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.sql.SqlTestSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries in their standard text with the validation-run substitution parameters
 * ({@code tpch/q1.sql} ... {@code q22.sql}), run unchanged through {@code spark.sql} over data
 * from the Java TPC-H generator at scale factor 0.01 (the system property
 * {@code ember.tpch.scaleFactor} sets another), and checked row by row
 * (in order: every query orders its result or returns one row) against DuckDB running the same
 * text on the same files.
 *
 * <p>A query Ember cannot run yet is listed in {@link #NOT_YET_SUPPORTED} with the reason and a
 * fragment of the error it fails with; its test asserts that failure (so a listed query that
 * starts to work fails the test until it is taken off the list) and prints the reason.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TpchQueriesTest {
    static final double SCALE_FACTOR = Double.parseDouble(System.getProperty("ember.tpch.scaleFactor", "0.01"));

    /** Why a query fails today, and a fragment of the message it fails with. */
    record Unsupported(String reason, String errorFragment) {
    }

    private static final String INTERVAL = "interval literals and date +/- interval (the SQL dialect work of issue 11)";
    private static final String SUBSTRING_FROM_FOR = "substring(s FROM a FOR b) (the SQL dialect work of issue 11)";

    static final Map<Integer, Unsupported> NOT_YET_SUPPORTED = new TreeMap<>(Map.ofEntries(
            Map.entry(1, new Unsupported(INTERVAL, "INTERVAL '90' day")),
            Map.entry(4, new Unsupported(INTERVAL, "INTERVAL '3' month")),
            Map.entry(5, new Unsupported(INTERVAL, "INTERVAL '1' year")),
            Map.entry(6, new Unsupported(INTERVAL, "INTERVAL '1' year")),
            Map.entry(10, new Unsupported(INTERVAL, "INTERVAL '3' month")),
            Map.entry(12, new Unsupported(INTERVAL, "INTERVAL '1' year")),
            Map.entry(14, new Unsupported(INTERVAL, "INTERVAL '1' month")),
            Map.entry(15, new Unsupported(INTERVAL, "INTERVAL '3' month")),
            Map.entry(20, new Unsupported(INTERVAL, "INTERVAL '1' year")),
            Map.entry(22, new Unsupported(SUBSTRING_FROM_FOR,
                    "Named or keyword arguments"))));

    @TempDir
    static Path dataDirectory;

    private static EmberSession spark;
    private static DuckDbReference duckDb;

    @BeforeAll
    static void generateAndRegister() throws SQLException {
        List<TpchData.Table> tables = TpchData.generate(SCALE_FACTOR, dataDirectory);
        spark = SqlTestSession.get();
        for (TpchData.Table table : tables) {
            spark.read().schema(table.ddl()).option("sep", "|")
                    .csv(table.file().toString()).createOrReplaceTempView(table.name());
        }
        duckDb = new DuckDbReference(tables);
        if (!NOT_YET_SUPPORTED.isEmpty()) {
            System.out.println("TPC-H queries not yet supported (asserted to fail as listed):");
            NOT_YET_SUPPORTED.forEach((q, u) -> System.out.println("  Q" + q + ": " + u.reason()));
        }
    }

    @AfterAll
    static void closeReference() throws SQLException {
        if (duckDb != null) {
            duckDb.close();
        }
    }

    static IntStream queries() {
        return IntStream.rangeClosed(1, 22);
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("queries")
    void query_matchesDuckDb(int number) throws Exception {
        String sql = text(number);
        Unsupported unsupported = NOT_YET_SUPPORTED.get(number);
        if (unsupported != null) {
            Exception e = assertThrows(Exception.class, () -> spark.sql(sql).collectAsList(),
                    "Q" + number + " is listed as not yet supported (" + unsupported.reason()
                            + ") but ran: take it off NOT_YET_SUPPORTED");
            assertTrue(String.valueOf(e.getMessage()).contains(unsupported.errorFragment()),
                    "Q" + number + " failed differently than listed: " + e);
            System.out.println("TPC-H Q" + number + " not yet supported: " + unsupported.reason());
            return;
        }
        assertSameAnswer("Q" + number, sql);
    }

    /**
     * The queries that need the dialect work of issue 11, with only that spelled out by hand
     * (each interval sum written as the date it gives, {@code substring(s FROM a FOR b)} as
     * {@code substring(s, a, b)}), so that the rest of each query (its subqueries, joins and
     * aggregates) is checked against DuckDB today. Each replaced text must occur in the query.
     */
    static final Map<Integer, Map<String, String>> PLAIN_DIALECT = new TreeMap<>(Map.of(
            1, Map.of("date '1998-12-01' - interval '90' day", "date '1998-09-02'"),
            4, Map.of("date '1993-07-01' + interval '3' month", "date '1993-10-01'"),
            5, Map.of("date '1994-01-01' + interval '1' year", "date '1995-01-01'"),
            6, Map.of("date '1994-01-01' + interval '1' year", "date '1995-01-01'"),
            10, Map.of("date '1993-10-01' + interval '3' month", "date '1994-01-01'"),
            12, Map.of("date '1994-01-01' + interval '1' year", "date '1995-01-01'"),
            14, Map.of("date '1995-09-01' + interval '1' month", "date '1995-10-01'"),
            15, Map.of("date '1996-01-01' + interval '3' month", "date '1996-04-01'"),
            20, Map.of("date '1994-01-01' + interval '1' year", "date '1995-01-01'"),
            22, Map.of("substring(c_phone from 1 for 2)", "substring(c_phone, 1, 2)")));

    static IntStream plainDialectQueries() {
        return PLAIN_DIALECT.keySet().stream().mapToInt(Integer::intValue);
    }

    @ParameterizedTest(name = "Q{0} without interval / substring FROM syntax")
    @MethodSource("plainDialectQueries")
    void queryInPlainDialect_matchesDuckDb(int number) throws Exception {
        assertSameAnswer("Q" + number + " (plain dialect)", plainDialectText(number));
    }

    /** Query {@code number} with the replacements of {@link #PLAIN_DIALECT}, if it has any. */
    private static String plainDialectText(int number) throws IOException {
        String sql = text(number);
        for (Map.Entry<String, String> r : PLAIN_DIALECT.getOrDefault(number, Map.of()).entrySet()) {
            assertTrue(sql.contains(r.getKey()), "Q" + number + " does not contain " + r.getKey());
            sql = sql.replace(r.getKey(), r.getValue());
        }
        return sql;
    }

    /**
     * Every query's join chain is planned without a cartesian product (or a nested-loop inner
     * join), whatever order its {@code FROM} clause lists the tables in: the optimizer joins the
     * tables along their equalities. Nested-loop joins remain where they are meant to be: an
     * uncorrelated scalar subquery's one row, and {@code NOT IN}'s null-aware anti join.
     */
    @ParameterizedTest(name = "Q{0} plan")
    @MethodSource("queries")
    void plan_hasNoCartesianProduct(int number) throws Exception {
        String plan = spark.sql(plainDialectText(number)).explainString(false);
        assertFalse(plan.contains("CartesianProduct"), "Q" + number + ":\n" + plan);
        assertFalse(plan.matches("(?s).*BroadcastNestedLoopJoin Build(Left|Right), (Inner|Cross).*"), "Q" + number + ":\n" + plan);
    }

    /**
     * Result types as Spark 3.5 types them over DECIMAL(15,2) money columns (worked out with
     * Spark's decimal precision rules: {@code p1 * p2} has precision {@code p1 + p2 + 1} and scale
     * {@code s1 + s2}, a sum adds 10 digits, an average 4 digits and scale 4, all capped at 38
     * keeping at least 6 digits of scale).
     */
    @Test
    void q1_resultTypes_areSparks() throws Exception {
        String sql = plainDialectText(1);
        assertEquals("struct<l_returnflag:string,l_linestatus:string,sum_qty:decimal(25,2),"
                + "sum_base_price:decimal(25,2),sum_disc_price:decimal(38,4),sum_charge:decimal(38,6),"
                + "avg_qty:decimal(19,6),avg_price:decimal(19,6),avg_disc:decimal(19,6),count_order:bigint>",
                spark.sql(sql).schema().simpleString());
    }

    private static void assertSameAnswer(String query, String sql) throws Exception {
        List<List<Object>> expected = duckDb.query(sql);
        List<List<Object>> actual = new ArrayList<>();
        long start = System.nanoTime();
        List<Row> result = spark.sql(sql).collectAsList();
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (Row row : result) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(ResultValues.normalise(row.get(i)));
            }
            actual.add(values);
        }
        assertEquals(expected.size(), actual.size(), query + ": row count; expected " + expected + " but got " + actual);
        for (int i = 0; i < expected.size(); i++) {
            if (!ResultValues.sameRow(expected.get(i), actual.get(i))) {
                fail(query + " row " + i + ": DuckDB " + expected.get(i) + ", Ember " + actual.get(i));
            }
        }
        System.out.println("TPC-H " + query + ": " + actual.size() + " rows, equal to DuckDB's; Ember took " + millis
                + " ms at scale factor " + SCALE_FACTOR);
    }

    static String text(int number) throws IOException {
        return resource("/tpch/q" + number + ".sql");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = TpchQueriesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
