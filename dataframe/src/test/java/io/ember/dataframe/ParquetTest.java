package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.internal.io.ParquetMetrics;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.JobFailedException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private ParquetMetrics metrics() {
        return ParquetMetrics.of(spark.context());
    }

    private static final String ALL_TYPES = "b BOOLEAN, i INT, l BIGINT, d DOUBLE, m9 DECIMAL(9,2), m18 DECIMAL(18,4), "
            + "m38 DECIMAL(38,10), s STRING, dt DATE, ts TIMESTAMP, bin BINARY";

    private DataFrame allTypes() {
        return spark.createDataFrame(List.of(
                RowFactory.create(true, 1, 10L, 1.5, new BigDecimal("1234567.89"), new BigDecimal("12345678901234.5678"),
                        new BigDecimal("-1234567890123456789012345678.0123456789"), "héllo",
                        LocalDate.of(2021, 1, 2), Instant.parse("2021-01-02T03:04:05.123456Z"), new byte[] {1, 2, 3}),
                RowFactory.create(false, -7, Long.MIN_VALUE, Double.NaN, new BigDecimal("-0.01"), BigDecimal.ZERO,
                        new BigDecimal("0E-10"), "", LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59Z"),
                        new byte[0]),
                RowFactory.create(null, null, null, null, null, null, null, null, null, null, null)),
                StructType.fromDDL(ALL_TYPES));
    }

    @Test
    void roundTrip_everyType_everyCodec() {
        DataFrame df = allTypes();
        for (String codec : List.of("snappy", "zstd", "gzip", "none")) {
            Path out = dir.resolve("all-" + codec);
            df.write().option("compression", codec).parquet(out.toString());
            DataFrame back = spark.read().parquet(out.toString());
            assertEquals(df.schema().toDDL().replace(" NOT NULL", ""), back.schema().toDDL(), codec);
            List<Row> expected = df.orderBy(col("i")).collectAsList();
            List<Row> actual = back.orderBy(col("i")).collectAsList();
            assertEquals(expected.size(), actual.size());
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < expected.get(r).size(); c++) {
                    Object e = expected.get(r).get(c);
                    Object a = actual.get(r).get(c);
                    if (e instanceof byte[] eb) {
                        assertArrayEquals(eb, (byte[]) a);
                    } else if (e instanceof Double ed && ed.isNaN()) {
                        assertTrue(((Double) a).isNaN());
                    } else {
                        assertEquals(e, a, codec + " row " + r + " column " + c);
                    }
                }
            }
            try (Stream<Path> files = Files.list(out)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.contains("_SUCCESS"));
                String ext = codec.equals("none") ? ".parquet" : "." + codec + ".parquet";
                assertTrue(names.stream().anyMatch(n -> n.startsWith("part-") && n.endsWith(ext)), names.toString());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private Path numbers(int rows, int perRowGroup) {
        Path out = dir.resolve("numbers");
        spark.range(0, rows, 1, 1).withColumn("sq", col("id").multiply(col("id")))
                .withColumn("label", concat(lit("row-"), col("id").cast("string")))
                .withColumn("pad", lit("x".repeat(200)))
                .write().option("parquet.block.size", String.valueOf(perRowGroup)).parquet(out.toString());
        return out;
    }

    @Test
    void rowGroupSkipping_byStatistics() {
        Path out = numbers(50_000, 256 * 1024);
        DataFrame df = spark.read().parquet(out.toString());
        metrics().reset();
        assertEquals(50_000, df.count());
        long allGroups = metrics().rowGroupsFromFooters();
        assertTrue(allGroups >= 4, "several row groups: " + allGroups);
        assertEquals(0, metrics().rowGroupsRead(), "count(*) is answered from the footers");
        metrics().reset();
        DataFrame filtered = df.filter(col("id").geq(49_990));
        assertEquals(10, filtered.count());
        assertEquals(1, metrics().rowGroupsRead(), "only the last row group can hold ids >= 49990");
        assertEquals(allGroups - 1, metrics().rowGroupsSkipped());
        String plan = filtered.explainString(false);
        assertTrue(plan.contains("PushedFilters: [GreaterThanOrEqual(id,49990)]"), plan);
        assertTrue(plan.contains("RowGroups: 1 of " + allGroups + " selected"), plan);
        metrics().reset();
        assertEquals(0, df.filter(col("id").lt(0)).count());
        assertEquals(0, metrics().rowGroupsRead());
    }

    @Test
    void columnPruning_readsFewerBytes() {
        Path out = numbers(20_000, 128 * 1024 * 1024);
        DataFrame df = spark.read().parquet(out.toString());
        metrics().reset();
        df.agg(max("pad"), sum("sq"), count("label")).first();
        long all = metrics().bytesRead();
        metrics().reset();
        assertEquals(199_990_000L, df.agg(sum("id")).first().getLong(0));
        long one = metrics().bytesRead();
        assertTrue(one > 0 && one * 2 < all, "one column: " + one + " bytes, four: " + all);
        assertTrue(df.select("id").explainString(false).contains("ReadSchema: struct<id:bigint>"));
    }

    @Test
    void partitionedWrite_andRead_withPartitionPruning() {
        DataFrame df = spark.range(0, 100, 1, 3).withColumn("year", when(col("id").lt(50), 2020).otherwise(2021))
                .withColumn("month", col("id").mod(3).plus(1));
        Path out = dir.resolve("parts");
        df.write().partitionBy("year", "month").parquet(out.toString());
        assertTrue(Files.isDirectory(out.resolve("year=2020/month=1")));
        assertTrue(Files.isDirectory(out.resolve("year=2021/month=3")));
        DataFrame back = spark.read().parquet(out.toString());
        assertArrayEquals(new String[] {"id", "year", "month"}, back.columns());
        assertEquals(100, back.count());
        metrics().reset();
        DataFrame one = back.filter(col("year").equalTo(2021).and(col("month").equalTo(2)));
        assertEquals(16, one.count(), "ids 52, 55, ..., 97");
        long read = metrics().rowGroupsRead();
        assertTrue(read <= 3, "only year=2021/month=2 files are read: " + read);
        assertEquals(2021, one.first().getInt(1));
    }

    @Test
    void saveModes_andAtomicOverwrite() throws IOException {
        Path out = dir.resolve("modes");
        DataFrame a = spark.range(5);
        a.write().parquet(out.toString());
        AnalysisException exists = assertThrows(AnalysisException.class, () -> a.write().parquet(out.toString()));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        spark.range(3).write().mode("ignore").parquet(out.toString());
        assertEquals(5, spark.read().parquet(out.toString()).count());
        spark.range(3).write().mode("append").parquet(out.toString());
        assertEquals(8, spark.read().parquet(out.toString()).count());
        spark.range(2).write().mode("overwrite").parquet(out.toString());
        assertEquals(2, spark.read().parquet(out.toString()).count());
        // A job that fails half way leaves the previous output untouched and no staging behind.
        UserDefinedFunction boom = udf((Long x) -> {
            if (x == 7) {
                throw new IllegalStateException("boom");
            }
            return x;
        }, io.ember.dataframe.types.DataTypes.LongType);
        DataFrame failing = spark.range(0, 10, 1, 2).select(boom.apply(col("id")).as("id"));
        assertThrows(JobFailedException.class, () -> failing.write().mode("overwrite").parquet(out.toString()));
        assertEquals(2, spark.read().parquet(out.toString()).count());
        Path fresh = dir.resolve("never");
        assertThrows(JobFailedException.class, () -> failing.write().parquet(fresh.toString()));
        assertFalse(Files.exists(fresh));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void mergeSchema_widensDriftedTypes() {
        Path out = dir.resolve("drift");
        spark.createDataFrame(List.of(RowFactory.create(1, 2)), StructType.fromDDL("a INT, b INT"))
                .write().parquet(out.resolve("part=1").toString());
        spark.createDataFrame(List.of(RowFactory.create(5_000_000_000L, 2.5, "new")),
                StructType.fromDDL("a BIGINT, b DOUBLE, c STRING")).write().parquet(out.resolve("part=2").toString());
        DataFrame merged = spark.read().option("mergeSchema", "true").parquet(out.toString());
        assertEquals("struct<a:bigint,b:double,c:string,part:int>", merged.schema().simpleString());
        assertEquals(List.of(RowFactory.create(1L, 2.0, null, 1), RowFactory.create(5_000_000_000L, 2.5, "new", 2)),
                merged.orderBy(col("part")).collectAsList());
    }

    @Test
    void mergeSchema_conflictNamesFileAndColumn() {
        Path out = dir.resolve("conflict");
        spark.createDataFrame(List.of(RowFactory.create(1)), StructType.fromDDL("a INT"))
                .write().parquet(out.resolve("x=1").toString());
        spark.createDataFrame(List.of(RowFactory.create("text")), StructType.fromDDL("a STRING"))
                .write().parquet(out.resolve("x=2").toString());
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.read().option("mergeSchema", "true").parquet(out.toString()));
        assertTrue(e.getMessage().contains("column `a`") && e.getMessage().contains("x=2"), e.getMessage());
    }

    @Test
    void truncatedFile_clearErrorNamingTheFile() throws IOException {
        Path out = dir.resolve("trunc");
        spark.range(1000).write().parquet(out.toString());
        Path file;
        try (Stream<Path> files = Files.list(out)) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.read().parquet(out.toString()));
        assertTrue(e.getMessage().startsWith("[CANNOT_READ_FILE_FOOTER] Could not read footer for file: " + file),
                e.getMessage());
    }

    @Test
    void filesLikeSparkDuckDbAndPyarrowWrite() throws IOException {
        // Spark's legacy int96 timestamps, pyarrow's millisecond timestamps and dictionary-encoded strings,
        // DuckDB's int32 and fixed-length decimals, floats.
        MessageType schema = MessageTypeParser.parseMessageType("message m {"
                + " optional int96 spark_ts;"
                + " optional int64 arrow_ts (TIMESTAMP(MILLIS,true));"
                + " optional int64 nano_ts (TIMESTAMP(NANOS,true));"
                + " optional binary city (STRING);"
                + " optional int32 small_dec (DECIMAL(5,2));"
                + " optional fixed_len_byte_array(16) big_dec (DECIMAL(30,4));"
                + " optional float f;"
                + " optional int32 day (DATE);"
                + "}");
        Path file = dir.resolve("foreign/data.parquet");
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withDictionaryEncoding(true)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int i = 0; i < 100; i++) {
                Group g = groups.newGroup();
                ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                int96.putLong(3_600_000_000_000L * (i % 24)).putInt(2_459_216); // 2021-01-01
                g.add("spark_ts", Binary.fromConstantByteArray(int96.array()));
                g.add("arrow_ts", 1_609_459_200_000L + i);
                g.add("nano_ts", 1_609_459_200_000_000_000L + i * 1000L);
                g.add("city", i % 2 == 0 ? "Queens" : "Bronx");
                g.add("small_dec", 12345 + i);
                byte[] dec = new BigDecimal("123456789.0123").unscaledValue().toByteArray();
                byte[] fixed = new byte[16];
                System.arraycopy(dec, 0, fixed, 16 - dec.length, dec.length);
                g.add("big_dec", Binary.fromConstantByteArray(fixed));
                g.add("f", 1.5f);
                g.add("day", 18628 + i);
                w.write(g);
            }
        }
        DataFrame df = spark.read().parquet(file.toString());
        assertEquals("struct<spark_ts:timestamp,arrow_ts:timestamp,nano_ts:timestamp,city:string,"
                + "small_dec:decimal(5,2),big_dec:decimal(30,4),f:double,day:date>", df.schema().simpleString());
        Row r = df.filter(col("small_dec").equalTo(new BigDecimal("123.46"))).first();
        assertEquals(Instant.parse("2021-01-01T01:00:00Z"), r.getInstant(0));
        assertEquals(Instant.parse("2021-01-01T00:00:00.001Z"), r.getInstant(1));
        assertEquals(Instant.parse("2021-01-01T00:00:00.000001Z"), r.getInstant(2));
        assertEquals("Bronx", r.getString(3));
        assertEquals(new BigDecimal("123456789.0123"), r.getDecimal(5));
        assertEquals(1.5, r.getDouble(6));
        assertEquals(LocalDate.of(2021, 1, 2), r.getLocalDate(7));
        assertEquals(50, df.filter(col("city").equalTo("Queens")).count());
    }

    @Test
    void emptyDataFrame_writesReadableFile() {
        Path out = dir.resolve("empty");
        spark.range(10).filter(col("id").lt(0)).write().parquet(out.toString());
        DataFrame back = spark.read().parquet(out.toString());
        assertEquals(0, back.count());
        assertArrayEquals(new String[] {"id"}, back.columns());
    }

    @Test
    void unsupportedColumnTypes_failBeforeWriting() {
        // Arrays, maps and structs are written (ParquetNestedTest); a void column has no Parquet type.
        DataFrame arrays = spark.range(3).select(lit(null).as("parts"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> {
            try {
                arrays.write().parquet(dir.resolve("arr").toString());
            } catch (JobFailedException j) {
                throw CsvTest.findCause(j, AnalysisException.class);
            }
        });
        assertTrue(e.getMessage().contains("parts"), e.getMessage());
        List<String> cols = new ArrayList<>(List.of(arrays.columns()));
        assertEquals(List.of("parts"), cols);
    }
}
