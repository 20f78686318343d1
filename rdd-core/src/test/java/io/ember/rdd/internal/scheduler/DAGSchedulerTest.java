package io.ember.rdd.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.JobCancelledException;
import io.ember.rdd.JobFailedException;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.shuffle.MapStatus;
import io.ember.rdd.internal.storage.BlockMasters;
import io.vavr.Function2;
import io.vavr.Tuple;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DAG scheduler over a fake executor runtime: the test plays the executors, ending each
 * launched task with the outcome it chooses, and checks stages, results, retries, the
 * resubmission of lost map outputs, and that every bookkeeping map is empty at the end. A local
 * context only builds the RDDs; its own executors run nothing here.
 */
@Timeout(60)
class DAGSchedulerTest {
    private static final Function2<TaskContext, Iterator<Object>, Object> FUNC = (ctx, it) -> 0;
    private static EmberContext sc;

    private final ListenerBus bus = new ListenerBus();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private FakeExecutorRuntime runtime;
    private DAGScheduler dag;

    @BeforeAll
    static void startContext() {
        sc = EmberContext.builder().master("local[1]").appName("dag-scheduler-test").config("ember.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stopContext() {
        sc.close();
    }

    @AfterEach
    void stop() {
        dag.close();
        bus.close();
        assertNull(fatal.get(), "the loop met no unexpected error");
    }

    private void start(int executors, int maxFailures) {
        runtime = new FakeExecutorRuntime(executors, 1);
        SchedulerSettings settings = new SchedulerSettings(maxFailures, Duration.ZERO, "ember.test.wait",
                Duration.ofSeconds(10), false, Duration.ofSeconds(3), true, 2);
        dag = new DAGScheduler(runtime, settings, getClass().getClassLoader(), bus, BlockMasters.over(runtime), fatal::set);
    }

    /** The sums of 1..4 by parity, over one shuffle of two map and two reduce partitions. */
    private static RDD<?> shuffled() {
        return sc.parallelize(io.vavr.collection.List.of(1, 2, 3, 4), 2).mapToPair(x -> Tuple.of(x % 2, x))
                .reduceByKey(Integer::sum, 2);
    }

    private static int shuffleIdOf(RDD<?> rdd) {
        return ((ShuffleDependency<?, ?, ?>) rdd.dependencies().head()).shuffleId();
    }

    private SubmittedJob submit(RDD<?> rdd, int... partitions) {
        return dag.submitJob(rdd, FUNC, partitions, "DAGSchedulerTest", null);
    }

    private static Object[] resultsOf(SubmittedJob job) throws Exception {
        return job.results().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(SubmittedJob job) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.results().get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static List<FakeExecutorRuntime.Launch> byPartition(List<FakeExecutorRuntime.Launch> launches) {
        return launches.stream().sorted(Comparator.comparingInt(FakeExecutorRuntime.Launch::partition)).toList();
    }

    /** Every bookkeeping map is empty but the registered shuffles, which live while their RDD does. */
    private void assertIdle(int registeredShuffles) {
        assertEquals(Map.of("jobs", 0, "waiting", 0, "running", 0, "failed", 0, "runningTasks", 0, "queuedTasks", 0,
                "shuffleStages", 0, "killedTasks", 0, "taskSets", 0, "registeredShuffles", registeredShuffles),
                dag.bookkeeping());
        assertEquals(List.of(), runtime.launchedSoFar(), "nothing else was launched");
    }

    /** Runs the map stage of {@code rdd}'s shuffle on every executor; returns the map tasks. */
    private List<FakeExecutorRuntime.Launch> runMapStage(int tasks) {
        List<FakeExecutorRuntime.Launch> maps = byPartition(runtime.nextLaunches(tasks));
        maps.forEach(FakeExecutorRuntime.Launch::writeMapOutput);
        return maps;
    }

    @Test
    void job_withOneShuffle_runsTheMapStage_thenTheResultStageOnItsOutputs() throws Exception {
        start(2, 4);
        RDD<?> rdd = shuffled();
        SubmittedJob job = submit(rdd, 0, 1);
        List<FakeExecutorRuntime.Launch> maps = runMapStage(2);
        assertEquals(List.of(0, 1), maps.stream().map(FakeExecutorRuntime.Launch::partition).toList());

        List<FakeExecutorRuntime.Launch> results = byPartition(runtime.nextLaunches(2));
        assertTrue(results.get(0).stageId() != maps.get(0).stageId(), "a new stage");
        MapStatus[] statuses = results.get(0).mapStatuses().get(shuffleIdOf(rdd));
        assertEquals(List.of(maps.get(0).executorId(), maps.get(1).executorId()),
                Arrays.stream(statuses).map(MapStatus::executorId).toList(), "each output where its task ran");
        results.get(1).succeed("odd");
        results.get(0).succeed("even");
        assertEquals(List.of("even", "odd"), Arrays.asList(resultsOf(job)));
        assertIdle(1);
    }

    @Test
    void failingTask_isRetried_thenFailsTheJobWithTheUsersException() {
        start(2, 2);
        SubmittedJob job = submit(sc.parallelize(io.vavr.collection.List.of(1), 1), 0);
        runtime.nextLaunch().fail(new IllegalArgumentException("bad record 7"));
        FakeExecutorRuntime.Launch retry = runtime.nextLaunch();
        assertEquals(1, retry.task().attemptNumber());
        retry.fail(new IllegalArgumentException("bad record 7"));

        Throwable failure = failureOf(job);
        assertInstanceOf(JobFailedException.class, failure);
        assertTrue(failure.getMessage().startsWith("Job aborted due to stage failure: Task 0 in stage ")
                && failure.getMessage().contains(" failed 2 times"), failure.getMessage());
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals("bad record 7", failure.getCause().getMessage());
        assertIdle(0);
    }

    @Test
    void fetchFailure_recomputesTheLostMapOutput_thenRerunsTheUnfinishedReducePartition() throws Exception {
        start(2, 4);
        RDD<?> rdd = shuffled();
        int shuffleId = shuffleIdOf(rdd);
        SubmittedJob job = submit(rdd, 0, 1);
        List<FakeExecutorRuntime.Launch> maps = runMapStage(2);
        List<FakeExecutorRuntime.Launch> results = byPartition(runtime.nextLaunches(2));
        results.get(1).succeed("odd");
        results.get(0).finish(new TaskResult.FetchFailed(shuffleId, 1, maps.get(1).executorId(), "connection refused"));

        FakeExecutorRuntime.Launch rerunMap = runtime.nextLaunch();
        assertEquals(maps.get(1).stageId(), rerunMap.stageId());
        assertEquals(1, rerunMap.partition(), "only the lost output is recomputed");
        assertEquals(1, rerunMap.task().stageAttempt());
        rerunMap.writeMapOutput();

        FakeExecutorRuntime.Launch rerunResult = runtime.nextLaunch();
        assertEquals(0, rerunResult.partition(), "the finished reduce partition is kept");
        assertEquals(rerunMap.executorId(), rerunResult.mapStatuses().get(shuffleId)[1].executorId());
        rerunResult.succeed("even");
        assertEquals(List.of("even", "odd"), Arrays.asList(resultsOf(job)));
        assertIdle(1);
    }

    @Test
    void lostExecutor_forgetsItsMapOutputs_andTheNextJobRecomputesOnlyThose() throws Exception {
        start(2, 4);
        RDD<?> rdd = shuffled();
        SubmittedJob first = submit(rdd, 0, 1);
        List<FakeExecutorRuntime.Launch> maps = runMapStage(2);
        runtime.nextLaunches(2).forEach(r -> r.succeed(r.partition()));
        assertEquals(List.of(0, 1), Arrays.asList(resultsOf(first)));
        String lost = maps.get(1).executorId();
        String survivor = maps.get(0).executorId();
        runtime.loseExecutor(lost);
        assertEquals(0, dag.bookkeeping().get("jobs"), "the loss is handled before the next job");

        SubmittedJob second = submit(rdd, 0, 1);
        FakeExecutorRuntime.Launch rerunMap = runtime.nextLaunch();
        assertEquals(1, rerunMap.partition());
        assertEquals(survivor, rerunMap.executorId());
        rerunMap.writeMapOutput();
        for (int i = 0; i < 2; i++) {
            FakeExecutorRuntime.Launch result = runtime.nextLaunch();
            assertEquals(List.of(survivor, survivor), Arrays.stream(result.mapStatuses().get(shuffleIdOf(rdd)))
                    .map(MapStatus::executorId).toList());
            result.succeed(result.partition() * 10);
        }
        assertEquals(List.of(0, 10), Arrays.asList(resultsOf(second)));
        assertIdle(1);
    }

    @Test
    void mapOutputReportedFromALostExecutor_isIgnored_andItsPartitionIsRecomputed() throws Exception {
        start(2, 4);
        RDD<?> rdd = shuffled();
        SubmittedJob job = submit(rdd, 0, 1);
        List<FakeExecutorRuntime.Launch> maps = byPartition(runtime.nextLaunches(2));
        maps.get(0).writeMapOutput();
        String lost = maps.get(1).executorId();
        runtime.reportLost(lost);
        assertEquals(1, dag.bookkeeping().get("jobs"), "the loss is known before the late output arrives");
        maps.get(1).writeMapOutput();

        FakeExecutorRuntime.Launch rerun = runtime.nextLaunch();
        assertEquals(List.of(maps.get(1).stageId(), 1, maps.get(0).executorId()),
                List.of(rerun.stageId(), rerun.partition(), rerun.executorId()));
        rerun.writeMapOutput();
        for (int i = 0; i < 2; i++) {
            FakeExecutorRuntime.Launch result = runtime.nextLaunch();
            result.succeed(result.partition());
        }
        assertEquals(List.of(0, 1), Arrays.asList(resultsOf(job)));
        assertIdle(1);
    }

    @Test
    void lossOfTheLastExecutor_failsTheRunningJob() {
        start(1, 4);
        SubmittedJob job = submit(sc.parallelize(io.vavr.collection.List.of(1, 2), 2), 0, 1);
        runtime.nextLaunch();
        runtime.loseExecutor("exec-0");
        Throwable failure = failureOf(job);
        assertEquals("Job 0 aborted: all executors are lost (last: exec-0)", failure.getMessage());
        assertIdle(0);
    }

    @Test
    void cancelJob_failsItWithACancellation_andInterruptsItsRunningTasks() throws Exception {
        start(2, 4);
        SubmittedJob job = submit(sc.parallelize(io.vavr.collection.List.of(1, 2), 2), 0, 1);
        List<FakeExecutorRuntime.Launch> running = runtime.nextLaunches(2);
        dag.cancelJob(job.jobId().get(10, TimeUnit.SECONDS));

        Throwable failure = failureOf(job);
        assertInstanceOf(JobCancelledException.class, failure);
        assertEquals(running.stream().map(r -> r.task().taskId()).sorted().toList(),
                runtime.killedTasks.stream().sorted().toList());
        running.forEach(r -> r.fail(new InterruptedException("interrupted")));
        assertIdle(0);
    }
}
