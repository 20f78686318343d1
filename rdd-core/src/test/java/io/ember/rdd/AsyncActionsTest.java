package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collectAsync}, {@code countAsync} and {@code foreachAsync}: they return at once, their
 * futures hold what the blocking actions return (checked against plain Java), name their job,
 * and cancel it.
 */
@Timeout(60)
class AsyncActionsTest extends ContextConfigurations {
    static final ConcurrentLinkedQueue<Integer> VISITED = new ConcurrentLinkedQueue<>();
    static final AtomicInteger STARTED = new AtomicInteger();
    static final ConcurrentHashMap<String, Integer> INTERRUPTED = new ConcurrentHashMap<>();

    @Override
    protected String master() {
        return "local[2]";
    }

    private static java.util.List<Integer> javaRange(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    /** Sleeps interruptibly for a long time, as a slow task that honours cancellation. */
    private static int slow(int x) {
        STARTED.incrementAndGet();
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            INTERRUPTED.merge("slow", 1, Integer::sum);
            throw new IllegalStateException("interrupted", e);
        }
        return x;
    }

    @Test
    void collectAndCount_matchJava_forAnyPartitioning() throws Exception {
        java.util.List<Integer> input = javaRange(0, 500);
        for (int partitions : new int[] {1, 4, 600}) {
            RDD<Integer> rdd = sc.parallelize(input, partitions).map(x -> x * 2);
            FutureAction<List<Integer>> collected = rdd.collectAsync();
            FutureAction<Long> counted = rdd.countAsync();
            assertEquals(input.stream().map(x -> x * 2).collect(Collectors.toList()),
                    collected.get(30, TimeUnit.SECONDS).asJava());
            assertEquals(500L, counted.get(30, TimeUnit.SECONDS));
            assertTrue(collected.isDone());
            assertFalse(collected.isCancelled());
        }
        RDD<Integer> empty = sc.parallelize(List.<Integer>empty(), 3);
        assertEquals(List.empty(), empty.collectAsync().get(30, TimeUnit.SECONDS));
        assertEquals(0L, empty.countAsync().get(30, TimeUnit.SECONDS));
        assertEquals(0L, sc.<Integer>emptyRDD().countAsync().get(30, TimeUnit.SECONDS));
    }

    @Test
    void foreachAsync_runsOnEveryElement() throws Exception {
        VISITED.clear();
        FutureAction<Void> done = sc.parallelize(javaRange(0, 100), 7).foreachAsync(x -> VISITED.add(x));
        assertNull(done.get(30, TimeUnit.SECONDS));
        assertEquals(javaRange(0, 100), VISITED.stream().sorted().collect(Collectors.toList()));
        VISITED.clear();
        sc.parallelize(List.of(5), 3).foreachPartitionAsync(it -> it.forEachRemaining(VISITED::add))
                .get(30, TimeUnit.SECONDS);
        assertEquals(java.util.List.of(5), java.util.List.copyOf(VISITED));
    }

    @Test
    void jobId_isTheIdListenersSee_andResultsChain() throws Exception {
        JobStartRecorder jobs = new JobStartRecorder();
        sc.addListener(jobs);
        try {
            FutureAction<Long> counted = sc.parallelize(javaRange(0, 10), 2).countAsync();
            int id = counted.jobId();
            assertEquals(10L, counted.asCompletionStage().thenApply(n -> n * 3).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS) / 3);
            assertEquals(id, jobs.awaitEnded(1).get(0).jobId());
        } finally {
            sc.removeListener(jobs);
        }
    }

    @Test
    void anAsyncAction_writesRequestedCheckpoints_beforeItsFutureCompletes(@TempDir Path checkpoints) throws Exception {
        sc.setCheckpointDir(checkpoints.toString());
        RDD<Integer> rdd = sc.parallelize(javaRange(0, 20), 3).map(x -> x + 1);
        rdd.checkpoint();
        assertEquals(20L, rdd.countAsync().get(30, TimeUnit.SECONDS));
        assertTrue(rdd.isCheckpointed());
        assertEquals(javaRange(1, 21), rdd.collect().asJava());
    }

    @Test
    void cancelJobGroup_cancelsTheAsyncJobsSubmittedInTheGroup() throws Exception {
        STARTED.set(0);
        sc.setJobGroup("async-group", "slow async jobs", true);
        FutureAction<Long> running;
        try {
            running = sc.parallelize(List.of(1), 1).map(AsyncActionsTest::slow).countAsync();
        } finally {
            sc.clearJobGroup();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (STARTED.get() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        sc.cancelJobGroup("async-group");
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
        assertInstanceOf(JobCancelledException.class, e.getCause());
        assertFalse(running.isCancelled(), "cancelled by its group, not by this future");
    }

    @Test
    void aFailingJob_failsTheFuture_withTheJobsError() {
        FutureAction<List<Integer>> failing = sc.parallelize(List.of(1, 2, 3), 2).map(x -> {
            if (x == 2) {
                throw new IllegalArgumentException("bad element " + x);
            }
            return x;
        }).collectAsync();
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
        JobFailedException failure = assertInstanceOf(JobFailedException.class, e.getCause());
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertFalse(failing.isCancelled());
    }

    @Test
    void cancel_cancelsTheRunningJob_andTheContextStaysUsable() throws Exception {
        STARTED.set(0);
        INTERRUPTED.clear();
        FutureAction<List<Integer>> running = sc.parallelize(List.of(1, 2), 2).map(AsyncActionsTest::slow).collectAsync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (STARTED.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, STARTED.get(), "both tasks running");
        assertFalse(running.isDone());
        assertTrue(running.cancel(true));
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
        assertInstanceOf(JobCancelledException.class, e.getCause());
        assertTrue(running.isCancelled());
        assertTrue(running.isDone());
        assertFalse(running.cancel(true), "cancelling an ended job does nothing");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (INTERRUPTED.getOrDefault("slow", 0) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, INTERRUPTED.getOrDefault("slow", 0), "the running tasks were interrupted");
        assertEquals(3L, sc.parallelize(List.of(1, 2, 3), 2).countAsync().get(30, TimeUnit.SECONDS));
    }
}
