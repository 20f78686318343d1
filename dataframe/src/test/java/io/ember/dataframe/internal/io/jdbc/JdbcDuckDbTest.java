package io.ember.dataframe.internal.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Functions;
import io.ember.dataframe.Row;
import io.ember.dataframe.RowFactory;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC source and sink against an embedded DuckDB database file, checked with plain JDBC. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcDuckDbTest {
    @TempDir
    Path dir;
    private String url;
    private EmberSession spark;
    private Connection keeper;

    /**
     * Opens the database once before any task does and keeps it open: DuckDB's driver shares one
     * instance per file among a JVM's connections, but two connections that open a file nobody
     * has open at the same moment (two tasks of one partitioned read) race to attach it and one
     * fails with "Unique file handle conflict". A server database (see JdbcPostgresTest) has no
     * such race; this is the embedded driver's, so the test keeps the instance alive.
     */
    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:duckdb:" + dir.resolve("test.db");
        keeper = DriverManager.getConnection(url);
        spark = EmberSession.builder().master("local[2]").appName("dataframe-tests")
                .config("ember.sql.session.timeZone", "UTC").getOrCreate();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keeper.close();
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    @Test
    void writeThenRead_roundTripsRowsAndTypes() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType)
                .add("amount", new DecimalType(10, 2)).add("day", DataTypes.DateType).add("ok", DataTypes.BooleanType)
                .add("ratio", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(RowFactory.create(i, i % 5 == 0 ? null : "r" + i, new BigDecimal(i + ".25"),
                    java.sql.Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i)), i % 2 == 0, i / 4.0));
        }
        spark.createDataFrame(rows, schema).repartition(3).write().format("jdbc").option("url", url)
                .option("dbtable", "items").option("batchsize", 7).save();
        assertEquals(List.of("20|190|195.00|4"), query("SELECT count(*), sum(id), sum(amount), count(*) - count(name) "
                + "FROM items"));

        DataFrame back = spark.read().jdbc(url, "items", "id", 0, 20, 4, new Properties());
        assertEquals(4, back.rdd().getNumPartitions());
        assertEquals(schema.simpleString(), back.schema().simpleString());
        List<Row> even = back.filter(Functions.col("ok")).filter(Functions.col("id").geq(10)).orderBy("id")
                .collectAsList();
        assertEquals(5, even.size());
        Row r = even.get(0);
        assertEquals(10, r.getInt(0));
        assertTrue(r.isNullAt(1));
        assertEquals(new BigDecimal("10.25"), r.getDecimal(2));
        assertEquals(LocalDate.of(2024, 1, 11), r.getDate(3).toLocalDate());
        assertEquals(2.5, r.getDouble(5));
    }

    @Test
    void saveModes() throws Exception {
        DataFrame three = spark.range(0, 3);
        three.write().jdbc(url, "t", new Properties());
        assertThrows(AnalysisException.class, () -> three.write().jdbc(url, "t", new Properties()));
        three.write().mode("append").jdbc(url, "t", new Properties());
        assertEquals(List.of("6|6"), query("SELECT count(*), sum(id) FROM t"));
        spark.range(10, 12).write().mode("overwrite").jdbc(url, "t", new Properties());
        assertEquals(List.of("10", "11"), query("SELECT id FROM t ORDER BY id"));
        three.write().mode("ignore").jdbc(url, "t", new Properties());
        assertEquals(List.of("10", "11"), query("SELECT id FROM t ORDER BY id"));
        Properties truncate = new Properties();
        truncate.setProperty("truncate", "true");
        three.write().mode("overwrite").jdbc(url, "t", truncate);
        assertEquals(List.of("0", "1", "2"), query("SELECT id FROM t ORDER BY id"));
    }

    @Test
    void queryOption_andPredicates() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE n AS SELECT range AS k, range * range AS sq FROM range(1, 11)");
        }
        DataFrame q = spark.read().format("jdbc").option("url", url).option("query", "SELECT CAST(sum(sq) AS BIGINT) AS total FROM n")
                .load();
        assertEquals(385L, ((Number) q.first().get(0)).longValue());
        DataFrame p = spark.read().jdbc(url, "n", new String[] {"k % 2 = 0", "k % 2 = 1"}, new Properties());
        assertEquals(2, p.rdd().getNumPartitions());
        assertEquals(10, p.count());
    }
}
