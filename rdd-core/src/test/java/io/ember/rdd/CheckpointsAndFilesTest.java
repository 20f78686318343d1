package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints cut lineage and read back exactly; object files and whole text files round-trip. */
@Timeout(60)
class CheckpointsAndFilesTest {
    static EmberContext sc;

    @TempDir
    Path dir;

    /** A record written to object files. */
    record Trip(String id, double fare) {
    }

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("checkpoints").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    @Test
    void checkpoint_afterTheNextActionCutsLineageAndReadsBackExactly() {
        sc.setCheckpointDir(dir.resolve("checkpoints").toString());
        LongAccumulator computed = sc.longAccumulator("computed");
        PairRDD<Integer, Long> sums = sc.parallelize(List.range(0, 1000), 4)
                .map(x -> {
                    computed.add(1);
                    return x;
                })
                .mapToPair(x -> Tuple.of(x % 7, (long) x))
                .reduceByKey(Long::sum, 3)
                .cache();
        sums.checkpoint();
        assertTrue(sums.toDebugString().contains("ParallelCollectionRDD"), sums.toDebugString());
        assertFalse(sums.isCheckpointed());

        List<Tuple2<Integer, Long>> first = sums.collect();
        assertTrue(sums.isCheckpointed());
        String lineage = sums.toDebugString();
        assertTrue(lineage.contains("ReliableCheckpointRDD"), lineage);
        assertFalse(lineage.contains("ParallelCollectionRDD"), lineage);
        assertFalse(lineage.contains("+-"), "no shuffle is left in the lineage:\n" + lineage);
        assertTrue(Files.isDirectory(Path.of(sums.getCheckpointFile().get())));

        sums.unpersist(true);
        assertEquals(first, sums.collect(), "read back from the checkpoint files");
        assertEquals(first.sortBy(Tuple2::_1), sums.mapValues(v -> v).collect().sortBy(Tuple2::_1));
        assertEquals(1000, computed.sum(), "the lineage before the checkpoint never runs again");
        assertEquals(3, sums.getNumPartitions());
        assertTrue(sums.partitioner().isDefined());
    }

    @Test
    void checkpoint_withoutADirectory_failsClearly() {
        sc.close();
        try (EmberContext other = EmberContext.builder().master("local[1]").appName("no-dir").getOrCreate()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.parallelize(List.of(1)).checkpoint());
            assertTrue(e.getMessage().contains("setCheckpointDir"), e.getMessage());
        } finally {
            sc = EmberContext.builder().master("local[2]").appName("checkpoints").getOrCreate();
        }
    }

    @Test
    void objectFile_roundTripsRecordsAndRefusesAnExistingPath() {
        String out = dir.resolve("trips").toString();
        List<Trip> trips = List.range(0, 500).map(i -> new Trip("t" + i, i * 1.25));
        sc.parallelize(trips, 5).saveAsObjectFile(out);
        RDD<Trip> back = sc.objectFile(out);
        assertEquals(5, back.getNumPartitions());
        assertEquals(trips, back.collect());
        assertTrue(Files.exists(Path.of(out, "_SUCCESS")));
        assertThrows(UncheckedIOException.class, () -> sc.parallelize(trips).saveAsObjectFile(out));
        sc.parallelize(List.of(new Trip("new", 1)), 1).saveAsObjectFile(out, true);
        assertEquals(List.of(new Trip("new", 1)), sc.<Trip>objectFile(out).collect());
    }

    @Test
    void wholeTextFiles_readsEachFileWhole_gzipIncluded() throws IOException {
        Path input = Files.createDirectory(dir.resolve("docs"));
        Files.writeString(input.resolve("a.txt"), "alpha\nbeta\n");
        Files.writeString(input.resolve("b.txt"), "gamma");
        Files.writeString(input.resolve("_SUCCESS"), "");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input.resolve("c.txt.gz")))) {
            out.write("delta\nepsilon\n".getBytes(StandardCharsets.UTF_8));
        }
        List<Tuple2<String, String>> files = sc.wholeTextFiles(input.toString(), 2).collect();
        assertEquals(List.of(
                Tuple.of(input.resolve("a.txt").toAbsolutePath().toString(), "alpha\nbeta\n"),
                Tuple.of(input.resolve("b.txt").toAbsolutePath().toString(), "gamma"),
                Tuple.of(input.resolve("c.txt.gz").toAbsolutePath().toString(), "delta\nepsilon\n")), files);
        assertEquals(List.of("delta", "epsilon"), sc.textFile(input.resolve("c.txt.gz").toString()).collect());
    }
}
