package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A context that runs thousands of shuffle jobs keeps bounded scheduler bookkeeping: map stages
 * are dropped when their last job ends, so they stop holding lineage and the cleaner deletes
 * the shuffle files of RDDs the application dropped, upstream ones included; a shuffle that is
 * still referenced keeps its outputs and is not recomputed.
 */
@Timeout(120)
class SchedulerBookkeepingTest {
    private static final int JOBS = 2_000;
    static EmberContext sc;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("bookkeeping").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** Per key of {@code x % 3} over 0..19 + offset: how many values have an even sum per key; computed in plain Java. */
    private static Map<Integer, Integer> expectedEvenSums(int offset) {
        Map<Integer, Integer> sums = new HashMap<>();
        for (int x = offset; x < offset + 20; x++) {
            sums.merge(x % 3, x, Integer::sum);
        }
        Map<Integer, Integer> parity = new TreeMap<>();
        sums.values().forEach(sum -> parity.merge(sum % 2, 1, Integer::sum));
        return parity;
    }

    @Test
    void thousandsOfTwoShuffleJobs_keepBookkeepingBounded_andTheCleanerDeletesUpstreamShuffles() throws Exception {
        int firstShuffle = -1;
        int maxShuffleStages = 0;
        for (int i = 0; i < JOBS; i++) {
            int offset = i;
            PairRDD<Integer, Integer> sums = sc.parallelize(List.range(offset, offset + 20), 2)
                    .mapToPair(x -> Tuple.of(x % 3, x)).reduceByKey(Integer::sum, 2);
            PairRDD<Integer, Integer> parity = sums.mapToPair(kv -> Tuple.of(kv._2 % 2, 1)).reduceByKey(Integer::sum, 2);
            if (i == 0) {
                firstShuffle = ((ShuffleDependency<?, ?, ?>) sums.dependencies().head()).shuffleId();
            }
            if (i % 250 == 0) {
                assertEquals(expectedEvenSums(offset), new TreeMap<>(parity.collectAsMap().toJavaMap()), "job " + i);
            } else {
                parity.count();
            }
            Map<String, Integer> sizes = sc.schedulerBookkeeping();
            maxShuffleStages = Math.max(maxShuffleStages, sizes.get("shuffleStages"));
            assertEquals(0, sizes.get("jobs") + sizes.get("waiting") + sizes.get("running") + sizes.get("failed")
                    + sizes.get("runningTasks") + sizes.get("queuedTasks"), "after job " + i + ": " + sizes);
        }
        assertEquals(0, maxShuffleStages, "map stages are dropped when their job ends");

        Path local = sc.storage().localDir();
        String upstreamOfFirstJob = "shuffle_" + firstShuffle + "_";
        long deadline = System.currentTimeMillis() + 30_000;
        while ((sc.schedulerBookkeeping().get("registeredShuffles") > 50 || countFiles(local, upstreamOfFirstJob) > 0
                || countFiles(local, "shuffle_") > 100) && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(0, countFiles(local, upstreamOfFirstJob), "the first job's upstream shuffle files were deleted");
        assertTrue(countFiles(local, "shuffle_") <= 100, "shuffle files left: " + countFiles(local, "shuffle_"));
        int registered = sc.schedulerBookkeeping().get("registeredShuffles");
        System.out.printf("after %d two-shuffle jobs and GC: %d of %d shuffles registered, %d shuffle files on disk%n",
                JOBS, registered, 2 * JOBS, countFiles(local, "shuffle_"));
        assertTrue(registered <= 50, "map-output registry holds " + registered + " of " + 2 * JOBS + " shuffles");
    }

    @Test
    void aStillReferencedShuffle_keepsItsOutputs_andItsMapStageIsSkipped() {
        LongAccumulator mapped = sc.longAccumulator("mapped");
        PairRDD<Integer, Integer> sums = sc.parallelize(List.range(0, 100), 4)
                .mapToPair(x -> {
                    mapped.add(1);
                    return Tuple.of(x % 10, x);
                }).reduceByKey(Integer::sum, 3);
        assertEquals(10, sums.count());
        assertEquals(100, mapped.value());
        assertEquals(0, sc.schedulerBookkeeping().get("shuffleStages"));
        assertEquals(List.range(0, 10).map(k -> List.range(0, 100).filter(x -> x % 10 == k).sum().intValue()),
                sums.sortByKey(true, 1).values().collect());
        assertEquals(100, mapped.value(), "the map stage of the referenced shuffle did not run again");
    }

    /** Counts the files named {@code prefix...}; files the cleaner deletes during the walk are skipped. */
    private static long countFiles(Path local, String prefix) throws IOException {
        long[] count = {0};
        Files.walkFileTree(local, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().startsWith(prefix)) {
                    count[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return count[0];
    }
}
