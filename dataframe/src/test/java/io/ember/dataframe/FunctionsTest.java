package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.vavr.Function1;
import io.vavr.Function2;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private DataFrame one(String ddl, Object... values) {
        return spark.createDataFrame(List.of(RowFactory.create(values)), StructType.fromDDL(ddl));
    }

    private static Object[] values(DataFrame df) {
        return df.first().toArray();
    }

    @Test
    void strings() {
        DataFrame df = one("s STRING, n STRING", "  Hello World  ", null);
        Object[] v = values(df.select(upper(col("s")), lower(col("s")), trim(col("s")), ltrim(col("s")),
                rtrim(col("s")), length(col("s")), substring(trim(col("s")), 1, 5), substring(trim(col("s")), -5, 3),
                concat(trim(col("s")), lit("!")), concat(col("s"), col("n")), upper(col("n"))));
        assertArrayEquals(new Object[] {"  HELLO WORLD  ", "  hello world  ", "Hello World", "Hello World  ",
                "  Hello World", 15, "Hello", "Wor", "Hello World!", null, null}, v);
        Object[] r = values(one("s STRING", "a1b22c333").select(regexp_replace(col("s"), "[0-9]+", "#"),
                split(col("s"), "[0-9]+"), regexp_extract(col("s"), "([a-z])(2+)", 2), size(split(col("s"), "b")),
                col("s").like("a%c___"), col("s").like("a_b%"), col("s").rlike("c3+$"), col("s").contains("b22"),
                col("s").startsWith("a1"), col("s").endsWith("x")));
        assertArrayEquals(new Object[] {"a#b#c#", List.of("a", "b", "c", ""), "22", 2, true, true, true, true, true,
                false}, r);
    }

    @Test
    void datesAndTimes() {
        DataFrame df = one("s STRING, t TIMESTAMP, d DATE", "2021-03-14 15:09:26",
                Instant.parse("2021-03-14T15:09:26.535Z"), LocalDate.of(2021, 3, 14));
        Object[] v = values(df.select(to_date(col("s")), to_timestamp(col("s")), year(col("d")), month(col("d")),
                dayofmonth(col("d")), dayofweek(col("d")), hour(col("t")), minute(col("t")), second(col("t")),
                datediff(lit("2021-04-01").cast("date"), col("d")), date_add(col("d"), 20), date_sub(col("d"), 14),
                quarter(col("d")), dayofyear(col("d")), year(col("t"))));
        assertArrayEquals(new Object[] {java.sql.Date.valueOf("2021-03-14"),
                java.sql.Timestamp.from(Instant.parse("2021-03-14T15:09:26Z")), 2021, 3, 14, 1, 15, 9, 26, 18,
                java.sql.Date.valueOf("2021-04-03"), java.sql.Date.valueOf("2021-02-28"), 1, 73, 2021}, v);
        Object[] trunc = values(df.select(date_trunc("hour", col("t")).cast("string"),
                date_trunc("month", col("t")).cast("string"), date_trunc("week", col("t")).cast("string"),
                date_format(col("t"), "yyyy/MM/dd HH:mm"), to_date(lit("14/03/2021"), "dd/MM/yyyy"),
                to_timestamp(lit("03-14-2021 01:02"), "MM-dd-yyyy HH:mm").cast("string"), to_date(lit("nonsense"))));
        assertArrayEquals(new Object[] {"2021-03-14 15:00:00", "2021-03-01 00:00:00", "2021-03-08 00:00:00",
                "2021/03/14 15:09", java.sql.Date.valueOf("2021-03-14"), "2021-03-14 01:02:00", null}, trunc);
    }

    @Test
    void math() {
        Object[] v = values(one("x DOUBLE, i INT, m DECIMAL(6,3)", -2.345, -7, new BigDecimal("2.555")).select(
                round(col("x"), 2), round(col("x")), abs(col("x")), abs(col("i")), sqrt(lit(16)), pow(lit(2), 10),
                round(col("m"), 2), floor(col("x")), ceil(col("x")), round(col("i"), -1), exp(lit(0)), log(lit(-1))));
        assertArrayEquals(new Object[] {-2.35, -2.0, 2.345, 7, 4.0, 1024.0, new BigDecimal("2.560"), -3L, -2L, -10, 1.0,
                null}, v);
        assertTrue(((Double) values(one("x DOUBLE", -4.0).select(sqrt(col("x"))))[0]).isNaN());
    }

    @Test
    void conditionalsAndNulls() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, null), RowFactory.create(5, "x"),
                RowFactory.create(null, "y")), StructType.fromDDL("n INT, s STRING"));
        List<Row> rows = df.select(when(col("n").gt(3), "big").when(col("n").gt(0), "small").otherwise("none"),
                coalesce(col("s"), lit("-")), isnull(col("n")), col("n").isin(1, 2, null), when(col("n").equalTo(1), 10),
                coalesce(col("n"), col("s").cast("int"), lit(0))).collectAsList();
        assertEquals(RowFactory.create("small", "-", false, true, 10, 1), rows.get(0));
        assertEquals(RowFactory.create("big", "x", false, null, null, 5), rows.get(1));
        assertEquals(RowFactory.create("none", "y", true, null, null, 0), rows.get(2));
        assertArrayEquals(new String[] {"CASE WHEN (n > 3) THEN big WHEN (n > 0) THEN small ELSE none END",
                "coalesce(s, -)", "(n IS NULL)", "(n IN (1, 2, NULL))", "CASE WHEN (n = 1) THEN 10 END",
                "coalesce(n, CAST(s AS INT), 0)"},
                df.select(when(col("n").gt(3), "big").when(col("n").gt(0), "small").otherwise("none"),
                        coalesce(col("s"), lit("-")), isnull(col("n")), col("n").isin(1, 2, null),
                        when(col("n").equalTo(1), 10), coalesce(col("n"), col("s").cast("int"), lit(0))).columns());
    }

    private static final AtomicInteger CALLS = new AtomicInteger();

    @Test
    void udfs_registeredAndInline() {
        spark.udf().register("plusOne", (Function1<Integer, Integer>) x -> x == null ? null : x + 1, DataTypes.IntegerType);
        spark.udf().register("joinWith", (Function2<String, Integer, String>) (s, n) -> s + ":" + n, DataTypes.StringType);
        UserDefinedFunction len = udf((Function1<String, Integer>) s -> s == null ? -1 : s.length(), DataTypes.IntegerType);
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, "ab"), RowFactory.create(null, null)),
                StructType.fromDDL("n INT, s STRING"));
        List<Row> rows = df.select(callUDF("plusOne", col("n")), callUDF("joinWith", col("s"), col("n")),
                len.apply(col("s"))).collectAsList();
        assertEquals(RowFactory.create(2, "ab:1", 2), rows.get(0));
        assertEquals(RowFactory.create(null, "null:null", -1), rows.get(1));
        assertArrayEquals(new String[] {"plusOne(n)", "joinWith(s, n)", "UDF(s)"},
                df.select(callUDF("plusOne", col("n")), callUDF("joinWith", col("s"), col("n")), len.apply(col("s")))
                        .columns());
        assertThrows(AnalysisException.class, () -> callUDF("nope", col("n")));
        assertThrows(AnalysisException.class, () -> len.apply(col("n"), col("s")));
        UserDefinedFunction dates = udf((Function1<java.sql.Date, String>) d -> d.toLocalDate().getDayOfWeek().name(),
                DataTypes.StringType);
        assertEquals("SUNDAY", one("d DATE", LocalDate.of(2021, 3, 14)).select(dates.apply(col("d"))).first().get(0));
    }

    @Test
    void naFunctions() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, null, null), RowFactory.create(null, 2.0, "b"),
                RowFactory.create(null, null, null)), StructType.fromDDL("i INT, d DOUBLE, s STRING"));
        assertEquals(0, df.na().drop().count());
        assertEquals(2, df.na().drop("all").count());
        assertEquals(1, df.na().drop(new String[] {"d", "s"}).count());
        assertEquals(2, df.na().drop(1, new String[] {"i", "d", "s"}).count());
        assertEquals(List.of(RowFactory.create(1, 0.0, "?"), RowFactory.create(0, 2.0, "b"), RowFactory.create(0, 0.0, "?")),
                df.na().fill(0).na().fill("?").collectAsList());
        assertEquals(List.of(RowFactory.create(1, 9.5, null), RowFactory.create(null, 2.0, "b"),
                RowFactory.create(null, 9.5, null)), df.na().fill(Map.of("d", 9.5)).collectAsList());
    }

    @Test
    void describe_countMeanStddevMinMax() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(3, "c"),
                RowFactory.create(null, "b")), StructType.fromDDL("n INT, s STRING"));
        assertEquals(""
                + "+-------+------------------+----+\n"
                + "|summary|                 n|   s|\n"
                + "+-------+------------------+----+\n"
                + "|  count|                 2|   3|\n"
                + "|   mean|               2.0|null|\n"
                + "| stddev|1.4142135623730951|null|\n"
                + "|    min|                 1|   a|\n"
                + "|    max|                 3|   c|\n"
                + "+-------+------------------+----+\n", df.describe().showString(20, 20));
    }

    @Test
    void unionAndUnionByName() {
        DataFrame a = spark.createDataFrame(List.of(RowFactory.create(1, "x")), StructType.fromDDL("n INT, s STRING"));
        DataFrame b = spark.createDataFrame(List.of(RowFactory.create("y", 2L)), StructType.fromDDL("s STRING, n BIGINT"));
        DataFrame byName = a.unionByName(b);
        assertEquals(List.of(RowFactory.create(1L, "x"), RowFactory.create(2L, "y")), byName.collectAsList());
        assertEquals(DataTypes.LongType, byName.schema().apply(0).dataType());
        assertEquals(2, a.union(a).count());
        AnalysisException e = assertThrows(AnalysisException.class, () -> a.union(a.select(col("n"))));
        assertTrue(e.getMessage().contains("NUM_COLUMNS_MISMATCH"));
        DataFrame c = spark.createDataFrame(List.of(RowFactory.create(3)), StructType.fromDDL("n INT"));
        assertEquals(RowFactory.create(3, null), a.unionByName(c, true).filter(col("n").equalTo(3)).first());
        assertThrows(AnalysisException.class, () -> a.unionByName(c));
    }

    @Test
    void repartitionAndCoalesce() {
        DataFrame df = spark.range(0, 100, 1, 2);
        assertEquals(5, df.repartition(5).getNumPartitions());
        assertEquals(100, df.repartition(5).count());
        assertEquals(1, df.coalesce(1).getNumPartitions());
        DataFrame byKey = df.withColumn("k", col("id").mod(4)).repartition(4, col("k"));
        assertEquals(4, byKey.getNumPartitions());
        List<Long> distinctKeysPerPartition = byKey.rdd().mapPartitions(it -> {
            java.util.Set<Object> keys = new java.util.HashSet<>();
            it.forEachRemaining(r -> keys.add(r.get(1)));
            return List.of((long) keys.size()).iterator();
        }).collect().toJavaList();
        assertEquals(4L, distinctKeysPerPartition.stream().mapToLong(Long::longValue).sum(),
                "each key lives in exactly one partition");
    }

    @Test
    void cache_computesOnce() {
        CALLS.set(0);
        UserDefinedFunction counted = udf((Function1<Long, Long>) x -> {
            CALLS.incrementAndGet();
            return x * 2;
        }, DataTypes.LongType);
        DataFrame df = spark.range(0, 50, 1, 2).select(counted.apply(col("id")).as("v")).cache();
        assertTrue(df.isCached());
        assertEquals(50, df.count());
        assertEquals(50, CALLS.get());
        assertEquals(2450L, df.agg(sum("v")).first().getLong(0));
        assertEquals(10, df.filter(col("v").lt(20)).count());
        assertEquals(50, CALLS.get(), "later queries read the cached batches");
        assertTrue(df.filter(col("v").lt(20)).explainString(false).contains("InMemoryTableScan"));
        df.unpersist();
        assertEquals(50, df.count());
        assertEquals(100, CALLS.get());
    }

    @Test
    void textAndJsonReaders() throws IOException {
        Path text = dir.resolve("lines.txt");
        Files.writeString(text, "first line\nsecond\n\nlast");
        DataFrame t = spark.read().text(text.toString());
        assertArrayEquals(new String[] {"value"}, t.columns());
        assertEquals(Arrays.asList("first line", "second", "", "last"),
                t.collectAsList().stream().map(r -> r.getString(0)).toList());
        Path json = dir.resolve("rows.json");
        Files.writeString(json, "{\"id\": 1, \"name\": \"a\", \"score\": 1.5, \"ok\": true}\n"
                + "{\"id\": 2, \"name\": \"b\\\"q\", \"tags\": [1,2], \"nested\": {\"x\": 1}}\n"
                + "not json\n");
        DataFrame j = spark.read().json(json.toString());
        // As Spark infers it: fields by name, objects as structs, arrays as arrays, and the corrupt
        // record column since a line is malformed.
        assertEquals("struct<_corrupt_record:string,id:bigint,name:string,nested:struct<x:bigint>,ok:boolean,"
                + "score:double,tags:array<bigint>>", j.schema().simpleString());
        List<Row> rows = j.collectAsList();
        assertEquals(RowFactory.create(null, 1L, "a", null, true, 1.5, null), rows.get(0));
        assertEquals(RowFactory.create(null, 2L, "b\"q", Row.of(1L), null, null, List.of(1L, 2L)), rows.get(1));
        assertEquals(RowFactory.create("not json", null, null, null, null, null, null), rows.get(2));
        // Declared as strings, nested values read as their JSON text.
        Row texts = spark.read().schema("nested STRING, tags STRING").json(json.toString()).collectAsList().get(1);
        assertEquals(RowFactory.create("{\"x\": 1}", "[1,2]"), texts);
        DataFrame typed = spark.read().schema("id INT, score DOUBLE").json(json.toString());
        assertEquals(3L, typed.agg(sum("id")).first().getLong(0));
    }

    @Test
    void foreach_runsOnExecutors() {
        CALLS.set(0);
        spark.range(0, 30, 1, 3).foreach(r -> CALLS.incrementAndGet());
        assertEquals(30, CALLS.get());
    }

    @Test
    void java8DateTimeApi() {
        DataFrame df = one("d DATE, t TIMESTAMP", LocalDate.of(2021, 1, 1), Instant.parse("2021-01-01T00:00:00Z"));
        assertEquals(java.sql.Date.valueOf("2021-01-01"), df.first().get(0));
        spark.conf().set("ember.sql.datetime.java8API.enabled", true);
        try {
            assertEquals(LocalDate.of(2021, 1, 1), df.first().get(0));
            assertEquals(Instant.parse("2021-01-01T00:00:00Z"), df.first().get(1));
        } finally {
            spark.conf().unset("ember.sql.datetime.java8API.enabled");
        }
    }
}
