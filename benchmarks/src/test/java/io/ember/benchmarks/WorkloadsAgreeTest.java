package io.ember.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.ChildJvm;
import io.ember.benchmarks.support.EmberContexts;
import io.ember.rdd.EmberContext;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workload computes the same answer on Ember as on its floor, on inputs small enough for a test. */
class WorkloadsAgreeTest {
    static EmberContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = EmberContexts.start("workloads-test");
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    @Test
    void rddPipeline_sumAndCountMatchTheStreamAndTheFormula() {
        long size = 100_000;
        long multiples = size / 3; // x * 2 is a multiple of 3 exactly when x is: 2 * 3 * (1 + ... + m)
        W1RddPipeline.SumAndCount expected = new W1RddPipeline.SumAndCount(3 * multiples * (multiples + 1), multiples);
        assertEquals(expected, W1RddPipeline.onParallelStream(size));
        assertEquals(expected, W1RddPipeline.onEmber(sc, size));
    }

    @Test
    void wordCount_topWordsMatchTheHashMapFloor() throws IOException {
        Path words = BenchmarkData.words(dir.toString(), 5_000);
        List<Tuple2<String, Integer>> floor = W2WordCount.onOneThread(words);
        assertEquals(W2WordCount.TOP, floor.size());
        assertEquals(floor, W2WordCount.onEmber(sc, words));
        assertTrue(floor.map(Tuple2::_2).sliding(2).forAll(pair -> pair.get(0) >= pair.get(1)), floor.toString());
    }

    @Test
    void tinyJobs_countEveryElementOfEveryJob() {
        assertEquals(5 * 100, W8TinyJobs.runJobs(sc, List.rangeClosed(1, 100), 5));
    }

    @Test
    void startup_childJvmsRunToACleanExit() throws Exception {
        assertEquals(0, ChildJvm.run(W9Startup.EmptyMain.class));
        assertEquals(0, ChildJvm.run(W9Startup.FirstJob.class));
    }

    @Test
    void benchmarkData_isGeneratedOnceAndReused() throws IOException {
        Path first = BenchmarkData.yellowTrips(dir.toString(), 100);
        long modified = Files.getLastModifiedTime(first).toMillis();
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
        Path again = BenchmarkData.yellowTrips(dir.toString(), 100);
        assertEquals(first, again);
        assertEquals(modified - 60_000, Files.getLastModifiedTime(again).toMillis(), "not rewritten");
        assertEquals(101, Files.readAllLines(again).size());
    }
}
