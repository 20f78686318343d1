package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.ExecutorInfo;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Injected failures: tasks that throw, executors that die in the middle of a shuffle. Every test
 * must end with the exact answer or a clear failure, never a hang (hence the timeouts). Tasks
 * reach the context through a static field, which closures read without capturing it.
 */
@Timeout(60)
class FaultToleranceTest {
    static volatile EmberContext active;
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicBoolean FIRED = new AtomicBoolean();

    @BeforeEach
    void reset() {
        ATTEMPTS.set(0);
        FIRED.set(false);
    }

    @AfterEach
    void stop() {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    private static EmberContext start(int executors, int maxFailures) {
        active = EmberContext.builder().master("local[" + executors + "]").appName("faults")
                .config(EmberConf.TASK_MAX_FAILURES, maxFailures).getOrCreate();
        return active;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<Integer, Long> expectedSums() {
        return List.range(0, 10_000).groupBy(x -> x % 17).mapValues(xs -> xs.map(Integer::longValue).sum().longValue());
    }

    @Test
    void transientFailure_isRetriedAndTheResultIsExact() {
        EmberContext sc = start(2, 4);
        List<Integer> result = sc.parallelize(List.range(0, 100), 4).map(x -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0) {
                ATTEMPTS.incrementAndGet();
                throw new IllegalStateException("transient failure");
            }
            return x * 2;
        }).collect();
        assertEquals(List.range(0, 100).map(x -> x * 2), result);
        assertEquals(1, ATTEMPTS.get());
    }

    @Test
    void deterministicFailure_failsTheJobAfterTheRetryLimitWithTheCause() {
        EmberContext sc = start(2, 3);
        JobFailedException failure = assertThrows(JobFailedException.class, () ->
                sc.parallelize(List.range(0, 100), 4).map(x -> {
                    if (x == 42) {
                        ATTEMPTS.incrementAndGet();
                        throw new IllegalArgumentException("bad record " + x);
                    }
                    return x;
                }).collect());
        assertEquals(3, ATTEMPTS.get());
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals("bad record 42", failure.getCause().getMessage());
        String message = failure.getMessage();
        assertTrue(message.contains("Task 1 in stage"), message);
        assertTrue(message.contains("failed 3 times"), message);
        assertTrue(message.contains("task 1.2 in stage"), message);
        // The context stays usable after a failed job.
        assertEquals(3, sc.parallelize(List.of(1, 2, 3)).count());
    }

    @Test
    void executorKilledDuringShuffleMapStage_outputsAreRecomputed() {
        EmberContext sc = start(3, 4);
        Map<Integer, Long> sums = sc.parallelize(List.range(0, 10_000), 9)
                .mapPartitionsWithIndex((index, it) -> {
                    ATTEMPTS.incrementAndGet();
                    if (index == 8 && FIRED.compareAndSet(false, true)) {
                        String self = TaskContext.get().executorId();
                        active.killExecutor(self.equals("exec-0") ? "exec-1" : "exec-0");
                    }
                    return it;
                })
                .mapToPair(x -> Tuple.of(x % 17, (long) x))
                .reduceByKey(Long::sum, 4)
                .collectAsMap();
        assertEquals(expectedSums(), sums);
        assertTrue(ATTEMPTS.get() > 9, "map tasks ran " + ATTEMPTS.get() + " times; lost outputs must be recomputed");
        assertEquals(1, sc.executors().count(e -> e.state() == ExecutorInfo.State.LOST));
    }

    @Test
    void executorKilledDuringReduceStage_mapStageIsResubmitted() {
        EmberContext sc = start(3, 4);
        Map<Integer, Long> sums = sc.parallelize(List.range(0, 10_000), 6)
                .mapToPair(x -> Tuple.of(x % 17, (long) x))
                .reduceByKey(Long::sum, 5)
                .mapPartitionsWithIndex((index, it) -> {
                    if (index == 0 && FIRED.compareAndSet(false, true)) {
                        // Dies with the map outputs it holds: the other reducers cannot fetch them.
                        active.killExecutor(TaskContext.get().executorId());
                        pause(200);
                    }
                    return it;
                })
                .mapToPair(t -> t)
                .collectAsMap();
        assertEquals(expectedSums(), sums);
    }

    @Test
    void losingEveryExecutor_failsTheJobInsteadOfHanging() {
        EmberContext sc = start(1, 4);
        JobFailedException failure = assertThrows(JobFailedException.class, () ->
                sc.parallelize(List.range(0, 10), 2).map(x -> {
                    active.killExecutor(TaskContext.get().executorId());
                    pause(500);
                    return x;
                }).collect());
        assertTrue(failure.getMessage().contains("all executors are lost"), failure.getMessage());
    }

    @Test
    void stoppingTheContext_failsRunningJobs() throws Exception {
        EmberContext sc = start(1, 4);
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sc.close();
        });
        stopper.start();
        JobFailedException failure = assertThrows(JobFailedException.class, () ->
                sc.parallelize(List.range(0, 4), 4).map(x -> {
                    pause(5_000);
                    return x;
                }).collect());
        assertTrue(failure.getMessage().contains("stopped"), failure.getMessage());
        stopper.join();
    }

    @Test
    void jobsAfterRecovery_seeTheSurvivingExecutors() {
        EmberContext sc = start(2, 4);
        sc.killExecutor("exec-1");
        long deadline = System.currentTimeMillis() + 5_000;
        while (sc.executors().count(e -> e.state() == ExecutorInfo.State.LOST) == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(HashMap.of(0, 50L, 1, 50L), sc.parallelize(List.range(0, 100), 4)
                .mapToPair(x -> Tuple.of(x % 2, 1L)).reduceByKey(Long::sum).collectAsMap());
    }
}
