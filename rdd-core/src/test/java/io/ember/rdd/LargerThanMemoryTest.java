package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sort, a reduceByKey and a groupByKey over at least three times the heap of this JVM (run by its own
 * surefire execution with {@code -Xmx96m}), with exact results checked on the executors so that
 * nothing large ever reaches the driver; the tasks report their spills to listeners. Prints the
 * data size, peak heap, spills and wall time.
 */
@Timeout(120)
class LargerThanMemoryTest {
    private static final int PAYLOAD = 320;
    static EmberContext sc;
    /** Spill bytes reported by ended tasks: in memory, on disk. */
    static final AtomicLong MEMORY_SPILLED = new AtomicLong();
    static final AtomicLong DISK_SPILLED = new AtomicLong();

    @BeforeAll
    static void start() {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 256L << 20,
                "meant for the larger-than-memory surefire execution (-Xmx96m); this JVM's heap is larger");
        sc = EmberContext.builder().master("local[2]").appName("larger-than-memory").getOrCreate();
        sc.addListener(e -> {
            if (e instanceof ListenerEvent.TaskEnd end) {
                MEMORY_SPILLED.addAndGet(end.metrics().memoryBytesSpilled());
                DISK_SPILLED.addAndGet(end.metrics().diskBytesSpilled());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    private final AtomicLong peakUsed = new AtomicLong();
    private volatile boolean sampling;

    /** Samples the heap in use every 5 ms: the sum of per-pool peaks would overstate it. */
    @BeforeEach
    void startSampling() {
        System.gc();
        peakUsed.set(0);
        MEMORY_SPILLED.set(0);
        DISK_SPILLED.set(0);
        sampling = true;
        Thread sampler = new Thread(() -> {
            while (sampling) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(5_000_000);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @AfterEach
    void stopSampling() {
        sampling = false;
    }

    /** Enough records of {@value #PAYLOAD} characters for three heaps and a bit. */
    private static long recordsForThreeHeaps() {
        return (long) (3.1 * Runtime.getRuntime().maxMemory() / PAYLOAD);
    }

    /** A payload that depends on {@code i} only, half random-looking (so it does not compress to nothing). */
    static String payload(long i) {
        StringBuilder out = new StringBuilder(PAYLOAD);
        long h = i * 0x9E3779B97F4A7C15L;
        while (out.length() < PAYLOAD) {
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            out.append(Long.toHexString(h)).append("..............");
        }
        out.setLength(PAYLOAD);
        return out.toString();
    }

    static long scramble(long i) {
        long h = (i + 1) * 0x9E3779B97F4A7C15L;
        return (h ^ (h >>> 31)) & Long.MAX_VALUE;
    }

    private void report(String what, long records, long startNanos) {
        long peak = peakUsed.get();
        long heap = Runtime.getRuntime().maxMemory();
        System.out.printf("LARGER-THAN-MEMORY %s: data %d MB (%d records of %d chars) = %.1fx the heap of %d MB; "
                        + "peak heap used %d MB; spilled %d MB in memory, %d MB on disk; wall time %.1f s%n", what,
                records * PAYLOAD >> 20, records, PAYLOAD, (double) records * PAYLOAD / heap, heap >> 20, peak >> 20,
                MEMORY_SPILLED.get() >> 20, DISK_SPILLED.get() >> 20, (System.nanoTime() - startNanos) / 1e9);
    }

    /** The spills of the job just run, once the listener bus has delivered its task ends. */
    private static void assertSpilled(long atLeastInMemory) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (MEMORY_SPILLED.get() < atLeastInMemory && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(MEMORY_SPILLED.get() >= atLeastInMemory, "spilled in memory " + MEMORY_SPILLED.get()
                + " of data of " + atLeastInMemory + " bytes or more");
        assertTrue(DISK_SPILLED.get() > 0, "spill files written");
    }

    @Test
    void sortBy_ofThreeHeapsOfData_isExact() throws InterruptedException {
        long n = recordsForThreeHeaps();
        assertTrue(n * PAYLOAD >= 3L * Runtime.getRuntime().maxMemory());
        long started = System.nanoTime();
        RDD<Tuple2<Long, String>> records = sc.range(0, n, 1, 16).map(i -> Tuple.of(scramble(i), payload(i)));
        // (partition, count, first key, last key, sorted inside, sum of keys, payloads intact)
        List<List<Long>> summaries = records.sortBy(Tuple2::_1, true, 16).mapPartitionsWithIndex((index, it) -> {
            long count = 0;
            long first = -1;
            long last = -1;
            long sum = 0;
            long sorted = 1;
            while (it.hasNext()) {
                Tuple2<Long, String> r = it.next();
                if (count == 0) {
                    first = r._1;
                } else if (r._1 < last) {
                    sorted = 0;
                }
                last = r._1;
                sum += r._1;
                count++;
            }
            return io.vavr.collection.Iterator.of(List.of((long) index, count, first, last, sorted, sum));
        }).collect();
        assertSpilled(Runtime.getRuntime().maxMemory());
        report("sortBy", n, started);

        assertEquals(n, summaries.map(s -> s.get(1)).sum().longValue());
        assertTrue(summaries.forAll(s -> s.get(4) == 1), "every partition is sorted");
        List<List<Long>> nonEmpty = summaries.filter(s -> s.get(1) > 0);
        for (int i = 1; i < nonEmpty.size(); i++) {
            assertTrue(nonEmpty.get(i - 1).get(3) <= nonEmpty.get(i).get(2), "partitions are in key order");
        }
        long expectedSum = 0;
        for (long i = 0; i < n; i++) {
            expectedSum += scramble(i);
        }
        assertEquals(expectedSum, summaries.map(s -> s.get(5)).sum().longValue(), "every key is there once");
    }

    @Test
    void reduceByKey_ofThreeHeapsOfData_isExact() throws InterruptedException {
        long n = recordsForThreeHeaps();
        long keys = n / 2;
        long started = System.nanoTime();
        PairRDD<Long, String> pairs = sc.range(0, n, 1, 16).mapToPair(i -> Tuple.of(i % keys, payload(i)));
        // each key gets two payloads; keep the smaller: a combiner as large as a record, for every key
        PairRDD<Long, String> smallest = pairs.reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b, 16);
        long wrong = smallest.filter(kv -> {
            String a = payload(kv._1);
            String b = payload(kv._1 + keys);
            String expected = a.compareTo(b) <= 0 ? a : b;
            return !(kv._2.equals(expected) || (kv._1 + 2 * keys < n && kv._2.compareTo(expected) < 0));
        }).count();
        long distinct = smallest.count();
        assertSpilled(Runtime.getRuntime().maxMemory());
        report("reduceByKey", n, started);

        assertEquals(keys, distinct);
        assertEquals(0, wrong);
    }

    @Test
    void groupByKey_ofThreeHeapsOfData_isExact() throws InterruptedException {
        long n = recordsForThreeHeaps();
        long keys = n / 4;
        long started = System.nanoTime();
        PairRDD<Long, String> pairs = sc.range(0, n, 1, 16).mapToPair(i -> Tuple.of(i % keys, payload(i)));
        // each group must hold exactly the payloads of i = key, key + keys, key + 2 keys, ... below n
        // (groups, wrong groups) in one job
        Tuple2<Long, Long> counts = pairs.groupByKey(16).map(kv -> {
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (long i = kv._1; i < n; i += keys) {
                expected.add(payload(i));
            }
            java.util.List<String> actual = new java.util.ArrayList<>();
            kv._2.forEach(actual::add);
            java.util.Collections.sort(expected);
            java.util.Collections.sort(actual);
            return Tuple.of(1L, expected.equals(actual) ? 0L : 1L);
        }).reduce((a, b) -> Tuple.of(a._1 + b._1, a._2 + b._2));
        long groups = counts._1;
        long wrong = counts._2;
        assertSpilled(Runtime.getRuntime().maxMemory());
        report("groupByKey", n, started);

        assertEquals(keys, groups);
        assertEquals(0, wrong);
    }
}
