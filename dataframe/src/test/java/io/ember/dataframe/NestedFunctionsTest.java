package io.ember.dataframe;

import static io.ember.dataframe.NestedFixtures.map;
import static io.ember.dataframe.Functions.array;
import static io.ember.dataframe.Functions.array_contains;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.element_at;
import static io.ember.dataframe.Functions.explode;
import static io.ember.dataframe.Functions.explode_outer;
import static io.ember.dataframe.Functions.from_json;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.map_keys;
import static io.ember.dataframe.Functions.map_values;
import static io.ember.dataframe.Functions.posexplode;
import static io.ember.dataframe.Functions.posexplode_outer;
import static io.ember.dataframe.Functions.size;
import static io.ember.dataframe.Functions.struct;
import static io.ember.dataframe.Functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nested-type functions, generators and field access, each checked against hand-computed values. */
class NestedFunctionsTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame nested() {
        return NestedFixtures.nested(spark);
    }

    private static List<List<Object>> values(DataFrame df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(Arrays.asList(r.toArray()));
        }
        return out;
    }

    private static List<Object> row(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void sizeElementAtContainsKeysValues_withEmptiesAndNulls() {
        DataFrame df = nested().orderBy("id").select(size(col("xs")), size(col("m")), element_at(col("xs"), 1),
                element_at(col("xs"), -1), element_at(col("m"), "b"), array_contains(col("xs"), 2), map_keys(col("m")),
                map_values(col("m")));
        assertEquals(List.of(
                row(2, 2, 1, 2, 2, true, List.of("a", "b"), List.of(1, 2)),
                row(0, 0, null, null, null, false, List.of(), List.of()),
                row(2, 1, 3, null, null, null, List.of("c"), Arrays.asList((Integer) null)),
                row(-1, -1, null, null, null, null, null, null)), values(df));
    }

    @Test
    void elementAt_zeroIndexFails() {
        Exception e = assertThrows(Exception.class,
                () -> nested().select(element_at(col("xs"), 0)).collectAsList());
        assertTrue(String.valueOf(rootMessage(e)).contains("INVALID_INDEX_OF_ZERO"), rootMessage(e));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void arrayMapStruct_buildValuesWithCommonTypes() {
        DataFrame df = nested().where(col("id").equalTo(1)).select(
                array(col("id"), lit(7L), lit(null)).as("arr"),
                Functions.map(lit("k"), col("id"), lit("k"), lit(5)).as("mp"),
                struct(col("id"), col("s").getField("b").as("bee"), lit(1.5)).as("st"));
        assertEquals(new ArrayType(DataTypes.LongType, true), df.schema().apply("arr").dataType());
        assertEquals(new MapType(DataTypes.StringType, DataTypes.IntegerType, true), df.schema().apply("mp").dataType());
        assertEquals("struct<id:int,bee:string,col3:double>", df.schema().apply("st").dataType().simpleString());
        Row r = df.first();
        assertEquals(Arrays.asList(1L, 7L, null), r.getList(0));
        assertEquals(map("k", 5), r.getJavaMap(1));
        assertEquals(Row.of(1, "x", 1.5), r.getStruct(2));
    }

    @Test
    void map_nullKeyIsAnError() {
        Exception e = assertThrows(Exception.class, () -> nested().select(Functions.map(col("s").getField("b"), col("id")))
                .collectAsList());
        assertTrue(rootMessage(e).contains("NULL_MAP_KEY"), rootMessage(e));
    }

    @Test
    void fieldAccess_dottedNameGetFieldAndGetItem() {
        DataFrame df = nested().orderBy("id").select(col("s.a"), col("s").getField("b"), col("xs").getItem(1),
                col("m").getItem("a"));
        assertEquals(List.of("a", "s.b", "xs[1]", "m[a]"), List.of(df.columns()));
        assertEquals(List.of(row(1, "x", 2, 1), row(null, "y", null, null), row(null, null, null, null),
                row(4, null, null, null)), values(df));
    }

    @Test
    void fieldAccess_missingFieldNamesTheFields() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> nested().select(col("s.z")));
        assertTrue(e.getMessage().contains("[FIELD_NOT_FOUND]") && e.getMessage().contains("`a`, `b`"), e.getMessage());
        AnalysisException notStruct = assertThrows(AnalysisException.class, () -> nested().select(col("id").getField("q")));
        assertTrue(notStruct.getMessage().contains("[INVALID_EXTRACT_BASE_FIELD_TYPE]"), notStruct.getMessage());
    }

    @Test
    void explode_array_skipsNullAndEmpty() {
        DataFrame df = nested().select(col("id"), explode(col("xs"))).orderBy("id", "col");
        assertEquals(List.of("id", "col"), List.of(df.columns()));
        assertEquals(List.of(row(1, 1), row(1, 2), row(3, null), row(3, 3)), values(df));
    }

    @Test
    void explodeOuter_keepsNullAndEmptyAsNullRows() {
        DataFrame df = nested().select(col("id"), explode_outer(col("xs")).as("x")).orderBy("id", "x");
        assertEquals(List.of(row(1, 1), row(1, 2), row(2, null), row(3, null), row(3, 3), row(4, null)), values(df));
    }

    @Test
    void posexplode_map_givesPosKeyValue() {
        DataFrame df = nested().select(col("id"), posexplode(col("m"))).orderBy("id", "pos");
        assertEquals(List.of("id", "pos", "key", "value"), List.of(df.columns()));
        assertEquals(List.of(row(1, 0, "a", 1), row(1, 1, "b", 2), row(3, 0, "c", null)), values(df));
        DataFrame outer = nested().select(col("id"), posexplode_outer(col("m"))).orderBy("id", "pos");
        assertEquals(5, outer.count());
    }

    @Test
    void explode_thenAggregate_andInSql() {
        nested().createOrReplaceTempView("nested_t");
        DataFrame sums = spark.sql("SELECT id, sum(x) AS total FROM (SELECT id, explode(xs) AS x FROM nested_t) "
                + "GROUP BY id ORDER BY id");
        assertEquals(List.of(row(1, 3L), row(3, 3L)), values(sums));
        DataFrame fields = spark.sql("SELECT s.a, named_struct('p', id, 'q', s.b) AS ns, size(xs) FROM nested_t "
                + "WHERE id = 1");
        assertEquals(row(1, Row.of(1, "x"), 2), values(fields).get(0));
        DataFrame items = spark.sql("SELECT xs[1], m['b'], element_at(xs, -1), array_contains(xs, 1), map_keys(m), "
                + "to_json(s), cast(m AS STRING), split('p,q', ',')[1] FROM nested_t WHERE id = 1");
        assertEquals(row(2, 2, 2, true, List.of("a", "b"), "{\"a\":1,\"b\":\"x\"}", "{a -> 1, b -> 2}", "q"),
                values(items).get(0));
        DataFrame parsed = spark.sql("SELECT from_json('{\"p\": [1, 2]}', 'p ARRAY<INT>') AS j, "
                + "explode(array(1, 2, 3)) AS e").where("e > 1");
        assertEquals(List.of(row(Row.of(List.of(1, 2)), 2), row(Row.of(List.of(1, 2)), 3)), values(parsed));
    }

    @Test
    void generator_twoOrNestedAreErrors() {
        AnalysisException two = assertThrows(AnalysisException.class,
                () -> nested().select(explode(col("xs")), explode(col("xs"))));
        assertTrue(two.getMessage().contains("MULTI_GENERATOR"), two.getMessage());
        AnalysisException inner = assertThrows(AnalysisException.class,
                () -> nested().select(size(array(explode(col("xs"))))));
        assertTrue(inner.getMessage().contains("NESTED_IN_EXPRESSIONS"), inner.getMessage());
        AnalysisException notCollection = assertThrows(AnalysisException.class,
                () -> nested().select(explode(col("id"))));
        assertTrue(notCollection.getMessage().contains("UNEXPECTED_INPUT_TYPE"), notCollection.getMessage());
    }

    @Test
    void toJson_fromJson_roundTrip() {
        DataFrame df = nested().orderBy("id").select(to_json(col("s")), to_json(col("m")), to_json(col("xs")));
        assertEquals(List.of(
                row("{\"a\":1,\"b\":\"x\"}", "{\"a\":1,\"b\":2}", "[1,2]"),
                row("{\"b\":\"y\"}", "{}", "[]"),
                row(null, "{\"c\":null}", "[3,null]"),
                row("{\"a\":4}", null, null)), values(df));
        StructType schema = StructType.fromDDL("a INT, b ARRAY<STRING>, c STRUCT<d: DOUBLE>");
        DataFrame parsed = spark.createDataFrame(List.of(RowFactory.create("{\"a\":1,\"b\":[\"p\",null],\"c\":{\"d\":2.5}}"),
                RowFactory.create("{\"a\":\"not a number\",\"b\":[]}"), RowFactory.create("not json"),
                RowFactory.create((Object) null)), StructType.fromDDL("j STRING"))
                .select(from_json(col("j"), schema).as("v"));
        assertEquals(schema, parsed.schema().apply("v").dataType());
        List<Row> rows = parsed.collectAsList();
        assertEquals(Row.of(1, Arrays.asList("p", null), Row.of(2.5)), rows.get(0).getStruct(0));
        assertEquals(Row.of(null, List.of(), null), rows.get(1).getStruct(0));
        assertEquals(Row.of(null, null, null), rows.get(2).getStruct(0));
        assertNull(rows.get(3).get(0));
    }
}
