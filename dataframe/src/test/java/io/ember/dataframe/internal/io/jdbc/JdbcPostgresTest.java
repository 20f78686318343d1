package io.ember.dataframe.internal.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.ember.rdd.internal.Redaction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC source and sink against a real PostgreSQL server the test starts (initdb into a
 * temporary directory) and stops by PID. Expected values are hand-computed or read back with
 * plain JDBC; the server's statement log shows what Ember actually sent.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JdbcPostgresTest {
    private static PostgresServer server;
    private static EmberSession spark;

    @BeforeAll
    static void startServer() throws Exception {
        Path bin = PostgresServer.binaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                + "(Debian package 'postgresql'); the PostgreSQL JDBC tests are skipped");
        server = PostgresServer.start(bin);
        spark = EmberSession.builder().master("local[2]").appName("dataframe-tests")
                .config("ember.sql.session.timeZone", "UTC").getOrCreate();
        sql("CREATE TABLE people (id INTEGER, name TEXT, score NUMERIC(10,2))");
        StringBuilder insert = new StringBuilder("INSERT INTO people VALUES ");
        for (int i = 1; i <= 10; i++) {
            insert.append("(").append(i).append(", 'n").append(i).append("', ").append(i).append(".50), ");
        }
        insert.append("(NULL, 'nullA', 0.25), (NULL, 'nullB', NULL)");
        sql(insert.toString());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", "s3cret-pw");
        return p;
    }

    /** The id column of each partition, as sets (null kept). */
    private static List<Set<Integer>> idsByPartition(DataFrame df) {
        List<Set<Integer>> out = new ArrayList<>();
        for (io.vavr.collection.List<Row> part : df.select("id").rdd().glom().collect()) {
            Set<Integer> ids = new HashSet<>();
            for (Row r : part) {
                ids.add(r.isNullAt(0) ? null : r.getInt(0));
            }
            out.add(ids);
        }
        return out;
    }

    private static Set<Integer> ids(Integer... ids) {
        return new HashSet<>(Arrays.asList(ids));
    }

    @Test
    void strideRead_boundsOnlySetTheStride_firstPartitionTakesNullsAndLowValues() {
        // lower 3, upper 7, 3 partitions: stride 7/3 - 3/3 = 1, so id < 4 (and NULLs), [4, 5), >= 5.
        DataFrame df = spark.read().jdbc(server.url(), "people", "id", 3, 7, 3, props());
        assertEquals(List.of(ids(1, 2, 3, null), ids(4), ids(5, 6, 7, 8, 9, 10)), idsByPartition(df));
        assertEquals(12, df.count());
    }

    @Test
    void strideRead_morePartitionsThanRows_andNarrowBounds() {
        DataFrame wide = spark.read().format("jdbc").option("url", server.url()).option("dbtable", "people")
                .option("user", server.user()).option("partitionColumn", "id").option("lowerBound", 0)
                .option("upperBound", 1000).option("numPartitions", 50).load();
        List<Set<Integer>> parts = idsByPartition(wide);
        assertEquals(50, parts.size());
        assertEquals(ids(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null), parts.get(0));
        for (int i = 1; i < 50; i++) {
            assertTrue(parts.get(i).isEmpty(), "partition " + i);
        }
        // upper - lower = 2 < 10 requested: Spark uses 2 partitions.
        DataFrame narrow = spark.read().jdbc(server.url(), "people", "id", 4, 6, 10, props());
        assertEquals(List.of(ids(1, 2, 3, 4, null), ids(5, 6, 7, 8, 9, 10)), idsByPartition(narrow));
    }

    @Test
    void strideRead_overDateAndTimestampColumns() throws Exception {
        sql("CREATE TABLE events (d DATE, ts TIMESTAMP)");
        sql("INSERT INTO events SELECT DATE '2024-01-01' + i, TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 hour' "
                + "FROM generate_series(0, 9) AS i");
        sql("INSERT INTO events VALUES (NULL, NULL)");
        // Days 19723..19731 in 4: stride 19731/4 - 19723/4 = 4932 - 4930 = 2 days.
        DataFrame byDay = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("dbtable", "events").option("partitionColumn", "d").option("lowerBound", "2024-01-01")
                .option("upperBound", "2024-01-09").option("numPartitions", 4).load();
        List<List<String>> days = new ArrayList<>();
        for (io.vavr.collection.List<Row> part : byDay.select("d").rdd().glom().collect()) {
            List<String> texts = new ArrayList<>();
            for (Row r : part) {
                texts.add(r.isNullAt(0) ? "null" : r.getDate(0).toLocalDate().toString().substring(8));
            }
            texts.sort(null);
            days.add(texts);
        }
        assertEquals(List.of(List.of("01", "02", "null"), List.of("03", "04"), List.of("05", "06"),
                List.of("07", "08", "09", "10")), days);
        // Ten hours in 2: the first partition holds hours 0-4 and the NULL.
        DataFrame byTime = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("dbtable", "events").option("partitionColumn", "ts").option("lowerBound", "2024-01-01 00:00:00")
                .option("upperBound", "2024-01-01 10:00:00").option("numPartitions", 2).load();
        List<Integer> sizes = new ArrayList<>();
        for (io.vavr.collection.List<Row> part : byTime.rdd().glom().collect()) {
            sizes.add(part.size());
        }
        assertEquals(List.of(6, 5), sizes);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> spark.read().format("jdbc")
                .option("url", server.url()).option("user", server.user()).option("dbtable", "events")
                .option("partitionColumn", "d").option("lowerBound", "yesterday").option("upperBound", "2024-01-09")
                .option("numPartitions", 2).load());
        assertTrue(bad.getMessage().contains("'lowerBound' does not fit the partition column: 'yesterday'"),
                bad.getMessage());
    }

    @Test
    void queryOption_readsTheQueryResult() {
        DataFrame df = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("query", "SELECT id, score * 2 AS doubled FROM people WHERE id <= 3").load();
        // PostgreSQL reports an unconstrained NUMERIC for the product: Spark's decimal(38,18).
        assertEquals("struct<id:int,doubled:decimal(38,18)>", df.schema().simpleString().replace(" ", ""));
        List<String> rows = new ArrayList<>();
        for (Row r : df.orderBy("id").collectAsList()) {
            rows.add(r.getInt(0) + ":" + r.getDecimal(1).toPlainString());
        }
        assertEquals(List.of("1:3.000000000000000000", "2:5.000000000000000000", "3:7.000000000000000000"), rows);
    }

    @Test
    void predicates_onePartitionEach() {
        DataFrame df = spark.read().jdbc(server.url(), "people", new String[] {"id <= 2", "id > 8", "id IS NULL"},
                props());
        assertEquals(List.of(ids(1, 2), ids(9, 10), ids((Integer) null)), idsByPartition(df));
        assertEquals(6, df.count());
    }

    @Test
    void filtersAndColumns_arePushedIntoEachPartitionsQuery() throws Exception {
        DataFrame df = spark.read().jdbc(server.url(), "people", "id", 0, 100, 2, props())
                .filter(Functions.col("id").gt(8)).select("name");
        List<String> names = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            names.add(r.getString(0));
        }
        names.sort(null);
        assertEquals(List.of("n10", "n9"), names);
        String log = server.log();
        // Only the needed columns, the filter and each partition's range reach the database.
        assertTrue(log.contains("SELECT \"id\",\"name\" FROM people WHERE (\"id\" > 8) AND (\"id\" < 50 or \"id\" is null)"),
                log);
        assertTrue(log.contains("SELECT \"id\",\"name\" FROM people WHERE (\"id\" > 8) AND (\"id\" >= 50)"), log);
        String plan = df.explainString(true);
        assertTrue(plan.contains("JDBCRelation(people) [numPartitions=2]"), plan);
        assertTrue(plan.contains("\"id\" > 8"), plan);
    }

    @Test
    void pushDownPredicateFalse_keepsFiltersInEmber() throws Exception {
        DataFrame df = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("dbtable", "people").option("pushDownPredicate", false).load()
                .filter(Functions.col("score").gt(9.9));
        assertEquals(1, df.count());
        assertFalse(server.log().contains("\"score\" > 9.9"), server.log());
    }

    @Test
    void readTypes_mappedAsSparkJdbcUtils() throws Exception {
        sql("CREATE TABLE typed (s SMALLINT, i INTEGER, b BIGINT, r REAL, d DOUBLE PRECISION, n NUMERIC(20,4), "
                + "nu NUMERIC, v VARCHAR(10), c CHAR(3), t TEXT, bo BOOLEAN, da DATE, ts TIMESTAMP, tz TIMESTAMPTZ, "
                + "by BYTEA, u UUID, j JSON)");
        sql("INSERT INTO typed VALUES (-7, 2147483647, 9007199254740993, 1.5, 2.25, 12345678901234.5678, 1.125, "
                + "'vv', 'ab', 'tt', true, '2024-02-29', '2024-03-01 12:34:56.789', '2024-03-01 12:00:00+00', "
                + "'\\x01ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"k\": 1}')");
        DataFrame df = spark.read().jdbc(server.url(), "typed", props());
        assertEquals("struct<s:int,i:int,b:bigint,r:double,d:double,n:decimal(20,4),nu:decimal(38,18),v:string,"
                + "c:string,t:string,bo:boolean,da:date,ts:timestamp,tz:timestamp,by:binary,u:string,j:string>",
                df.schema().simpleString().replace(" ", ""));
        Row r = df.first();
        assertEquals(-7, r.getInt(0));
        assertEquals(2147483647, r.getInt(1));
        assertEquals(9007199254740993L, r.getLong(2));
        assertEquals(1.5, r.getDouble(3));
        assertEquals(new BigDecimal("12345678901234.5678"), r.getDecimal(5));
        assertEquals(new BigDecimal("1.125000000000000000"), r.getDecimal(6));
        assertEquals("ab ", r.getString(8));
        assertEquals(LocalDate.of(2024, 2, 29), r.getDate(11).toLocalDate());
        assertEquals(Instant.parse("2024-03-01T12:00:00Z"), ((java.sql.Timestamp) r.get(13)).toInstant());
        assertArrayEquals(new byte[] {1, (byte) 0xff}, (byte[]) r.get(14));
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", r.getString(15));
    }

    @Test
    void customSchema_overridesMappedTypes() {
        DataFrame df = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("dbtable", "people").option("customSchema", "score STRING, id BIGINT").load();
        assertEquals("struct<id:bigint,name:string,score:string>", df.schema().simpleString().replace(" ", ""));
        Row r = df.filter(Functions.col("id").equalTo(3L)).first();
        assertEquals(3L, r.getLong(0));
        assertEquals("3.50", r.getString(2));
    }

    @Test
    void sessionInitStatement_andFetchSize() throws Exception {
        sql("CREATE SCHEMA other");
        sql("CREATE TABLE other.only_there (x INTEGER)");
        sql("INSERT INTO other.only_there SELECT generate_series(1, 25)");
        DataFrame df = spark.read().format("jdbc").option("url", server.url()).option("user", server.user())
                .option("dbtable", "only_there").option("sessionInitStatement", "SET search_path TO other")
                .option("fetchsize", 4).load();
        long sum = 0;
        for (Row r : df.collectAsList()) {
            sum += r.getInt(0);
        }
        assertEquals(25 * 26 / 2, sum);
    }

    private static StructType allTypes() {
        return new StructType().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
                .add("d", DataTypes.DoubleType).add("b", DataTypes.BooleanType).add("s", DataTypes.StringType)
                .add("bin", DataTypes.BinaryType).add("da", DataTypes.DateType).add("ts", DataTypes.TimestampType)
                .add("dec", new DecimalType(12, 3));
    }

    private static List<Row> allTypeRows() {
        return List.of(
                RowFactory.create(1, 10_000_000_000L, 0.5, true, "héllo 'q'", new byte[] {0, 1, -1},
                        java.sql.Date.valueOf("2024-02-29"), java.sql.Timestamp.from(Instant.parse("2024-03-01T10:11:12.345678Z")),
                        new BigDecimal("123456789.125")),
                RowFactory.create(-2, -5L, -1e300, false, "", new byte[0], java.sql.Date.valueOf("1969-12-31"),
                        java.sql.Timestamp.from(Instant.parse("1960-01-01T00:00:00Z")), new BigDecimal("-0.001")),
                RowFactory.create(null, null, null, null, null, null, null, null, null));
    }

    @Test
    void everySparkType_roundTripsThroughATableEmberCreates() throws Exception {
        DataFrame df = spark.createDataFrame(allTypeRows(), allTypes());
        df.write().jdbc(server.url(), "all_types", props());
        assertEquals(List.of(List.of("i", "integer"), List.of("l", "bigint"), List.of("d", "double precision"),
                        List.of("b", "boolean"), List.of("s", "text"), List.of("bin", "bytea"), List.of("da", "date"),
                        List.of("ts", "timestamp without time zone"), List.of("dec", "numeric")),
                query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'all_types' "
                        + "ORDER BY ordinal_position"));
        List<List<Object>> stored = query("SELECT i, l, s, dec FROM all_types ORDER BY i NULLS LAST");
        assertEquals(List.of(-2, -5L, "", new BigDecimal("-0.001")), stored.get(0));
        assertEquals(List.of(1, 10_000_000_000L, "héllo 'q'", new BigDecimal("123456789.125")), stored.get(1));
        assertTrue(stored.get(2).stream().allMatch(v -> v == null));

        List<Row> back = spark.read().jdbc(server.url(), "all_types", props()).orderBy("i").collectAsList();
        assertEquals(3, back.size());
        assertTrue(back.get(0).isNullAt(0) && back.get(0).isNullAt(8), "the all-null row sorts first");
        Row one = back.get(2);
        assertEquals(1, one.getInt(0));
        assertEquals(10_000_000_000L, one.getLong(1));
        assertEquals(0.5, one.getDouble(2));
        assertTrue(one.getBoolean(3));
        assertEquals("héllo 'q'", one.getString(4));
        assertArrayEquals(new byte[] {0, 1, -1}, (byte[]) one.get(5));
        assertEquals(LocalDate.of(2024, 2, 29), one.getDate(6).toLocalDate());
        assertEquals(Instant.parse("2024-03-01T10:11:12.345678Z"), ((java.sql.Timestamp) one.get(7)).toInstant());
        assertEquals(new BigDecimal("123456789.125"), one.getDecimal(8));
        Row two = back.get(1);
        assertEquals(-1e300, two.getDouble(2));
        assertFalse(two.getBoolean(3));
        assertEquals(LocalDate.of(1969, 12, 31), two.getDate(6).toLocalDate());
        assertEquals(Instant.parse("1960-01-01T00:00:00Z"), ((java.sql.Timestamp) two.get(7)).toInstant());
    }

    private static List<Long> storedIds(String table) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (List<Object> row : query("SELECT id FROM " + table + " ORDER BY id")) {
            out.add(((Number) row.get(0)).longValue());
        }
        return out;
    }

    @Test
    void saveModes_errorAppendOverwriteTruncateIgnore() throws Exception {
        sql("CREATE TABLE modes (id BIGINT, extra TEXT)");
        sql("INSERT INTO modes VALUES (100, 'old')");
        DataFrame two = spark.range(0, 2);
        AnalysisException exists = assertThrows(AnalysisException.class,
                () -> two.write().jdbc(server.url(), "modes", props()));
        assertTrue(exists.getMessage().contains("modes") && exists.getMessage().contains("already exists"),
                exists.getMessage());

        two.write().mode("ignore").jdbc(server.url(), "modes", props());
        assertEquals(List.of(100L), storedIds("modes"));

        spark.range(5, 7).write().mode("append").jdbc(server.url(), "modes", props());
        assertEquals(List.of(5L, 6L, 100L), storedIds("modes"));

        // truncate keeps the table's definition: the extra column stays.
        spark.range(7, 9).write().mode("overwrite").option("truncate", true).format("jdbc")
                .option("url", server.url()).option("dbtable", "modes").option("user", server.user()).save();
        assertEquals(List.of(7L, 8L), storedIds("modes"));
        assertEquals(2, query("SELECT column_name FROM information_schema.columns WHERE table_name = 'modes'").size());

        // overwrite without truncate drops and creates the table from the DataFrame's schema.
        spark.range(0, 3).write().mode("overwrite").jdbc(server.url(), "modes", props());
        assertEquals(List.of(0L, 1L, 2L), storedIds("modes"));
        assertEquals(List.of(List.of("id")),
                query("SELECT column_name FROM information_schema.columns WHERE table_name = 'modes'"));
    }

    @Test
    void createTableColumnTypesAndOptions_areUsed() throws Exception {
        Properties p = props();
        p.setProperty("createTableColumnTypes", "name VARCHAR(64), amount DECIMAL(8, 2)");
        p.setProperty("createTableOptions", "WITH (fillfactor=70)");
        spark.createDataFrame(List.of(RowFactory.create("a", 1.25)),
                new StructType().add("name", DataTypes.StringType).add("amount", DataTypes.DoubleType))
                .write().jdbc(server.url(), "created", p);
        assertEquals(List.of(List.of("name", "character varying", 64), Arrays.asList("amount", "numeric", null)),
                query("SELECT column_name, data_type, character_maximum_length FROM information_schema.columns "
                        + "WHERE table_name = 'created' ORDER BY ordinal_position"));
        assertEquals(List.of(List.of(new BigDecimal("1.25"))), query("SELECT amount FROM created"));
        assertEquals("{fillfactor=70}", query("SELECT reloptions::text FROM pg_class WHERE relname = 'created'")
                .get(0).get(0));
    }

    @Test
    void failingPartition_rollsBackItsTransaction() throws Exception {
        sql("CREATE TABLE guarded (id BIGINT PRIMARY KEY, v BIGINT CHECK (v >= 0))");
        // Partition 0 holds ids 0..4 (valid); partition 1 holds 5..9 and id 8 breaks the CHECK after
        // two batches of 2 rows were already sent.
        DataFrame df = spark.range(0, 10, 1, 2).selectExpr("id", "CASE WHEN id = 8 THEN -1 ELSE id END AS v");
        Exception e = assertThrows(Exception.class,
                () -> df.write().mode("append").option("batchsize", 2).jdbc(server.url(), "guarded", props()));
        String messages = messages(e);
        assertTrue(messages.contains("rolled back") && messages.contains("guarded"), messages);
        // Partition 0 is whole or absent (its task may still run when the job fails and be
        // interrupted, rolling it back); nothing of the failing partition 1 is ever kept.
        List<Long> stored = storedIds("guarded");
        assertTrue(stored.equals(List.of(0L, 1L, 2L, 3L, 4L)) || stored.isEmpty(), "stored ids " + stored);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    @Test
    void badTableAndBadUrl_areClearErrors_withoutThePassword() {
        JdbcException table = assertThrows(JdbcException.class,
                () -> spark.read().jdbc(server.url(), "no_such_table", props()));
        assertTrue(table.getMessage().contains("no_such_table"), table.getMessage());

        String badUrl = "jdbc:postgresql://127.0.0.1:1/postgres?user=ember&password=s3cret-pw";
        JdbcException url = assertThrows(JdbcException.class,
                () -> spark.read().jdbc(badUrl, "people", new Properties()));
        assertTrue(url.getMessage().contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/postgres?user=ember&password="
                + Redaction.REDACTED), url.getMessage());
        assertFalse(messages(url).contains("s3cret-pw"), messages(url));

        Exception noDriver = assertThrows(Exception.class,
                () -> spark.read().jdbc("jdbc:nosuchdb://h/db", "people", new Properties()));
        assertTrue(noDriver.getMessage().contains("jdbc:nosuchdb://h/db"), noDriver.getMessage());
    }

    @Test
    void passwords_areRedactedInPlans_andInTheUisSqlEvents() throws Exception {
        List<String> sqlEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.ember.rdd.EmberListener listener = event -> {
            if (event instanceof io.ember.dataframe.internal.ui.SqlExecutionStart start) {
                sqlEvents.add(start.plan().toString());
            }
        };
        spark.sparkContext().addListener(listener);
        String url = server.url() + "?password=s3cret-pw";
        DataFrame df = spark.read().jdbc(url, "people", props()).filter(Functions.col("id").lt(3));
        String plan = df.explainString(true);
        assertFalse(plan.contains("s3cret-pw"), plan);
        assertTrue(plan.contains("password=" + Redaction.REDACTED), plan);
        assertEquals(2, df.count());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sqlEvents.stream().noneMatch(e -> e.contains("JDBCRelation(people)")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        spark.sparkContext().removeListener(listener);
        String shown = String.join("\n", sqlEvents);
        assertTrue(shown.contains("JDBCRelation(people)") && shown.contains(Redaction.REDACTED), shown);
        assertFalse(shown.contains("s3cret-pw"), shown);
    }

    @Test
    void driverOption_loadsTheClass_andNoTransactionMode() throws Exception {
        Properties p = props();
        p.setProperty("driver", "org.postgresql.Driver");
        p.setProperty("isolationLevel", "NONE");
        spark.range(0, 4, 1, 2).write().jdbc(server.url(), "plain", p);
        assertEquals(List.of(0L, 1L, 2L, 3L), storedIds("plain"));
        assertEquals(4, spark.read().jdbc(server.url(), "plain", p).count());
        p.setProperty("driver", "org.example.NoSuchDriver");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().jdbc(server.url(), "plain", p));
        assertTrue(e.getMessage().contains("'org.example.NoSuchDriver' (option 'driver')"), e.getMessage());
    }

    @Test
    void unknownOption_namesTheClosestKnownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().format("jdbc").option("numPartition", 4));
        assertTrue(e.getMessage().contains("'numPartition'") && e.getMessage().contains("'numPartitions'"),
                e.getMessage());
        Properties p = props();
        p.setProperty("fetchSzie", "10");
        IllegalArgumentException viaProps = assertThrows(IllegalArgumentException.class,
                () -> spark.read().jdbc(server.url(), "people", p));
        assertTrue(viaProps.getMessage().contains("Did you mean 'fetchsize'"), viaProps.getMessage());
    }
}
