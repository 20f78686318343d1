package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.MemoryUnavailableException;
import io.ember.rdd.internal.TaskScope;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One memory region per executor shared by cached blocks and running sorts: cached
 * MEMORY_AND_DISK blocks move to disk when a sort needs their memory, never below the storage
 * floor; a task refused memory fails its job at once with the refusal as the cause; the memory
 * settings are validated at start.
 */
@Timeout(120)
class MemoryRegionTest {
    private static final long REGION = 24L << 20;
    private static final int CACHED_PARTITIONS = 8;
    private static final int STRINGS_PER_PARTITION = 2000;
    private static final int CHARS = 1000;

    /** The fraction of this JVM's heap that makes an executor's region {@value #REGION} bytes. */
    private static double fractionForRegion() {
        long heap = Runtime.getRuntime().maxMemory();
        long reserved = Math.min(300L << 20, heap / 5);
        return (double) REGION / (heap - reserved);
    }

    private static String text(long i) {
        String piece = Long.toString(LargerThanMemoryTest.scramble(i), 36) + "~";
        StringBuilder out = new StringBuilder(CHARS + piece.length());
        while (out.length() < CHARS) {
            out.append(piece);
        }
        out.setLength(CHARS);
        return out.toString();
    }

    @Test
    void cachedMemoryAndDiskBlocks_giveWayToASort_downToTheStorageFloor() {
        double fraction = fractionForRegion();
        MemoryManager expected = MemoryManager.forHeap(Runtime.getRuntime().maxMemory(), fraction, 0.5);
        long floor = expected.storageFloor();
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("region")
                .config("spark.memory.fraction", Double.toString(fraction))
                .config("ember.memory.storageFraction", "0.5").getOrCreate()) {
            AtomicLong diskSpilled = new AtomicLong();
            sc.addListener(e -> {
                if (e instanceof ListenerEvent.TaskEnd end) {
                    diskSpilled.addAndGet(end.metrics().diskBytesSpilled());
                }
            });
            RDD<String> cached = sc.parallelize(List.range(0, CACHED_PARTITIONS), CACHED_PARTITIONS)
                    .flatMap(p -> List.range(0, STRINGS_PER_PARTITION).map(i -> text(p * 100_000L + i)))
                    .persist(StorageLevel.MEMORY_AND_DISK);
            assertEquals(CACHED_PARTITIONS * STRINGS_PER_PARTITION, cached.count());
            RDDStorageInfo before = sc.getRDDStorageInfo().single();
            assertEquals(CACHED_PARTITIONS, before.cachedPartitions());
            assertEquals(0, before.diskBytes(), "all in memory before the sort: " + before);
            assertTrue(before.memoryBytes() > floor, "the cache holds more than the floor: " + before + ", floor " + floor);

            // a sort of about twice the region in one task: it takes storage's share above the floor, then spills
            long n = 2 * REGION / CHARS;
            List<List<Long>> parts = PairRDD.of(sc.range(0, n, 1, 1).map(LargerThanMemoryTest::scramble)
                    .map(key -> Tuple.of(key, text(key)))).sortByKey(true, 1).mapPartitions(it -> {
                        long count = 0;
                        long sorted = 1;
                        long sum = 0;
                        long last = Long.MIN_VALUE;
                        while (it.hasNext()) {
                            Tuple2<Long, String> r = it.next();
                            sorted &= r._1 >= last ? 1 : 0;
                            sorted &= r._2.equals(text(r._1)) ? 1 : 0;
                            last = r._1;
                            sum += r._1;
                            count++;
                        }
                        return io.vavr.collection.Iterator.of(List.of(count, sorted, sum));
                    }).collect();
            long expectedSum = 0;
            for (long i = 0; i < n; i++) {
                expectedSum += LargerThanMemoryTest.scramble(i);
            }
            assertEquals(List.of(List.of(n, 1L, expectedSum)), parts, "the sort is exact");
            assertTrue(diskSpilled.get() > 0, "the sort spilled");

            RDDStorageInfo after = sc.getRDDStorageInfo().single();
            assertEquals(CACHED_PARTITIONS, after.cachedPartitions(), "no block was lost: " + after);
            assertTrue(after.diskBytes() > 0, "some blocks were moved to disk: " + after);
            assertTrue(after.memoryBytes() >= floor, "storage kept its floor of " + floor + ": " + after);
            long expectedChars = (long) CACHED_PARTITIONS * STRINGS_PER_PARTITION * CHARS;
            assertEquals(expectedChars, cached.map(s -> (long) s.length()).reduce(Long::sum), "cached data intact");
            assertEquals(List.range(0, STRINGS_PER_PARTITION).map(i -> text(3 * 100_000L + i)),
                    cached.mapPartitionsWithIndex((p, it) -> p == 3 ? it : io.vavr.collection.Iterator.empty()).collect());
        }
    }

    /** An operator that needs more memory than any executor has, in one piece. */
    static final class HugeBufferExec extends MemoryConsumer {
        HugeBufferExec() {
            super(TaskScope.taskMemory(), "HugeBufferExec");
        }

        @Override
        public long spill(long size, MemoryConsumer trigger) {
            return 0;
        }
    }

    @Test
    void aTaskRefusedMemory_failsTheJobOnce_withTheRefusalAsCause() throws InterruptedException {
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("refused").getOrCreate()) {
            CopyOnWriteArrayList<ListenerEvent.TaskEnd> failed = new CopyOnWriteArrayList<>();
            CountDownLatch jobEnded = new CountDownLatch(1);
            sc.addListener(e -> {
                if (e instanceof ListenerEvent.TaskEnd end && !end.status().equals("SUCCESS")) {
                    failed.add(end);
                } else if (e instanceof ListenerEvent.JobEnd) {
                    jobEnded.countDown();
                }
            });
            JobFailedException failure = assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1, 2), 2)
                    .map(x -> {
                        if (x == 2) {
                            try (HugeBufferExec buffer = new HugeBufferExec()) {
                                buffer.acquireOrFail(1L << 50);
                            }
                        }
                        return x;
                    }).collect());
            MemoryUnavailableException cause = assertInstanceOf(MemoryUnavailableException.class, failure.getCause());
            assertTrue(cause.getMessage().startsWith("HugeBufferExec of task ")
                    && cause.getMessage().contains("needs " + (1L << 50) + " bytes"), cause.getMessage());
            assertTrue(failure.getMessage().contains(cause.getMessage()), "message intact: " + failure.getMessage());
            assertTrue(failure.getMessage().contains(MemoryManager.FRACTION) && failure.getMessage().contains("Not retried"),
                    failure.getMessage());
            assertTrue(jobEnded.await(10, TimeUnit.SECONDS), "the job's end reached the listeners");
            assertEquals(1, failed.size(), "not retried: " + failed);
            assertEquals(List.of(2, 4), sc.parallelize(List.of(1, 2), 2).map(x -> x * 2).collect(), "the context still works");
        }
    }

    @Test
    void badMemorySettings_failAtStart_namingTheKey() {
        for (String[] bad : new String[][] {{"ember.memory.fraction", "0"}, {"spark.memory.fraction", "lots"},
                {"spark.memory.storageFraction", "1.5"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmberContext.builder()
                    .master("local[1]").appName("bad-memory").config(bad[0], bad[1]).getOrCreate().close());
            String key = bad[0].replace("spark.", "ember.");
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains(bad[1]), e.getMessage());
        }
        assertEquals("ember.memory.fraction", SparkConfKeys.equivalents().get("spark.memory.fraction"));
        assertEquals("ember.memory.storageFraction", SparkConfKeys.equivalents().get("spark.memory.storageFraction"));
    }
}
