package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jobs that cannot or must not go on end promptly: a job with no live executor fails at once,
 * and cancelJob / cancelJobGroup / cancelAllJobs end running jobs with a cancellation error by
 * interrupting their tasks (a task that ignores interruption is named in a warning), while the
 * context stays usable.
 */
@Timeout(60)
class JobCancellationTest {
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final AtomicBoolean RELEASE_STUBBORN = new AtomicBoolean();

    /** Sleeps {@code millis}: interruptible, as well-behaved task code is. */
    private static int sleeping(int x, long millis) {
        STARTED.incrementAndGet();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
        return x;
    }

    /** Spins until released, swallowing interrupts: a task that ignores cancellation. */
    private static int stubborn(int x) {
        STARTED.incrementAndGet();
        while (!RELEASE_STUBBORN.get()) {
            Thread.interrupted();
            Thread.onSpinWait();
        }
        return x;
    }

    private static EmberContext start(String master, String name) {
        STARTED.set(0);
        return EmberContext.builder().master(master).appName(name).config(EmberConf.TASK_KILL_GRACE_PERIOD, "300ms")
                .getOrCreate();
    }

    private static void awaitStarted(int tasks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (STARTED.get() < tasks && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(tasks, STARTED.get(), "tasks started");
    }

    /** Runs {@code action} on its own thread; the future fails with what the action threw. */
    private static <T> CompletableFuture<T> inBackground(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "test-job");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static JobCancelledException cancellationOf(CompletableFuture<?> job) throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> job.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(JobCancelledException.class, failure.getCause());
    }

    private static void awaitNoRunningTasks(EmberContext sc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sc.schedulerBookkeeping().get("runningTasks") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, sc.schedulerBookkeeping().get("runningTasks"), "the interrupted tasks ended");
    }

    @Test
    void durationSettings_areCheckedWhenSet_namingTheSetting() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config(EmberConf.TASK_KILL_GRACE_PERIOD, "soon"));
        assertTrue(error.getMessage().contains(EmberConf.TASK_KILL_GRACE_PERIOD) && error.getMessage().contains("'soon'"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config(EmberConf.MAX_REGISTERED_RESOURCES_WAITING_TIME, "30"));
    }

    @Test
    void aJobWithNoLiveExecutor_failsWithinSeconds() {
        try (EmberContext sc = start("local[2]", "no-executors")) {
            sc.killExecutor("exec-0");
            sc.killExecutor("exec-1");
            // why two jobs: the first may still meet the loss events (and fail on the last one); the
            // second is submitted when the scheduler surely knows that no executor is left
            for (int job = 0; job < 2; job++) {
                long started = System.nanoTime();
                JobFailedException error = assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1, 2, 3)).count());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "failed promptly");
                assertTrue(error.getMessage().contains("executor"), error.getMessage());
                if (job == 1) {
                    assertTrue(error.getMessage().contains("no executor is alive (lost: exec-0, exec-1)"), error.getMessage());
                }
            }
        }
    }

    @Test
    void cancelJob_interruptsItsTasks_failsItWithACancellation_andTheContextStaysUsable() throws Exception {
        try (EmberContext sc = start("local[2]", "cancel-job")) {
            AtomicReference<Integer> jobId = new AtomicReference<>();
            java.util.List<String> taskEnds = new java.util.concurrent.CopyOnWriteArrayList<>();
            sc.addListener(e -> {
                if (e instanceof ListenerEvent.JobStart start) {
                    jobId.compareAndSet(null, start.jobId());
                } else if (e instanceof ListenerEvent.TaskEnd end && end.task().stageId() == 0) {
                    taskEnds.add(end.status());
                }
            });
            CompletableFuture<Long> job = inBackground(
                    () -> sc.parallelize(List.of(1, 2), 2).map(x -> sleeping(x, 60_000)).count());
            awaitStarted(2);
            sc.cancelJob(jobId.get());

            JobCancelledException cancelled = cancellationOf(job);
            assertTrue(cancelled.getMessage().contains("Job " + jobId.get()) && cancelled.getMessage().contains("cancelJob"),
                    cancelled.getMessage());
            awaitNoRunningTasks(sc);
            assertEquals(List.range(0, 50).sum().intValue(), sc.parallelize(List.range(0, 50), 2).reduce(Integer::sum));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (taskEnds.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(java.util.List.of("KILLED", "KILLED"), taskEnds, "listeners see the interrupted tasks as killed");
        }
    }

    @Test
    void cancelJobGroup_cancelsOnlyThatGroupsJobs() throws Exception {
        try (EmberContext sc = start("local[3]", "cancel-group")) {
            CompletableFuture<Long> grouped = inBackground(() -> {
                sc.setJobGroup("nightly", "rebuild the index", true);
                return sc.parallelize(List.of(1, 2), 2).map(x -> sleeping(x, 60_000)).count();
            });
            CompletableFuture<Integer> other = inBackground(() -> {
                sc.setJobGroup("adhoc", "a quick look", true);
                return sc.parallelize(List.of(5), 1).map(x -> sleeping(x, 1_500)).reduce(Integer::sum);
            });
            awaitStarted(3);
            sc.cancelJobGroup("nightly");

            JobCancelledException cancelled = cancellationOf(grouped);
            assertTrue(cancelled.getMessage().contains("group nightly: rebuild the index"), cancelled.getMessage());
            assertEquals(5, other.get(10, TimeUnit.SECONDS), "the other group's job finished");
            awaitNoRunningTasks(sc);
            assertEquals(6L, sc.parallelize(List.range(0, 6), 3).count());
        }
    }

    @Test
    void cancelAllJobs_cancelsEveryRunningJob() throws Exception {
        try (EmberContext sc = start("local[2]", "cancel-all")) {
            CompletableFuture<Long> first = inBackground(() -> sc.parallelize(List.of(1), 1).map(x -> sleeping(x, 60_000)).count());
            CompletableFuture<Long> second = inBackground(() -> {
                sc.setJobGroup("g", null, true);
                return sc.parallelize(List.of(2), 1).map(x -> sleeping(x, 60_000)).count();
            });
            awaitStarted(2);
            sc.cancelAllJobs();

            cancellationOf(first);
            cancellationOf(second);
            awaitNoRunningTasks(sc);
            assertEquals(List.of(2, 4, 6), sc.parallelize(List.of(1, 2, 3), 2).map(x -> x * 2).collect());
        }
    }

    @Test
    void aCancelledTaskThatIgnoresInterruption_isNamedInAWarning() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        RELEASE_STUBBORN.set(false);
        try (EmberContext sc = start("local[1]", "stubborn")) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CompletableFuture<Long> job = inBackground(() -> sc.parallelize(List.of(1), 1).map(JobCancellationTest::stubborn).count());
            awaitStarted(1);
            sc.cancelAllJobs();
            cancellationOf(job);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!captured.toString(StandardCharsets.UTF_8).contains("ignores interruption") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("task 0.0 in stage") && log.contains("executor exec-0") && log.contains("ignores interruption")
                    && log.contains(EmberConf.TASK_KILL_GRACE_PERIOD), log);
            RELEASE_STUBBORN.set(true);
            awaitNoRunningTasks(sc);
        } finally {
            RELEASE_STUBBORN.set(true);
            System.setErr(original);
        }
    }
}
