package io.ember.dataframe.internal.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.internal.sql.SqlTestSession;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Window functions and frames checked against DuckDB (in memory, through JDBC) running the same
 * query text over the same generated rows: partitions of different sizes (one of a single row, a
 * NULL partition key), ordering keys with ties and NULLs, and values with NULLs. DuckDB is told to
 * order NULLs as Spark does (first when ascending, last when descending). Queries only ask for
 * values that do not depend on how ties are broken.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WindowDuckDbTest {
    private static final int ROWS = 400;
    private static EmberSession spark;
    private static Connection duckdb;

    @BeforeAll
    static void load() throws SQLException {
        spark = SqlTestSession.get();
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duckdb.createStatement()) {
            s.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'");
            s.execute("CREATE TABLE base (id INTEGER, p INTEGER, k INTEGER, v INTEGER, d DECIMAL(10,2), x DOUBLE, "
                    + "day_text VARCHAR, ts_text VARCHAR)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO base VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 0; id < ROWS; id++) {
                Integer p = id == ROWS - 1 ? Integer.valueOf(99) : random.nextInt(12) == 0 ? null : random.nextInt(5);
                Integer k = random.nextInt(8) == 0 ? null : random.nextInt(40);
                Integer v = random.nextInt(5) == 0 ? null : random.nextInt(200) - 100;
                BigDecimal d = random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(5000), 2);
                Double x = random.nextInt(7) == 0 ? null : random.nextInt(300) / 4.0;
                String day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(120)).toString();
                String ts = day + " " + String.format("%02d:%02d:00", random.nextInt(24), random.nextInt(60));
                Object[] values = {id, p, k, v, d, x, day, ts};
                rows.add(Row.of(values));
                for (int c = 0; c < values.length; c++) {
                    insert.setObject(c + 1, values[c]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        String view = "CREATE OR REPLACE TEMPORARY VIEW wt AS SELECT id, p, k, v, d, x, CAST(day_text AS DATE) AS day, "
                + "CAST(ts_text AS TIMESTAMP) AS ts FROM base";
        try (Statement s = duckdb.createStatement()) {
            s.execute(view);
        }
        spark.createDataFrame(rows, StructType.fromDDL("id INT, p INT, k INT, v INT, d DECIMAL(10,2), x DOUBLE, "
                + "day_text STRING, ts_text STRING")).createOrReplaceTempView("base");
        spark.sql(view).collectAsList();
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    /** Runs {@code select} (ordered by id) on both engines and compares the rows. */
    private static void same(String select) throws SQLException {
        String query = "SELECT id, " + select + " FROM wt ORDER BY id";
        List<List<Object>> expected = new ArrayList<>();
        // DuckDB writes IGNORE NULLS inside the call's parentheses, Spark after them.
        String duckQuery = query.replace(") IGNORE NULLS OVER", " IGNORE NULLS) OVER");
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery(duckQuery)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= width; c++) {
                    row.add(normalise(rs.getObject(c)));
                }
                expected.add(row);
            }
        }
        List<List<Object>> actual = new ArrayList<>();
        for (Row r : spark.sql(query).collectAsList()) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < r.size(); c++) {
                row.add(normalise(r.get(c)));
            }
            actual.add(row);
        }
        assertEquals(expected.size(), actual.size(), query);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + query);
        }
    }

    /**
     * Numbers as decimals rounded to 6 places (Spark types the average of a decimal with six
     * fractional digits where DuckDB answers a double), others as they are.
     */
    private static Object normalise(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(6, RoundingMode.HALF_UP);
        }
        if (value instanceof BigDecimal b) {
            return b.setScale(6, RoundingMode.HALF_UP);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue()).setScale(6, RoundingMode.HALF_UP);
        }
        return value;
    }

    @Test
    void rankingDistributions_withTiesAndNulls() throws SQLException {
        same("rank() OVER (PARTITION BY p ORDER BY k), "
                + "percent_rank() OVER (PARTITION BY p ORDER BY k), "
                + "cume_dist() OVER (PARTITION BY p ORDER BY k), "
                + "percent_rank() OVER (PARTITION BY p ORDER BY k DESC), "
                + "cume_dist() OVER (ORDER BY k DESC)");
    }

    @Test
    void ntile_groupsOfNearlyEqualSize() throws SQLException {
        same("ntile(3) OVER (PARTITION BY p ORDER BY id), ntile(7) OVER (PARTITION BY p ORDER BY id DESC), "
                + "ntile(1000) OVER (PARTITION BY p ORDER BY id), ntile(4) OVER (ORDER BY id)");
    }

    @Test
    void frameValues_defaultFrameSeesPeers() throws SQLException {
        // last_value with the default RANGE frame reaches the last peer: k is the same on every peer.
        same("last_value(k) OVER (PARTITION BY p ORDER BY k), first_value(k) OVER (PARTITION BY p ORDER BY k DESC), "
                + "last_value(k) OVER (PARTITION BY p ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), "
                + "first_value(v) OVER (PARTITION BY p ORDER BY id), last_value(v) OVER (PARTITION BY p ORDER BY id)");
    }

    @Test
    void frameValues_ignoreNullsAndNthValue() throws SQLException {
        same("first_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING), "
                + "last_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY id), "
                + "nth_value(v, 2) OVER (PARTITION BY p ORDER BY id), "
                + "nth_value(v, 3) IGNORE NULLS OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING), "
                + "nth_value(v, 2) OVER (PARTITION BY p ORDER BY id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), "
                + "last_value(v) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING)");
    }

    @Test
    void rangeFrames_numericOffsets() throws SQLException {
        same("sum(v) OVER (PARTITION BY p ORDER BY k RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING), "
                + "count(v) OVER (PARTITION BY p ORDER BY k DESC RANGE BETWEEN 3 PRECEDING AND CURRENT ROW), "
                + "min(v) OVER (PARTITION BY p ORDER BY k RANGE BETWEEN CURRENT ROW AND 5 FOLLOWING), "
                + "count(*) OVER (ORDER BY k RANGE BETWEEN 10 FOLLOWING AND 12 FOLLOWING), "
                + "sum(v) OVER (PARTITION BY p ORDER BY k RANGE BETWEEN UNBOUNDED PRECEDING AND 4 PRECEDING), "
                + "count(*) OVER (PARTITION BY p ORDER BY k DESC RANGE BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING)");
    }

    @Test
    void rangeFrames_decimalAndDoubleKeys() throws SQLException {
        same("sum(v) OVER (PARTITION BY p ORDER BY d RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING), "
                + "avg(d) OVER (ORDER BY d DESC RANGE BETWEEN 3 PRECEDING AND CURRENT ROW), "
                + "count(x) OVER (PARTITION BY p ORDER BY x RANGE BETWEEN 4 PRECEDING AND 2 FOLLOWING), "
                + "max(x) OVER (PARTITION BY p ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)");
    }

    @Test
    void rangeFrames_intervalOffsetsOverDatesAndTimestamps() throws SQLException {
        same("count(*) OVER (PARTITION BY p ORDER BY day RANGE BETWEEN INTERVAL 7 DAYS PRECEDING AND CURRENT ROW), "
                + "sum(v) OVER (PARTITION BY p ORDER BY day DESC RANGE BETWEEN INTERVAL 3 DAYS PRECEDING "
                + "AND INTERVAL 1 DAYS FOLLOWING), "
                + "count(*) OVER (ORDER BY day RANGE BETWEEN CURRENT ROW AND INTERVAL 1 MONTH FOLLOWING), "
                + "count(v) OVER (PARTITION BY p ORDER BY ts RANGE BETWEEN INTERVAL 36 HOURS PRECEDING AND CURRENT ROW), "
                + "sum(v) OVER (ORDER BY ts DESC RANGE BETWEEN INTERVAL 2 DAYS PRECEDING AND INTERVAL 12 HOURS FOLLOWING)");
    }

    @Test
    void slidingAggregates_matchEveryAggregateKind() throws SQLException {
        same("sum(v) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING), "
                + "avg(d) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 PRECEDING), "
                + "sum(d) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 4 FOLLOWING), "
                + "count(v) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 5 PRECEDING AND 1 PRECEDING), "
                + "avg(v) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING), "
                + "max(v) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 4 PRECEDING AND 1 PRECEDING), "
                + "min(d) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 6 FOLLOWING), "
                + "max(x) OVER (ORDER BY k RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING), "
                + "sum(x) OVER (PARTITION BY p ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)");
    }
}
