package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.internal.io.MalformedRecordException;
import io.ember.rdd.JobFailedException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JSON reading: Spark's inference, exact numbers, parse modes and leniency options. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonReadTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }

    @Test
    void inference_ordersFieldsByName_andWidensAsSpark() throws IOException {
        String p = write("a.json", "{\"z\":1,\"b\":1.5,\"m\":1,\"big\":1,\"s\":1}\n"
                + "{\"z\":2,\"b\":2,\"m\":2.5,\"big\":92233720368547758070,\"s\":\"x\",\"n\":null}\n");
        DataFrame df = spark.read().json(p);
        assertEquals("root\n"
                + " |-- b: double (nullable = true)\n"
                + " |-- big: decimal(20,0) (nullable = true)\n"
                + " |-- m: double (nullable = true)\n"
                + " |-- n: string (nullable = true)\n"
                + " |-- s: string (nullable = true)\n"
                + " |-- z: long (nullable = true)\n", df.schema().treeString());
        List<Row> rows = df.collectAsList();
        assertEquals(RowFactory.create(1.5, new BigDecimal("1"), 1.0, null, "1", 1L), rows.get(0));
        assertEquals(RowFactory.create(2.0, new BigDecimal("92233720368547758070"), 2.5, null, "x", 2L), rows.get(1));
    }

    @Test
    void decimals_areExact_andTooLargeIsNullOrError() throws IOException {
        String p = write("d.json", "{\"d\":92233720368547758070}\n{\"d\":12345678901234567890123}\n{\"d\":null}\n");
        List<Row> rows = spark.read().schema("d DECIMAL(20,0)").json(p).collectAsList();
        assertEquals(new BigDecimal("92233720368547758070"), rows.get(0).get(0));
        assertNull(rows.get(1).get(0), "23 digits do not fit decimal(20,0): null in PERMISSIVE");
        assertNull(rows.get(2).get(0));
        JobFailedException e = assertThrows(JobFailedException.class,
                () -> spark.read().schema("d DECIMAL(20,0)").option("mode", "FAILFAST").json(p).collectAsList());
        MalformedRecordException m = findCause(e, MalformedRecordException.class);
        assertEquals(2, m.line());
        assertTrue(m.getMessage().contains("12345678901234567890123") && m.getMessage().contains("decimal(20,0)"),
                m.getMessage());
    }

    @Test
    void longOverflow_isNeverASilentlyDifferentValue() throws IOException {
        String p = write("l.json", "{\"n\":9223372036854775807}\n{\"n\":9223372036854775808}\n{\"n\":3000000000}\n");
        List<Row> longs = spark.read().schema("n BIGINT").json(p).collectAsList();
        assertEquals(9223372036854775807L, longs.get(0).get(0));
        assertNull(longs.get(1).get(0));
        assertEquals(3000000000L, longs.get(2).get(0));
        List<Row> ints = spark.read().schema("n INT").json(p).collectAsList();
        assertNull(ints.get(2).get(0), "3000000000 does not fit int");
        assertEquals(1, spark.read().schema("n BIGINT").option("mode", "DROPMALFORMED").json(p).count() - 1);
    }

    @Test
    void permissive_fillsCorruptRecordColumn_keepingGoodFields() throws IOException {
        String p = write("c.json", "{\"a\":1,\"b\":\"x\"}\n{\"a\":\"oops\",\"b\":\"y\"}\n{broken\n");
        List<Row> rows = spark.read().schema("a INT, b STRING, _corrupt_record STRING").json(p).collectAsList();
        assertEquals(List.of(RowFactory.create(1, "x", null),
                RowFactory.create(null, "y", "{\"a\":\"oops\",\"b\":\"y\"}"),
                RowFactory.create(null, null, "{broken")), rows);
        List<Row> named = spark.read().schema("a INT, bad STRING").option("columnNameOfCorruptRecord", "bad")
                .json(p).collectAsList();
        assertEquals("{broken", named.get(2).get(1));
    }

    @Test
    void inference_addsCorruptColumnInPermissive_dropsInDropMalformed() throws IOException {
        String p = write("m.json", "{\"a\":1}\nnot json\n{\"a\":2}\n");
        DataFrame permissive = spark.read().json(p);
        assertArrayEquals(new String[] {"_corrupt_record", "a"}, permissive.columns());
        assertEquals(List.of(RowFactory.create(null, 1L), RowFactory.create("not json", null),
                RowFactory.create(null, 2L)), permissive.collectAsList());
        DataFrame dropped = spark.read().option("mode", "DROPMALFORMED").json(p);
        assertArrayEquals(new String[] {"a"}, dropped.columns());
        assertEquals(List.of(RowFactory.create(1L), RowFactory.create(2L)), dropped.collectAsList());
        Exception e = assertThrows(Exception.class, () -> spark.read().option("mode", "FAILFAST").json(p));
        assertEquals(2, findCause(e, MalformedRecordException.class).line());
    }

    @Test
    void wrongTypeInJson_failFastNamesFieldAndLine() throws IOException {
        String p = write("w.json", "{\"flag\":true}\n{\"flag\":\"yes\"}\n");
        Exception e = assertThrows(Exception.class,
                () -> spark.read().schema("flag BOOLEAN").option("mode", "FAILFAST").json(p).collectAsList());
        MalformedRecordException m = findCause(e, MalformedRecordException.class);
        assertEquals(2, m.line());
        assertTrue(m.getMessage().contains("field 'flag'"), m.getMessage());
    }

    @Test
    void primitivesAsString_keepsTheTextAsWritten() throws IOException {
        String p = write("p.json", "{\"a\":1.50,\"b\":true,\"c\":\"s\"}\n");
        DataFrame df = spark.read().option("primitivesAsString", "true").json(p);
        assertEquals("struct<a:string,b:string,c:string>", df.schema().simpleString());
        assertEquals(RowFactory.create("1.50", "true", "s"), df.first());
    }

    @Test
    void leniencyOptions_offByDefaultAsInSpark() throws IOException {
        String p = write("l.json", "/* c */ {'a': 1, b: 007} // end\n");
        assertEquals(RowFactory.create((Object) "/* c */ {'a': 1, b: 007} // end"),
                spark.read().schema("a INT, b INT, _corrupt_record STRING").json(p).select("_corrupt_record").first());
        Row ok = spark.read().schema("a INT, b INT").option("allowComments", "true")
                .option("allowUnquotedFieldNames", "true").option("allowNumericLeadingZeros", "true").json(p).first();
        assertEquals(RowFactory.create(1, 7), ok);
        Row noSingle = spark.read().schema("a INT, b INT").option("allowComments", "true")
                .option("allowUnquotedFieldNames", "true").option("allowNumericLeadingZeros", "true")
                .option("allowSingleQuotes", "false").json(p).first();
        assertEquals(RowFactory.create(null, null), noSingle);
    }

    @Test
    void dateAndTimestampFormats() throws IOException {
        String p = write("t.json", "{\"d\":\"02/03/2024\",\"t\":\"2024-03-02 10:11\"}\n{\"d\":null}\n");
        List<Row> rows = spark.read().schema("d DATE, t TIMESTAMP").option("dateFormat", "dd/MM/yyyy")
                .option("timestampFormat", "yyyy-MM-dd HH:mm").json(p).collectAsList();
        assertEquals(LocalDate.of(2024, 3, 2), rows.get(0).getLocalDate(0));
        assertEquals("2024-03-02 10:11:00.0", rows.get(0).get(1).toString());
        assertEquals(RowFactory.create(null, null), rows.get(1));
    }

    @Test
    void multiLine_readsAWholeFileValue_objectOrArray() throws IOException {
        write("one.json", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n");
        write("many.json", "[\n {\"a\": 2},\n {\"a\": 3, \"b\": \"y\"}\n]");
        DataFrame df = spark.read().option("multiLine", "true").json(dir.toString()).orderBy("a");
        assertEquals(List.of(RowFactory.create(1L, "x"), RowFactory.create(2L, null), RowFactory.create(3L, "y")),
                df.collectAsList());
        assertEquals(0, spark.read().json(dir.resolve("one.json").toString()).columns().length - 1,
                "line by line the pretty file is malformed: only the corrupt record column is inferred");
    }

    @Test
    void emptyInput_withSchemaIsNoRows_withoutIsAClearError() throws IOException {
        String p = write("e.json", "\n\n");
        assertEquals(0, spark.read().schema("a INT").json(p).count());
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.read().json(p));
        assertTrue(e.getMessage().contains("UNABLE_TO_INFER_SCHEMA"), e.getMessage());
        assertEquals(0, spark.read().schema("a INT").option("multiLine", "true").json(p).count());
        String nulls = write("n.json", "null\n{}\n{\"a\":null}\n");
        assertEquals(List.of(RowFactory.create(null, "null"), RowFactory.create(null, null),
                RowFactory.create(null, null)), spark.read().schema("a INT, _corrupt_record STRING").json(nulls)
                .collectAsList());
    }

    @Test
    void corruptColumnMustBeAString() throws IOException {
        String p = write("x.json", "{\"a\":1}\n");
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.read().schema("a INT, _corrupt_record INT").json(p));
        assertTrue(e.getMessage().contains("_corrupt_record"), e.getMessage());
    }
}
