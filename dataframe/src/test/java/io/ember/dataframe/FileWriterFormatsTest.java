package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JSON and text output, {@code format(..).save}, the {@code path} option and {@link SaveMode}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileWriterFormatsTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    /** The lines of every data file under {@code out}, read with plain Java, sorted. */
    private static List<String> lines(Path out) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("_") || name.startsWith(".")) {
                    continue;
                }
                try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f))
                        : Files.newInputStream(f)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (!text.isEmpty()) {
                        all.addAll(List.of(text.split("\n")));
                    }
                }
            }
        }
        all.sort(null);
        return all;
    }

    private DataFrame sample() {
        return spark.range(3).selectExpr("id",
                "CASE WHEN id = 1 THEN NULL ELSE concat('s\"', CAST(id AS STRING)) END AS s",
                "CAST(id AS DECIMAL(22,2)) * 10000000000000000000 AS d", "id % 2 = 0 AS even");
    }

    @Test
    void json_writesOneObjectPerRow_nullsLeftOut_numbersExact() throws IOException {
        Path out = dir.resolve("j");
        sample().write().json(out.toString());
        assertEquals(List.of(
                "{\"id\":0,\"s\":\"s\\\"0\",\"d\":0.00,\"even\":true}",
                "{\"id\":1,\"d\":10000000000000000000.00,\"even\":false}",
                "{\"id\":2,\"s\":\"s\\\"2\",\"d\":20000000000000000000.00,\"even\":true}"), lines(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        DataFrame back = spark.read().schema("id BIGINT, s STRING, d DECIMAL(22,2), even BOOLEAN").json(out.toString())
                .orderBy("id");
        assertEquals(sample().orderBy("id").collectAsList(), back.collectAsList());
    }

    @Test
    void text_writesTheOneStringColumn_gzipAndLineSep() throws IOException {
        Path out = dir.resolve("t");
        spark.range(3).selectExpr("CASE WHEN id = 1 THEN NULL ELSE CAST(id AS STRING) END AS v")
                .write().option("compression", "gzip").text(out.toString());
        assertEquals(List.of("", "0", "2"), lines(out));
        Path sep = dir.resolve("sep");
        spark.range(2).selectExpr("CAST(id AS STRING) AS v").coalesce(1).write().option("lineSep", "|")
                .text(sep.toString());
        assertEquals(List.of("0|1|"), lines(sep));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.range(2).write().text(dir.resolve("bad").toString()));
        assertTrue(e.getMessage().contains("single column of type string"), e.getMessage());
    }

    @Test
    void formatSave_pathOption_optionsMap_andSaveModeEnum() throws IOException {
        Path out = dir.resolve("f");
        spark.range(2).write().format("JSON").options(Map.of("path", out.toString())).save();
        assertEquals(List.of("{\"id\":0}", "{\"id\":1}"), lines(out));
        assertThrows(Exception.class, () -> spark.range(1).write().format("json").save(out.toString()));
        spark.range(1).write().format("json").mode(SaveMode.Ignore).save(out.toString());
        assertEquals(2, lines(out).size());
        spark.range(5, 6).write().format("json").mode(SaveMode.Append).save(out.toString());
        assertEquals(List.of("{\"id\":0}", "{\"id\":1}", "{\"id\":5}"), lines(out));
        spark.range(7, 8).write().format("json").mode(SaveMode.Overwrite).save(out.toString());
        assertEquals(List.of("{\"id\":7}"), lines(out));
        assertEquals(List.of(RowFactory.create(7L)), spark.read().format("json").option("path", out.toString())
                .load().collectAsList());
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class,
                () -> spark.range(1).write().format("json").save());
        assertTrue(noPath.getMessage().contains("path"), noPath.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spark.range(1).write().format("avro"));
    }

    @Test
    void partitionedJsonAndText_readBackWithPartitionColumns() throws IOException {
        Path json = dir.resolve("pj");
        spark.range(4).selectExpr("id", "id % 2 AS k").write().partitionBy("k").json(json.toString());
        assertEquals(List.of("{\"id\":0}", "{\"id\":2}"), lines(json.resolve("k=0")));
        assertEquals(List.of(RowFactory.create(0L, 0), RowFactory.create(1L, 1), RowFactory.create(2L, 0),
                RowFactory.create(3L, 1)), spark.read().json(json.toString()).orderBy("id").collectAsList());
        Path text = dir.resolve("pt");
        spark.range(2).selectExpr("CAST(id AS STRING) AS v", "id AS k").write().partitionBy("k").text(text.toString());
        assertEquals(List.of("1"), lines(text.resolve("k=1")));
    }

    @Test
    void emptyDataFrame_writesNoRowsAndReadsBackEmpty() throws IOException {
        Path out = dir.resolve("e");
        spark.range(0).write().json(out.toString());
        assertEquals(List.of(), lines(out));
        assertEquals(0, spark.read().schema("id BIGINT").json(out.toString()).count());
    }
}
