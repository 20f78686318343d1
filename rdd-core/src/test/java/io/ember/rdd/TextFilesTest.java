package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading text files split at line boundaries, and writing them with the commit protocol. */
class TextFilesTest {
    static EmberContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[3]").appName("text").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    private static List<String> sampleLines(int n) {
        return List.range(0, n).map(i -> "line " + i + " " + "x".repeat(i % 37) + (i % 11 == 0 ? " ünïcødé" : ""));
    }

    @Test
    void everySplitting_readsEachLineExactlyOnce() throws IOException {
        List<String> lines = sampleLines(300).append("").append("after empty");
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, lines.mkString("\n") + "\n");
        for (int partitions = 1; partitions <= 40; partitions += 3) {
            RDD<String> rdd = sc.textFile(file.toString(), partitions);
            assertTrue(rdd.getNumPartitions() >= partitions, "partitions " + rdd.getNumPartitions());
            assertEquals(lines, rdd.collect(), "with " + partitions + " partitions");
        }
    }

    @Test
    void crlfAndMissingFinalNewline_areHandled() throws IOException {
        Path file = dir.resolve("crlf.txt");
        Files.writeString(file, "a\r\nb\r\n\r\nlast");
        assertEquals(List.of("a", "b", "", "last"), sc.textFile(file.toString(), 3).collect());
    }

    @Test
    void directory_readsVisibleFilesInNameOrder_andGzip() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        Files.writeString(input.resolve("part-00000"), "a\nb\n");
        Files.writeString(input.resolve("part-00001"), "c\n");
        Files.writeString(input.resolve("_SUCCESS"), "");
        Files.writeString(input.resolve(".hidden"), "nope\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input.resolve("part-00002.gz")))) {
            out.write("d\ne\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a", "b", "c", "d", "e"), sc.textFile(input.toString()).collect());
    }

    @Test
    void missingInput_failsAtTheActionNamingThePath() {
        RDD<String> rdd = sc.textFile(dir.resolve("nope.txt").toString());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, rdd::count);
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
    }

    @Test
    void saveAsTextFile_writesPartsAndSuccessMarker() throws IOException {
        Path out = dir.resolve("out");
        sc.parallelize(List.range(0, 10), 3).saveAsTextFile(out.toString());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("_SUCCESS", "part-00000", "part-00001", "part-00002"),
                    List.ofAll(files.map(p -> p.getFileName().toString()).sorted().toList()));
        }
        assertEquals(List.range(0, 10).map(String::valueOf), sc.textFile(out.toString()).collect());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("out"), List.ofAll(siblings.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void saveAsTextFile_refusesAnExistingPathUnlessOverwrite() throws IOException {
        Path out = dir.resolve("existing");
        sc.parallelize(List.of("old")).saveAsTextFile(out.toString());
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> sc.parallelize(List.of("new")).saveAsTextFile(out.toString()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        sc.parallelize(List.of("new"), 2).saveAsTextFile(out.toString(), true);
        assertEquals(List.of("new"), sc.textFile(out.toString()).collect());
    }

    @Test
    void failedSave_leavesThePreviousOutputIntact() throws IOException {
        Path out = dir.resolve("kept");
        sc.parallelize(List.of("v1"), 1).saveAsTextFile(out.toString());
        assertThrows(JobFailedException.class, () -> sc.parallelize(List.range(0, 100), 4).map(x -> {
            if (x == 99) {
                throw new IllegalStateException("boom");
            }
            return x;
        }).saveAsTextFile(out.toString(), true));
        assertEquals(List.of("v1"), sc.textFile(out.toString()).collect());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("kept"), List.ofAll(siblings.map(p -> p.getFileName().toString()).toList()));
        }
        Path fresh = dir.resolve("fresh");
        assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1), 1).map(x -> {
            throw new IllegalStateException("boom");
        }).saveAsTextFile(fresh.toString()));
        assertFalse(Files.exists(fresh));
    }
}
