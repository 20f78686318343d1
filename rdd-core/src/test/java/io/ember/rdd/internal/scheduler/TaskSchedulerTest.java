package io.ember.rdd.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.rdd.internal.storage.BlockMasters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task scheduler alone, on the test's thread: a fake runtime whose tasks the test ends by
 * hand, a manual clock, and a listener that records what the stage level would be told. Every
 * test ends by checking that the scheduler's bookkeeping is empty.
 */
class TaskSchedulerTest {
    private static final long WAIT = 3_000;

    private final ListenerBus bus = new ListenerBus();
    private final List<String> told = new ArrayList<>();
    private final ArrayDeque<SchedulerEvent> posted = new ArrayDeque<>();
    private final TreeMap<Long, List<SchedulerEvent>> later = new TreeMap<>();
    private long now = 1_000;
    private FakeExecutorRuntime runtime;
    private TaskScheduler scheduler;

    @AfterEach
    void closeBus() {
        bus.close();
    }

    private TaskScheduler start(int executors, int maxFailures) {
        runtime = new FakeExecutorRuntime(executors, 1);
        SchedulerSettings settings = new SchedulerSettings(maxFailures, Duration.ZERO, "ember.test.wait",
                Duration.ofSeconds(10), false, Duration.ofMillis(WAIT), true, 2);
        scheduler = new TaskScheduler(runtime, settings, bus, BlockMasters.over(runtime), getClass().getClassLoader(),
                new Recorder(), new ManualLoop());
        return scheduler;
    }

    /** A stage of {@code partitions} tasks, task {@code i} preferring {@code preferred[i]} if given. */
    private static TaskSet taskSet(int stageId, int partitions, String... preferred) {
        Stage stage = new ResultStage(stageId, null, List.of(), List.of(), 0, null);
        List<TaskSet.Task> tasks = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            io.vavr.collection.List<String> prefs = p < preferred.length && preferred[p] != null
                    ? io.vavr.collection.List.of(preferred[p]) : io.vavr.collection.List.empty();
            tasks.add(new TaskSet.Task(p, new byte[0], prefs));
        }
        return new TaskSet(stage, 0, new byte[0], new byte[0], tasks);
    }

    /** Handles what was posted, as the DAG scheduler's loop would. */
    private void drain() {
        SchedulerEvent event;
        while ((event = posted.poll()) != null) {
            if (event instanceof SchedulerEvent.TaskEnded e) {
                scheduler.taskEnded(e.task(), e.outcome());
            } else if (event instanceof SchedulerEvent.ReviveOffers) {
                scheduler.reviveOffers();
            } else if (event instanceof SchedulerEvent.KilledTaskCheck e) {
                scheduler.killedTaskCheck(e);
            }
        }
    }

    private void advance(long millis) {
        now += millis;
        while (!later.isEmpty() && later.firstKey() <= now) {
            posted.addAll(later.pollFirstEntry().getValue());
        }
        drain();
    }

    private static String where(FakeExecutorRuntime.Launch launch) {
        return "p" + launch.partition() + "." + launch.task().attemptNumber() + "@" + launch.executorId();
    }

    private List<String> launched() {
        return runtime.launchedSoFar().stream().map(TaskSchedulerTest::where).toList();
    }

    private void assertIdle() {
        Map<String, Integer> sizes = new HashMap<>();
        scheduler.bookkeeping(sizes);
        assertEquals(Map.of("runningTasks", 0, "queuedTasks", 0, "killedTasks", 0, "taskSets", 0), sizes);
    }

    @Test
    void submitTasks_fillsEveryFreeSlot_andLaunchesQueuedTasksAsSlotsFree() {
        start(2, 4).submitTasks(taskSet(0, 3));
        List<FakeExecutorRuntime.Launch> first = runtime.launchedSoFar();
        assertEquals(List.of("p0.0@exec-0", "p1.0@exec-1"), first.stream().map(TaskSchedulerTest::where).toList());
        first.get(1).succeed("b");
        drain();
        FakeExecutorRuntime.Launch third = runtime.nextLaunch();
        assertEquals("p2.0@exec-1", where(third));
        first.get(0).succeed("a");
        third.succeed("c");
        drain();
        assertEquals(List.of("succeeded p1", "succeeded p0", "succeeded p2"), told);
        assertIdle();
    }

    @Test
    void failedTask_isRetriedOnAnotherExecutor_thenAbortsTheStageAtMaxFailures() {
        start(2, 2).submitTasks(taskSet(0, 1));
        FakeExecutorRuntime.Launch first = runtime.nextLaunch();
        first.fail(new IllegalStateException("boom"));
        drain();
        FakeExecutorRuntime.Launch retry = runtime.nextLaunch();
        assertEquals("p0.1@exec-1", where(retry), "excluded from exec-0, where it failed");
        retry.fail(new IllegalStateException("boom again"));
        drain();
        assertEquals(List.of("aborted stage 0: Task 0 in stage 0.0 failed 2 times; most recent failure: Lost task 0.1 "
                + "in stage 0.0 (TID 1, executor exec-1): java.lang.IllegalStateException: boom again"), told);
        assertEquals(List.of(), launched());
        assertIdle();
    }

    @Test
    void failedTask_isRetriedOnTheSameExecutor_whenItIsTheOnlyOne() {
        start(1, 4).submitTasks(taskSet(0, 1));
        runtime.nextLaunch().fail(new IllegalStateException("boom"));
        drain();
        FakeExecutorRuntime.Launch retry = runtime.nextLaunch();
        assertEquals("p0.1@exec-0", where(retry));
        retry.succeed(1);
        drain();
        assertEquals(List.of("succeeded p0"), told);
        assertIdle();
    }

    @Test
    void executorWithRepeatedFailures_isExcludedFromTheStage() {
        TaskSet set = taskSet(0, 4);
        start(2, 4).submitTasks(set);
        List<FakeExecutorRuntime.Launch> first = runtime.launchedSoFar();
        assertEquals(List.of("p0.0@exec-0", "p1.0@exec-1"), first.stream().map(TaskSchedulerTest::where).toList());
        first.get(0).fail(new IllegalStateException("bad disk"));
        drain();
        FakeExecutorRuntime.Launch second = runtime.nextLaunch();
        assertEquals("p2.0@exec-0", where(second), "p0 may not run on exec-0 again, p2 may");
        second.fail(new IllegalStateException("bad disk"));
        drain();
        assertEquals(List.of("exec-0"), scheduler.excludedExecutors(set.stage()));
        assertEquals(List.of(), launched(), "exec-0 is free but excluded");

        first.get(1).succeed(1);
        drain();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeExecutorRuntime.Launch next = runtime.nextLaunch();
            rest.add(where(next));
            next.succeed(i);
            drain();
        }
        assertEquals(List.of("p3.0@exec-1", "p0.1@exec-1", "p2.1@exec-1"), rest);
        assertEquals(List.of("succeeded p1", "succeeded p3", "succeeded p0", "succeeded p2"), told);
        assertIdle();
    }

    @Test
    void locality_taskWaitsForItsBusyPreferredExecutor_thenRunsElsewhereWhenTheWaitEnds() {
        start(2, 4).submitTasks(taskSet(0, 2, "exec-1", "exec-1"));
        FakeExecutorRuntime.Launch local = runtime.nextLaunch();
        assertEquals("p0.0@exec-1", where(local));
        assertEquals(List.of(), launched(), "p1 waits for exec-1 although exec-0 is free");
        advance(WAIT - 1);
        assertEquals(List.of(), launched());
        advance(1);
        assertEquals(List.of("p1.0@exec-0"), launched(), "the locality wait is over");
    }

    @Test
    void locality_cachedPartitionRunsWhereCached_whenItsExecutorFreesUpWithinTheWait() {
        start(2, 4).submitTasks(taskSet(0, 2, "exec-1", "exec-1"));
        FakeExecutorRuntime.Launch first = runtime.nextLaunch();
        advance(WAIT / 2);
        first.succeed(0);
        drain();
        FakeExecutorRuntime.Launch second = runtime.nextLaunch();
        assertEquals("p1.0@exec-1", where(second));
        second.succeed(1);
        advance(WAIT);
        assertEquals(List.of(), launched());
        assertIdle();
    }

    @Test
    void locality_taskWhosePreferredExecutorIsGone_runsAnywhereAtOnce() {
        start(1, 4).submitTasks(taskSet(0, 1, "exec-9"));
        FakeExecutorRuntime.Launch launch = runtime.nextLaunch();
        assertEquals("p0.0@exec-0", where(launch));
        launch.succeed(0);
        drain();
        assertIdle();
    }

    @Test
    void executorLost_resubmitsItsRunningTask_withoutCountingAFailure() {
        start(2, 1).submitTasks(taskSet(0, 1));
        FakeExecutorRuntime.Launch first = runtime.nextLaunch();
        first.lose();
        drain();
        FakeExecutorRuntime.Launch retry = runtime.nextLaunch();
        assertEquals("p0.1@exec-1", where(retry));
        assertTrue(scheduler.isLost("exec-0"));
        retry.succeed(0);
        drain();
        assertEquals(List.of("lost exec-0", "succeeded p0"), told);
        assertIdle();
    }

    @Test
    void fetchFailure_isReported_andTheTaskSetLaunchesNothingMore() {
        start(1, 4).submitTasks(taskSet(0, 2));
        runtime.nextLaunch().finish(new TaskResult.FetchFailed(3, 1, "exec-7", "cannot reach exec-7"));
        drain();
        assertEquals(List.of("fetch failed p0: shuffle 3 map 1"), told);
        assertEquals(List.of(), launched());
        assertIdle();
    }

    @Test
    void cancelTaskSets_withInterrupt_killsTheRunningTasks_andDropsTheQueuedOnes() {
        TaskSet set = taskSet(0, 3);
        start(1, 4).submitTasks(set);
        FakeExecutorRuntime.Launch running = runtime.nextLaunch();
        scheduler.cancelTaskSets(set.stage(), true);
        assertEquals(List.of(running.task().taskId()), runtime.killedTasks);
        advance(10_000);
        running.outcome().complete(new TaskOutcome.Crashed("exec-0", "java.lang.InterruptedException"));
        drain();
        assertEquals(List.of(), told, "a failure of a cancelled set matters to nobody");
        assertEquals(List.of(), launched());
        assertIdle();
    }

    @Test
    void newStageAttempt_supersedesTheOldOne() {
        TaskSet first = taskSet(0, 1);
        start(2, 4).submitTasks(first);
        FakeExecutorRuntime.Launch old = runtime.nextLaunch();
        scheduler.submitTasks(new TaskSet(first.stage(), 1, new byte[0], new byte[0], first.tasks()));
        FakeExecutorRuntime.Launch current = runtime.nextLaunch();
        assertEquals(1, current.task().stageAttempt());
        old.fail(new IllegalStateException("late failure of the old attempt"));
        current.succeed(0);
        drain();
        assertEquals(List.of("succeeded p0"), told);
        assertIdle();
    }

    /** Records what the stage level is told, in order. */
    private final class Recorder implements TaskScheduler.Listener {
        @Override
        public void taskSucceeded(TaskAttempt task, TaskResult result, Map<Long, Object> accumulatorUpdates) {
            told.add("succeeded p" + task.partition());
        }

        @Override
        public void fetchFailed(TaskAttempt task, TaskResult.FetchFailed fetch) {
            told.add("fetch failed p" + task.partition() + ": shuffle " + fetch.shuffleId() + " map " + fetch.mapId());
        }

        @Override
        public void taskSetFailed(Stage stage, String message, Throwable cause) {
            told.add("aborted stage " + stage.id + ": " + message);
        }

        @Override
        public void executorLost(String executorId) {
            told.add("lost " + executorId);
        }
    }

    /** The test's thread as the loop: posted events wait for {@link #drain}, delayed ones for {@link #advance}. */
    private final class ManualLoop implements TaskScheduler.Loop {
        @Override
        public long nowMillis() {
            return now;
        }

        @Override
        public void post(SchedulerEvent event) {
            posted.add(event);
        }

        @Override
        public void postAfter(long delayMillis, SchedulerEvent event) {
            later.computeIfAbsent(now + delayMillis, t -> new ArrayList<>()).add(event);
        }

        @Override
        public void runInBackground(Runnable work) {
            work.run();
        }
    }
}
