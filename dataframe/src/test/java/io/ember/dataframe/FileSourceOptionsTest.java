package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.rdd.JobFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file options every format shares, text's own options, and unknown-option errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileSourceOptionsTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<Object> column(DataFrame df) {
        return df.collectAsList().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void pathGlobFilter_matchesFileNamesOnly_keepingPartitions() throws IOException {
        write("y=1/a.csv", "1\n");
        write("y=1/b.txt", "2\n");
        write("y=2/c.csv", "3\n");
        DataFrame df = spark.read().option("pathGlobFilter", "*.csv").schema("v INT").csv(dir.toString()).orderBy("v");
        assertEquals(List.of(RowFactory.create(1, 1), RowFactory.create(3, 2)), df.collectAsList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().option("pathGlobFilter", "[a").text(dir.toString()));
        assertTrue(e.getMessage().contains("pathGlobFilter"), e.getMessage());
    }

    @Test
    void recursiveFileLookup_readsNestedFilesWithoutPartitionColumns() throws IOException {
        write("top.txt", "a\n");
        write("k=1/deeper/more/x.txt", "b\n");
        DataFrame plain = spark.read().text(dir.toString());
        assertArrayEquals(new String[] {"value", "k"}, plain.columns());
        DataFrame recursive = spark.read().option("RecursiveFileLookup", "true").text(dir.toString()).orderBy("value");
        assertArrayEquals(new String[] {"value"}, recursive.columns());
        assertEquals(List.of("a", "b"), column(recursive));
    }

    @Test
    void modifiedBeforeAndAfter_filterByModificationTimeInSessionZone() throws IOException {
        Path old = write("old.txt", "old\n");
        Path recent = write("new.txt", "new\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(List.of("old"), column(spark.read().option("modifiedBefore", "2021-01-01T00:00:00")
                .text(dir.toString())));
        assertEquals(List.of("new"), column(spark.read().option("modifiedAfter", "2021-01-01T00:00:00")
                .text(dir.toString())));
        assertEquals(List.of(), column(spark.read().option("modifiedAfter", "2019-12-31T23:00:00")
                .option("modifiedBefore", "2020-01-01T00:00:00").text(dir.toString())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().option("modifiedBefore", "yesterday").text(dir.toString()));
        assertTrue(e.getMessage().contains("modifiedBefore") && e.getMessage().contains("yesterday"), e.getMessage());
    }

    @Test
    void ignoreMissingFiles_skipsFilesDeletedAfterListing() throws IOException {
        write("a.json", "{\"a\":1}\n");
        Path gone = write("b.json", "{\"a\":2}\n");
        DataFrame tolerant = spark.read().schema("a INT").option("ignoreMissingFiles", "true").json(dir.toString());
        DataFrame strict = spark.read().schema("a INT").json(dir.toString());
        Files.delete(gone);
        assertEquals(List.of(1), column(tolerant));
        JobFailedException e = assertThrows(JobFailedException.class, strict::collectAsList);
        assertTrue(e.getMessage().contains("b.json") || String.valueOf(e.getCause()).contains("b.json"),
                e.getMessage());
    }

    @Test
    void ignoreCorruptFiles_parquet_skipsTheCorruptFile() throws IOException {
        Path out = dir.resolve("pq");
        spark.range(3).write().parquet(out.toString());
        Files.writeString(out.resolve("part-99999-corrupt.parquet"), "this is not parquet");
        assertThrows(AnalysisException.class, () -> spark.read().parquet(out.toString()));
        DataFrame df = spark.read().option("ignoreCorruptFiles", "true").parquet(out.toString()).orderBy("id");
        assertEquals(List.of(0L, 1L, 2L), column(df));
    }

    @Test
    void ignoreCorruptFiles_gzipText_skipsTheRestOfTheFile() throws IOException {
        write("good.txt", "x\ny\n");
        Files.write(dir.resolve("bad.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertThrows(JobFailedException.class, () -> spark.read().text(dir.toString()).collectAsList());
        assertEquals(List.of("x", "y"), column(spark.read().option("ignoreCorruptFiles", "true")
                .text(dir.toString()).orderBy("value")));
        assertThrows(JobFailedException.class, () -> spark.read().schema("a INT").json(dir.resolve("bad.txt.gz")
                .toString()).collectAsList());
        assertEquals(0, spark.read().schema("a INT").option("ignoreCorruptFiles", "true")
                .json(dir.resolve("bad.txt.gz").toString()).count());
        assertEquals(0, spark.read().schema("a INT").option("ignoreCorruptFiles", "true")
                .csv(dir.resolve("bad.txt.gz").toString()).count());
        Path csv = dir.resolve("csv");
        write("csv/a.csv", "n\n1\n");
        Files.copy(dir.resolve("bad.txt.gz"), csv.resolve("b.csv.gz"));
        write("csv/c.csv", "n\n3\n");
        assertThrows(Exception.class, () -> spark.read().option("header", "true").option("inferSchema", "true")
                .csv(csv.toString()).collectAsList());
        DataFrame tolerant = spark.read().option("header", "true").option("inferSchema", "true")
                .option("ignoreCorruptFiles", "true").csv(csv.toString()).orderBy("n");
        assertEquals("struct<n:int>", tolerant.schema().simpleString());
        assertEquals(List.of(1, 3), column(tolerant));
    }

    @Test
    void text_lineSep_andWholetext() throws IOException {
        write("t.txt", "a;b;;c;");
        assertEquals(List.of("a", "b", "", "c"), column(spark.read().option("lineSep", ";").text(dir.toString())));
        write("u.txt", "line1\nline2\n");
        List<Object> whole = column(spark.read().option("wholetext", "true").text(dir.toString()).orderBy("value"));
        assertEquals(List.of("a;b;;c;", "line1\nline2\n"), whole);
        write("empty/e.txt", "");
        assertEquals(List.of(""), column(spark.read().option("wholetext", true).text(dir.resolve("empty").toString())));
        assertEquals(0, spark.read().text(dir.resolve("empty").toString()).count());
    }

    @Test
    void unknownOption_isAnErrorNamingItAndTheClosest() throws IOException {
        Path p = write("x.csv", "1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().option("ignoreCorruptFile", "true").csv(p.toString()));
        assertTrue(e.getMessage().contains("'ignoreCorruptFile'") && e.getMessage().contains("'ignoreCorruptFiles'"),
                e.getMessage());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> spark.read().option("header", "true").json(p.toString()));
        assertTrue(json.getMessage().contains("'header'") && json.getMessage().contains("json"), json.getMessage());
        IllegalArgumentException write = assertThrows(IllegalArgumentException.class,
                () -> spark.range(1).write().option("compresion", "gzip").json(dir.resolve("o").toString()));
        assertTrue(write.getMessage().contains("'compression'"), write.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spark.read().format("jsonl"));
        IllegalArgumentException notBoolean = assertThrows(IllegalArgumentException.class,
                () -> spark.read().option("recursiveFileLookup", "maybe").csv(p.toString()));
        assertTrue(notBoolean.getMessage().contains("recursiveFileLookup"), notBoolean.getMessage());
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class,
                () -> spark.read().format("csv").load());
        assertTrue(noPath.getMessage().contains("path"), noPath.getMessage());
    }

    @Test
    void optionsAreCaseInsensitive_laterWins_andPathOptionWorks() throws IOException {
        Path p = write("h.csv", "n\n5\n");
        DataFrame df = spark.read().format("CSV").options(Map.of("HEADER", "false")).option("header", "true")
                .option("PATH", p.toString()).schema("n INT").load();
        assertEquals(List.of(5), column(df));
        AnalysisException both = assertThrows(AnalysisException.class,
                () -> spark.read().format("csv").option("path", p.toString()).load(p.toString()));
        assertTrue(both.getMessage().contains("'path'"), both.getMessage());
    }
}
