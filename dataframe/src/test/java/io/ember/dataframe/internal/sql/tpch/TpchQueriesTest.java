package io.ember.dataframe.internal.sql.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.internal.sql.SqlTestSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TpchQueriesTest {
    static final double SCALE_FACTOR = Double.parseDouble(System.getProperty("ember.tpch.scaleFactor", "0.01"));

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
        assertSameAnswer("Q" + number, text(number));
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
        String plan = spark.sql(text(number)).explainString(false);
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
        String sql = text(1);
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
