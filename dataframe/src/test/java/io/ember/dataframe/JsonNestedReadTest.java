package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON objects and arrays read as struct, array and map columns, inferred as Spark infers them. */
class JsonNestedReadTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private String write(String text) throws IOException {
        Path p = dir.resolve("n.json");
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void inference_mergesStructFieldsByNameAndArrayElements() throws IOException {
        String p = write("{\"id\":1,\"s\":{\"z\":1,\"a\":\"x\"},\"xs\":[1,2],\"deep\":[{\"k\":1}]}\n"
                + "{\"id\":2,\"s\":{\"b\":true,\"z\":2.5},\"xs\":[],\"deep\":[{\"q\":null},{\"k\":3}]}\n"
                + "{\"id\":3,\"s\":null,\"xs\":[null,3],\"deep\":null,\"e\":[]}\n");
        DataFrame df = spark.read().json(p);
        assertEquals("root\n"
                + " |-- deep: array (nullable = true)\n"
                + " |    |-- element: struct (containsNull = true)\n"
                + " |    |    |-- k: long (nullable = true)\n"
                + " |    |    |-- q: string (nullable = true)\n"
                + " |-- e: array (nullable = true)\n"
                + " |    |-- element: string (containsNull = true)\n"
                + " |-- id: long (nullable = true)\n"
                + " |-- s: struct (nullable = true)\n"
                + " |    |-- a: string (nullable = true)\n"
                + " |    |-- b: boolean (nullable = true)\n"
                + " |    |-- z: double (nullable = true)\n"
                + " |-- xs: array (nullable = true)\n"
                + " |    |-- element: long (containsNull = true)\n", df.schema().treeString());
        List<Row> rows = df.orderBy("id").collectAsList();
        assertEquals(List.of(Row.of(1L, null)), rows.get(0).getList(0));
        assertEquals(Row.of("x", null, 1.0), rows.get(0).getStruct(3));
        assertEquals(List.of(1L, 2L), rows.get(0).getList(4));
        assertEquals(List.of(Row.of(null, null), Row.of(3L, null)), rows.get(1).getList(0));
        assertEquals(Row.of(null, true, 2.5), rows.get(1).getStruct(3));
        assertEquals(List.of(), rows.get(1).getList(4));
        assertNull(rows.get(2).get(0));
        assertEquals(List.of(), rows.get(2).getList(1));
        assertNull(rows.get(2).getStruct(3));
        assertEquals(Arrays.asList(null, 3L), rows.get(2).getList(4));
    }

    @Test
    void userSchema_readsObjectsAsMapsAndStructs() throws IOException {
        String p = write("{\"m\":{\"a\":1,\"b\":null},\"s\":{\"x\":[\"p\"]}}\n{\"m\":{},\"s\":{}}\n{}\n");
        DataFrame df = spark.read().schema("m MAP<STRING, INT>, s STRUCT<x: ARRAY<STRING>, y: INT>").json(p);
        List<Row> rows = df.collectAsList();
        assertEquals(Arrays.asList("a", "b"), List.copyOf(rows.get(0).<String, Integer>getJavaMap(0).keySet()));
        assertEquals(1, rows.get(0).getJavaMap(0).get("a"));
        assertNull(rows.get(0).getJavaMap(0).get("b"));
        assertEquals(Row.of(List.of("p"), null), rows.get(0).getStruct(1));
        assertEquals(Map.of(), rows.get(1).getJavaMap(0));
        assertEquals(Row.of(null, null), rows.get(1).getStruct(1));
        assertEquals(Row.of(null, null), rows.get(2));
    }

    @Test
    void wrongNestedType_isACorruptRecordInPermissiveMode() throws IOException {
        String p = write("{\"s\":{\"a\":1}}\n{\"s\":[1]}\n");
        List<Row> rows = spark.read().schema("s STRUCT<a: INT>, _corrupt_record STRING").json(p).collectAsList();
        assertEquals(Row.of(Row.of(1), null), rows.get(0));
        assertEquals(Row.of(null, "{\"s\":[1]}"), rows.get(1));
    }

    @Test
    void nestedColumns_writeAndReadBackAsJson() throws IOException {
        String p = write("{\"id\":1,\"s\":{\"a\":[1,2],\"b\":\"x\"}}\n{\"id\":2,\"s\":{\"a\":[]}}\n");
        DataFrame df = spark.read().json(p);
        String out = dir.resolve("out").toString();
        df.write().json(out);
        DataFrame back = spark.read().json(out).orderBy("id");
        assertEquals(df.schema(), back.schema());
        assertEquals(df.orderBy("id").collectAsList(), back.collectAsList());
    }
}
