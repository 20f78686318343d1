package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.internal.io.MalformedRecordException;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.JobFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.files.maxPartitionBytes");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void withoutHeader_allStrings() throws IOException {
        Path p = write("plain.csv", "1,x\n2,y\n");
        DataFrame df = spark.read().csv(p.toString());
        assertArrayEquals(new String[] {"_c0", "_c1"}, df.columns());
        assertEquals(DataTypes.StringType, df.schema().apply(0).dataType());
        assertEquals(List.of(RowFactory.create("1", "x"), RowFactory.create("2", "y")), df.collectAsList());
    }

    @Test
    void inferSchema_widens() throws IOException {
        Path p = write("types.csv", "i,l,d,b,t,dt,s\n1,1,1,true,2021-01-01 10:00:00,2021-01-01,a\n"
                + "2,99999999999,2.5,false,2021-01-02 11:30:00,2021-01-02,3\n,,,,,,\n");
        DataFrame df = spark.read().option("header", true).option("inferSchema", true).csv(p.toString());
        assertEquals("struct<i:int,l:bigint,d:double,b:boolean,t:timestamp,dt:date,s:string>",
                df.schema().simpleString());
        assertEquals(3, df.count());
        assertTrue(df.filter(col("i").isNull()).first().anyNull());
    }

    private Path dirty() throws IOException {
        return write("dirty.csv", "id,amount,day\n"
                + "1,10.5,2021-01-01\n"
                + "2,oops,2021-01-02\n"
                + "3,7.25\n"
                + "\n"
                + "\"4,unterminated\n"
                + "5,1.0,2021-01-05\n");
    }

    private static final String DIRTY_SCHEMA = "id INT, amount DOUBLE, day DATE";

    @Test
    void permissive_nullsAndCorruptRecordColumn() throws IOException {
        DataFrame df = spark.read().option("header", "true").schema(DIRTY_SCHEMA + ", _corrupt_record STRING")
                .csv(dirty().toString());
        List<Row> rows = df.orderBy(col("id")).collectAsList();
        assertEquals(5, rows.size());
        assertEquals(RowFactory.create(null, null, null, "\"4,unterminated"), rows.get(0));
        assertEquals(RowFactory.create(1, 10.5, java.sql.Date.valueOf("2021-01-01"), null), rows.get(1));
        assertEquals(RowFactory.create(2, null, java.sql.Date.valueOf("2021-01-02"), "2,oops,2021-01-02"), rows.get(2));
        assertEquals(RowFactory.create(3, 7.25, null, "3,7.25"), rows.get(3));
        assertEquals(3, spark.read().option("header", "true").schema(DIRTY_SCHEMA + ", _corrupt_record STRING")
                .csv(dirty().toString()).filter(col("_corrupt_record").isNotNull()).count());
        assertEquals(5, spark.read().option("header", "true").schema(DIRTY_SCHEMA).csv(dirty().toString()).count());
    }

    @Test
    void dropMalformed() throws IOException {
        DataFrame df = spark.read().option("header", "true").option("mode", "DROPMALFORMED").schema(DIRTY_SCHEMA)
                .csv(dirty().toString());
        assertEquals(List.of(1, 5), df.collectAsList().stream().map(r -> r.getInt(0)).toList());
    }

    @Test
    void failFast_namesFileAndLine() throws IOException {
        Path p = dirty();
        DataFrame df = spark.read().option("header", "true").option("mode", "FAILFAST").schema(DIRTY_SCHEMA)
                .csv(p.toString());
        JobFailedException e = assertThrows(JobFailedException.class, df::collectAsList);
        MalformedRecordException cause = findCause(e, MalformedRecordException.class);
        assertEquals(p.toString(), cause.file());
        assertEquals(3, cause.line());
        assertTrue(cause.getMessage().contains("File " + p + ", line 3: cannot parse 'oops' as double for column amount"),
                cause.getMessage());
    }

    static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + t, t);
    }

    @Test
    void badRecordsPath_keepsEveryRejectedLine() throws IOException {
        Path bad = dir.resolve("bad");
        Path p = dirty();
        DataFrame df = spark.read().option("header", "true").option("badRecordsPath", bad.toString())
                .schema(DIRTY_SCHEMA).csv(p.toString());
        assertEquals(2, df.count());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(bad)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("{\"path\":\"" + p + "\",\"line\":3,\"reason\":\"cannot parse 'oops' as double for column amount\","
                + "\"record\":\"2,oops,2021-01-02\"}", lines.get(0));
        assertTrue(lines.get(1).contains("\"line\":4,\"reason\":\"expected 3 fields but found 2\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"line\":6,\"reason\":\"unparseable quoting"), lines.get(2));
    }

    @Test
    void separatorsQuotesEscapesNullsAndFormats() throws IOException {
        Path p = write("odd.csv", "name;note;when;day;amount\n"
                + "'a;b';'say \\'hi\\'';01/02/2021 10:11;02.01.2021;NA\n"
                + "c;NA;03/04/2021 00:00;05.04.2021;1.5\n");
        DataFrame df = spark.read().option("header", "true").option("sep", ";").option("quote", "'")
                .option("nullValue", "NA").option("timestampFormat", "MM/dd/yyyy HH:mm")
                .option("dateFormat", "dd.MM.yyyy")
                .schema("name STRING, note STRING, when TIMESTAMP, day DATE, amount DECIMAL(5,2)").csv(p.toString());
        List<Row> rows = df.collectAsList();
        assertEquals("a;b", rows.get(0).getString(0));
        assertEquals("say 'hi'", rows.get(0).getString(1));
        assertEquals(java.time.Instant.parse("2021-01-02T10:11:00Z"), rows.get(0).getInstant(2));
        assertEquals(LocalDate.of(2021, 1, 2), rows.get(0).getLocalDate(3));
        assertNull(rows.get(0).get(4));
        assertNull(rows.get(1).get(1));
        assertEquals(new BigDecimal("1.50"), rows.get(1).getDecimal(4));
    }

    @Test
    void directoriesGlobsAndGzip() throws IOException {
        write("multi/a.csv", "x\n1\n2\n");
        write("multi/b.csv", "x\n3\n");
        write("multi/_ignored.csv", "x\n100\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("multi/c.csv.gz")))) {
            out.write("x\n4\n5\n".getBytes(StandardCharsets.UTF_8));
        }
        DataFrame all = spark.read().option("header", "true").schema("x INT").csv(dir.resolve("multi").toString());
        assertEquals(15L, all.agg(sum("x")).first().getLong(0));
        DataFrame glob = spark.read().option("header", "true").schema("x INT").csv(dir.resolve("multi/*.csv").toString());
        assertEquals(6L, glob.agg(sum("x")).first().getLong(0));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.read().csv(dir.resolve("nothing-here").toString()));
        assertTrue(e.getMessage().contains("Path does not exist"), e.getMessage());
    }

    @Test
    void largeFile_splitAcrossPartitions_linesNumberedAcrossSplits() throws IOException {
        StringBuilder sb = new StringBuilder("n,s\n");
        for (int i = 1; i <= 20000; i++) {
            sb.append(i).append(",row").append(i).append('\n');
            if (i == 15000) {
                sb.append("bad,line\n");
            }
        }
        Path p = write("big.csv", sb.toString());
        spark.conf().set("ember.sql.files.maxPartitionBytes", 16 * 1024);
        DataFrame df = spark.read().option("header", "true").schema("n INT, s STRING").csv(p.toString());
        assertTrue(df.getNumPartitions() > 10, "partitions: " + df.getNumPartitions());
        assertEquals(20001, df.count());
        assertEquals(200010000L, df.agg(sum("n")).first().getLong(0));
        JobFailedException e = assertThrows(JobFailedException.class, () -> spark.read().option("header", "true")
                .option("mode", "FAILFAST").schema("n INT, s STRING").csv(p.toString()).agg(sum("n")).first());
        assertEquals(15002, findCause(e, MalformedRecordException.class).line());
    }

    @Test
    void columnPruning_readsOnlyNeededColumns() throws IOException {
        Path p = write("prune.csv", "a,b\n1,notanumber\n2,alsonot\n");
        DataFrame df = spark.read().option("header", "true").option("mode", "FAILFAST").schema("a INT, b INT")
                .csv(p.toString());
        assertEquals(3L, df.select(col("a")).agg(sum("a")).first().getLong(0),
                "column b is never converted, so FAILFAST does not trip on it");
    }

    @Test
    void write_withHeader_roundTrips() throws IOException {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, "a,b", null), RowFactory.create(2, "c", 2.5)),
                StructType.fromDDL("id INT, s STRING, d DOUBLE"));
        Path out = dir.resolve("out");
        df.write().option("header", "true").csv(out.toString());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        DataFrame back = spark.read().option("header", "true").schema("id INT, s STRING, d DOUBLE").csv(out.toString());
        assertEquals(df.orderBy(col("id")).collectAsList(), back.orderBy(col("id")).collectAsList());
        Path parts = dir.resolve("parts");
        df.write().partitionBy("id").option("header", "true").csv(parts.toString());
        assertTrue(Files.isDirectory(parts.resolve("id=1")));
        DataFrame partitioned = spark.read().option("header", "true").option("inferSchema", "true").csv(parts.toString());
        assertArrayEquals(new String[] {"s", "d", "id"}, partitioned.columns());
        assertEquals(RowFactory.create("c", 2.5, 2), partitioned.filter(col("id").equalTo(2)).first());
    }
}
