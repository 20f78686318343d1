package io.ember.dataframe;

import static io.ember.dataframe.NestedFixtures.map;
import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested Parquet columns: files written by DuckDB and by parquet-mr (standard and legacy LIST
 * layouts, MAP), Ember's own files read back and read by DuckDB, and flat columns selected from
 * a file that also has nested ones.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetNestedTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private static void duckDb(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> duckDbRows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void duckDbFile_listsMapsStructsWithNullsAndEmpties() throws Exception {
        String file = dir.resolve("duck.parquet").toString();
        duckDb("COPY (SELECT * FROM (VALUES "
                + "(1, [1, 2], MAP {'a': 1, 'b': 2}, {'x': 1, 'y': 'p'}, [{'k': 'q'}]), "
                + "(2, [], MAP {}, {'x': NULL, 'y': 'r'}, []), "
                + "(3, [3, NULL], MAP {'c': NULL}, NULL, [NULL]), "
                + "(4, NULL, NULL, {'x': 4, 'y': NULL}, NULL)) "
                + "t(id, xs, m, s, ls)) TO '" + file + "' (FORMAT PARQUET)");
        DataFrame df = spark.read().parquet(file);
        assertEquals("struct<id:int,xs:array<int>,m:map<string,int>,s:struct<x:int,y:string>,ls:array<struct<k:string>>>",
                df.schema().simpleString());
        List<Row> rows = df.orderBy("id").collectAsList();
        assertEquals(Row.of(1, List.of(1, 2), map("a", 1, "b", 2), Row.of(1, "p"), List.of(Row.of("q"))), rows.get(0));
        assertEquals(Row.of(2, List.of(), Map.of(), Row.of(null, "r"), List.of()), rows.get(1));
        assertEquals(Row.of(3, Arrays.asList(3, null), map("c", null), null, Arrays.asList((Object) null)), rows.get(2));
        assertEquals(Row.of(4, null, null, Row.of(4, null), null), rows.get(3));
        assertEquals(List.of(Row.of(1), Row.of(2), Row.of(3), Row.of(4)),
                df.select("id").orderBy("id").collectAsList());
        // A field of an array of structs is the array of that field, a null struct a null element.
        DataFrame ks = df.select(col("id"), col("ls.k"), col("ls").getField("k")).orderBy("id");
        assertEquals(List.of("id", "k", "ls.k"), List.of(ks.columns()));
        assertEquals(List.of(Row.of(1, List.of("q"), List.of("q")), Row.of(2, List.of(), List.of()),
                Row.of(3, Arrays.asList((Object) null), Arrays.asList((Object) null)), Row.of(4, null, null)),
                ks.collectAsList());
    }

    @Test
    void emberFile_readsBackAndDuckDbReadsIt() throws Exception {
        StructType schema = StructType.fromDDL("id INT, xs ARRAY<BIGINT>, m MAP<STRING, INT>, "
                + "s STRUCT<a: DECIMAL(20,2), b: ARRAY<STRING>>");
        DataFrame df = spark.createDataFrame(List.of(
                RowFactory.create(1, List.of(1L, 2L), map("a", 1), RowFactory.create(new java.math.BigDecimal("1.50"),
                        List.of("u", "v"))),
                RowFactory.create(2, List.of(), map(), RowFactory.create(null, List.of())),
                RowFactory.create(3, Arrays.asList(null, 3L), map("n", null), null),
                RowFactory.create(4, null, null, RowFactory.create(null, null))), schema);
        String out = dir.resolve("ember").toString();
        df.write().parquet(out);
        DataFrame back = spark.read().parquet(out);
        assertEquals(schema, back.schema());
        assertEquals(df.orderBy("id").collectAsList(), back.orderBy("id").collectAsList());
        try (Stream<Path> files = Files.list(Path.of(out))) {
            String glob = out + "/*.parquet";
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".parquet")));
            assertEquals(List.of("1|[1, 2]|{a=1}|1.50|[u, v]", "2|[]|{}|NULL|[]", "3|[NULL, 3]|{n=NULL}|NULL|NULL",
                            "4|NULL|NULL|NULL|NULL"),
                    duckDbRows("SELECT concat_ws('|', id, coalesce(xs::VARCHAR, 'NULL'), coalesce(m::VARCHAR, 'NULL'), "
                            + "coalesce(s.a::VARCHAR, 'NULL'), coalesce(s.b::VARCHAR, 'NULL')) FROM read_parquet('"
                            + glob + "') ORDER BY id"));
        }
    }

    @Test
    void parquetMrLegacyLists_twoLevelAndUnannotatedRepeated() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message m {\n"
                + "  required int32 id;\n"
                + "  optional group two (LIST) { repeated int32 array; }\n"
                + "  optional group pairs (LIST) { repeated group pairs_tuple { required int32 a; optional binary b (UTF8); } }\n"
                + "  repeated binary tags (UTF8);\n"
                + "  optional group kv (MAP) { repeated group key_value { required binary key (UTF8); optional int64 value; } }\n"
                + "}");
        Path file = dir.resolve("legacy.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).build()) {
            Group g1 = groups.newGroup().append("id", 1);
            Group two = g1.addGroup("two");
            two.add("array", 5);
            two.add("array", 6);
            g1.addGroup("pairs").addGroup("pairs_tuple").append("a", 7).append("b", "x");
            g1.add("tags", "t1");
            g1.add("tags", "t2");
            Group kv = g1.addGroup("kv");
            kv.addGroup("key_value").append("key", "k").append("value", 9L);
            kv.addGroup("key_value").append("key", "n");
            w.write(g1);
            Group g2 = groups.newGroup().append("id", 2);
            g2.addGroup("two");
            w.write(g2);
        }
        DataFrame df = spark.read().parquet(file.toString());
        assertEquals("struct<id:int,two:array<int>,pairs:array<struct<a:int,b:string>>,tags:array<string>,"
                + "kv:map<string,bigint>>", df.schema().simpleString());
        List<Row> rows = df.orderBy("id").collectAsList();
        Map<String, Long> expectedKv = new LinkedHashMap<>();
        expectedKv.put("k", 9L);
        expectedKv.put("n", null);
        assertEquals(Row.of(1, List.of(5, 6), List.of(Row.of(7, "x")), List.of("t1", "t2"), expectedKv), rows.get(0));
        assertEquals(Row.of(2, List.of(), null, List.of(), null), rows.get(1));
        assertEquals(List.of(Row.of(1), Row.of(2)), df.select(col("id")).orderBy("id").collectAsList());
    }

    @Test
    void flatColumnsOfAFileWithAnArrayColumn_read() throws Exception {
        String file = dir.resolve("mixed.parquet").toString();
        duckDb("COPY (SELECT range AS id, [range, range + 1] AS xs, 'n' || range AS name FROM range(0, 5)) TO '"
                + file + "' (FORMAT PARQUET)");
        DataFrame df = spark.read().parquet(file);
        List<Row> flat = df.select("id", "name").where(col("id").geq(3)).orderBy("id").collectAsList();
        assertEquals(List.of(Row.of(3L, "n3"), Row.of(4L, "n4")), flat);
        assertNull(df.where(col("id").equalTo(0)).select(Functions.element_at(col("xs"), 3)).first().get(0));
        assertEquals(5L, df.select(Functions.explode(col("xs")).as("x")).agg(Functions.max("x")).first().getLong(0));
    }
}
