package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.serializers.LocalOnly;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, defect 3: a task attempt that fails half-way leaves nothing behind. Its persisted
 * block (every level, with a memory tier far smaller than a partition so that disk levels
 * stream to disk) and its shuffle map output are not served to the retry or to later jobs, and
 * their files are gone. Expected values come from plain Java arithmetic over the input range.
 *
 * <p>Failures are injected through static flags: {@code local[2]} runs the tasks in this JVM.
 */
@Timeout(60)
class FailedAttemptOutputTest {
    private static final AtomicBoolean FIRST = new AtomicBoolean(true);
    private static final int N = 200_000;
    /** Enough records for each map task's sort to spill past 1 MiB. */
    private static final int SHUFFLED = 100_000;

    private EmberContext sc;

    @AfterEach
    void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    /** A memory tier far smaller than a partition, and the smallest sort budget, so that shuffles spill. */
    private EmberContext start() {
        sc = EmberContext.builder().master("local[2]").appName("failed-attempts")
                .config("ember.storage.memory", "64k").config("ember.shuffle.memory", "1m").getOrCreate();
        return sc;
    }

    /** The example, verbatim apart from the level. */
    @ParameterizedTest
    @ValueSource(strings = {"DISK_ONLY", "MEMORY_AND_DISK", "MEMORY_AND_DISK_SER", "MEMORY_ONLY", "MEMORY_ONLY_SER"})
    void persistedPartition_whoseFirstAttemptThrowsHalfWay_isWholeInTheRetryAndLaterJobs(String levelName)
            throws IOException {
        StorageLevel level = StorageLevel.fromString(levelName);
        EmberContext sc = start();
        FIRST.set(true);
        RDD<Integer> r = sc.parallelize(List.range(0, N), 4).mapPartitionsWithIndex((i, it) -> i == 0 && FIRST.getAndSet(false)
                ? it.zipWithIndex().map(t -> {
                    if (t._2 == 25_000) {
                        throw new IllegalStateException("boom");
                    }
                    return t._1;
                }) : it)
                .persist(level);

        assertEquals(N, r.count());
        assertEquals(N, r.count());
        assertEquals((long) N * (N - 1) / 2, r.map(Integer::longValue).reduce(Long::sum), "the values themselves");
        assertEquals(false, FIRST.get(), "the first attempt did fail");

        Map<String, Long> files = filesByPrefix(sc.storage().localDir());
        long expectedBlocks = level.useDisk() ? 4 : 0;
        assertEquals(expectedBlocks, files.getOrDefault("rdd_" + r.id(), 0L),
                "one block file per partition at " + level + ", none from the failed attempt: " + files);
        assertEquals(0, files.getOrDefault("scratch", 0L), "no spill file is left: " + files);
    }

    @Test
    void persistedPartition_whoseEveryAttemptFails_leavesNoBlockFile() throws IOException {
        EmberContext sc = start();
        RDD<Integer> r = sc.parallelize(List.range(0, N), 4).mapPartitionsWithIndex((i, it) -> i == 0
                ? HalfWayFailure.throwingAt(it, 25_000) : it)
                .persist(StorageLevel.DISK_ONLY);

        JobFailedException failed = assertThrows(JobFailedException.class, r::count);
        assertEquals("boom", rootCause(failed).getMessage());

        try (Stream<Path> all = Files.walk(sc.storage().localDir())) {
            List<String> partitionZero = List.ofAll(all.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("rdd_" + r.id() + "_0.")));
            assertEquals(List.empty(), partitionZero, "the failed attempts' half blocks are deleted");
        }
    }

    /** A value the shuffle cannot serialize: its map task fails after writing some reduce partitions. */
    record NotShippable(int value) implements LocalOnly {
    }

    private static PairRDD<Integer, Object> keyedByRemainder(EmberContext sc, boolean poisonEveryAttempt) {
        return sc.parallelize(List.range(0, SHUFFLED), 2).mapPartitionsWithIndex((p, it) -> {
            boolean poison = p == 0 && (poisonEveryAttempt || FIRST.getAndSet(false));
            return it.map(x -> Tuple.<Integer, Object>of(x % 4, poison && x % 4 == 3 ? new NotShippable(x) : x));
        }).mapToPair(t -> t);
    }

    @Test
    void shuffleMapTask_failingHalfWayThroughItsOutput_thenSucceeding_givesExactResults() throws IOException {
        EmberContext sc = start();
        FIRST.set(true);
        PairRDD<Integer, Object> shuffled = keyedByRemainder(sc, false).partitionBy(new HashPartitioner(4));

        TreeMap<Integer, Long> sums = new TreeMap<>();
        for (Tuple2<Integer, Object> kv : shuffled.collect()) {
            sums.merge(kv._1, (long) (Integer) kv._2, Long::sum);
        }

        TreeMap<Integer, Long> expected = new TreeMap<>();
        for (int x = 0; x < SHUFFLED; x++) {
            expected.merge(x % 4, (long) x, Long::sum);
        }
        assertEquals(expected, sums);
        assertEquals(false, FIRST.get(), "the first attempt did fail");
        int shuffleId = ((ShuffleDependency<?, ?, ?>) shuffled.dependencies().head()).shuffleId();
        Map<String, Long> files = filesByPrefix(sc.storage().localDir());
        assertEquals(8L, files.get("shuffle_" + shuffleId),
                "2 map tasks x 4 reduce partitions, nothing from the failed attempt: " + files);
        assertEquals(0, files.getOrDefault("scratch", 0L), "no spill file is left: " + files);
    }

    @Test
    void shuffleMapTask_whoseEveryAttemptFails_leavesNoShuffleFile() throws Exception {
        EmberContext sc = start();
        PairRDD<Integer, Object> shuffled = keyedByRemainder(sc, true).partitionBy(new HashPartitioner(4));
        int shuffleId = ((ShuffleDependency<?, ?, ?>) shuffled.dependencies().head()).shuffleId();

        JobFailedException failed = assertThrows(JobFailedException.class, shuffled::count);
        assertEquals(true, String.valueOf(rootCause(failed).getMessage()).contains("NotShippable"),
                "the cause names the value: " + rootCause(failed));

        try (Stream<Path> all = Files.walk(sc.storage().localDir())) {
            List<String> mapZero = List.ofAll(all.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("shuffle_" + shuffleId + "_0_")));
            assertEquals(List.empty(), mapZero, "the failed attempts' shuffle blocks are deleted");
        }
        // why a wait: map task 1 (not poisoned) may still be running when the job fails; its spills end with it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (filesByPrefix(sc.storage().localDir()).getOrDefault("scratch", 0L) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, filesByPrefix(sc.storage().localDir()).getOrDefault("scratch", 0L), "no spill file is left");
    }

    /** Regular files under {@code root} counted by kind: {@code rdd_<id>}, {@code shuffle_<id>} or {@code scratch} (spills). */
    private static Map<String, Long> filesByPrefix(Path root) throws IOException {
        TreeMap<String, Long> counts = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                String kind = p.getParent().getFileName().toString().equals("scratch") ? "scratch"
                        : name.replaceFirst("^(rdd_\\d+|shuffle_\\d+)_.*$", "$1");
                counts.merge(kind, 1L, Long::sum);
            });
        }
        return counts;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
