package io.ember.dataframe;

import static io.ember.dataframe.NestedFixtures.map;
import static io.ember.dataframe.NestedFixtures.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Map, struct and array column types: DDL, values through a DataFrame, show() and printSchema(). */
class NestedTypesTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame nested() {
        return NestedFixtures.nested(spark);
    }

    @Test
    void ddl_parsesMapStructAndNestedArrays() {
        assertEquals(new MapType(DataTypes.StringType, DataTypes.IntegerType, true), SCHEMA.apply("m").dataType());
        assertEquals(new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType),
                SCHEMA.apply("s").dataType());
        DataType deep = StructType.fromDDL("v array<map<string,struct<x:bigint not null>>>").apply(0).dataType();
        assertEquals(new ArrayType(new MapType(DataTypes.StringType,
                new StructType().add("x", DataTypes.LongType, false), true), true), deep);
        assertEquals("array<map<string,struct<x:bigint>>>", deep.simpleString());
        assertEquals(DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType),
                StructType.fromDDL("m map<int,string>").apply(0).dataType());
        assertEquals(new StructType(), StructType.fromDDL("s struct<>").apply(0).dataType());
    }

    @Test
    void ddl_badNestedTypeNamesPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructType.fromDDL("m map<string int>"));
        assertTrue(e.getMessage().contains("position") && e.getMessage().contains("expected ','"), e.getMessage());
    }

    @Test
    void collect_returnsListsMapsAndRows() {
        List<Row> rows = nested().orderBy("id").collectAsList();
        assertEquals(List.of(1, 2), rows.get(0).getList(1));
        assertEquals(map("a", 1, "b", 2), rows.get(0).getJavaMap(2));
        assertEquals(List.of("a", "b"), List.copyOf(rows.get(0).<String, Integer>getJavaMap(2).keySet()));
        assertEquals(1, rows.get(0).getStruct(3).getInt(0));
        assertEquals("x", rows.get(0).getStruct(3).getAs("b"));
        assertEquals(List.of(), rows.get(1).getList(1));
        assertEquals(Map.of(), rows.get(1).getJavaMap(2));
        assertNull(rows.get(1).getStruct(3).get(0));
        assertEquals(Arrays.asList(3, null), rows.get(2).getList(1));
        assertTrue(rows.get(2).getJavaMap(2).containsKey("c"));
        assertNull(rows.get(2).getStruct(3));
        assertNull(rows.get(3).getList(1));
        assertNull(rows.get(3).getJavaMap(2));
    }

    @Test
    void show_printsNestedValuesAsSpark() {
        String shown = nested().orderBy("id").showString(20, 0);
        String[] lines = shown.split("\n");
        assertEquals("|1  |[1, 2]   |{a -> 1, b -> 2}|{1, x}   |", lines[3]);
        assertEquals("|2  |[]       |{}              |{null, y}|", lines[4]);
        assertEquals("|3  |[3, null]|{c -> null}     |null     |", lines[5]);
        assertEquals("|4  |null     |null            |{4, null}|", lines[6]);
        assertEquals("|id |xs       |m               |s        |", lines[1]);
    }

    @Test
    void printSchema_treeOfNestedTypesAsSpark() {
        StructType schema = StructType.fromDDL("xs ARRAY<STRUCT<a:INT>>, m MAP<STRING, ARRAY<INT>>, s STRUCT<t: STRUCT<u: DATE>>");
        String expected = "root\n"
                + " |-- xs: array (nullable = true)\n"
                + " |    |-- element: struct (containsNull = true)\n"
                + " |    |    |-- a: integer (nullable = true)\n"
                + " |-- m: map (nullable = true)\n"
                + " |    |-- key: string\n"
                + " |    |-- value: array (valueContainsNull = true)\n"
                + " |    |    |-- element: integer (containsNull = true)\n"
                + " |-- s: struct (nullable = true)\n"
                + " |    |-- t: struct (nullable = true)\n"
                + " |    |    |-- u: date (nullable = true)\n";
        assertEquals(expected, schema.treeString());
    }

    @Test
    void createDataFrame_wrongStructArityNamesTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.createDataFrame(
                List.of(RowFactory.create(1, null, null, RowFactory.create(1))), SCHEMA).collectAsList());
        assertTrue(e.getMessage().contains("struct<a:int,b:string>"), e.getMessage());
    }
}
