package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.shuffle.MapStatus;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Executors without actors: launches are recorded, and the test ends each task by hand with the
 * outcome it chooses. Thread-safe, since the DAG scheduler launches from its own thread.
 */
final class FakeExecutorRuntime implements ExecutorRuntime {
    private static final Codec CODEC = Codecs.kryo();

    /** One launched task, decoded; {@link #outcome} ends it. */
    record Launch(String executorId, TaskDescription task, CompletableFuture<TaskOutcome> outcome) {
        int partition() {
            return task.partitionIndex();
        }

        int stageId() {
            return task.stageId();
        }

        /** The map outputs the task was given, by shuffle id. */
        Map<Integer, MapStatus[]> mapStatuses() {
            return CODEC.deserialize(task.mapStatuses(), FakeExecutorRuntime.class.getClassLoader());
        }

        void succeed(Object value) {
            finish(new TaskResult.Value(value));
        }

        /** Ends a map task with its output on its own executor. */
        void writeMapOutput() {
            finish(new TaskResult.MapOutput(new MapStatus(executorId, new BitSet(), 10)));
        }

        void fail(Throwable error) {
            finish(new TaskResult.Failed(error));
        }

        void finish(TaskResult result) {
            outcome.complete(new TaskOutcome.Finished(executorId, report(result)));
        }

        void lose() {
            outcome.complete(new TaskOutcome.ExecutorLost(executorId, "killed by the test"));
        }
    }

    private final Map<String, ExecutorInfo> executors = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final BlockingQueue<Launch> launches = new LinkedBlockingQueue<>();
    private final List<Launch> running = new CopyOnWriteArrayList<>();
    final List<Long> killedTasks = new CopyOnWriteArrayList<>();
    final List<String> killedExecutors = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();

    FakeExecutorRuntime(int executors, int cores) {
        for (int i = 0; i < executors; i++) {
            String id = "exec-" + i;
            this.executors.put(id, new ExecutorInfo(id, "fake://" + id, cores, ExecutorInfo.State.ALIVE));
        }
    }

    static byte[] report(TaskResult result) {
        return CODEC.serialize(new TaskReport(CODEC.serialize(result), TaskMetrics.EMPTY, new HashMap<>(), new ArrayList<>()));
    }

    /** The next launched task, waiting for it at most 10 s (the scheduler launches from its own thread). */
    Launch nextLaunch() {
        try {
            Launch launch = launches.poll(10, TimeUnit.SECONDS);
            if (launch == null) {
                throw new AssertionError("no task was launched");
            }
            return launch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next {@code n} launched tasks. */
    List<Launch> nextLaunches(int n) {
        List<Launch> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(nextLaunch());
        }
        return result;
    }

    /** The tasks launched and not yet taken with {@link #nextLaunch}, without waiting. */
    List<Launch> launchedSoFar() {
        List<Launch> result = new ArrayList<>();
        launches.drainTo(result);
        return result;
    }

    /** The executor is lost: the listeners hear of it, and its running tasks end as lost. */
    void loseExecutor(String executorId) {
        reportLost(executorId);
        for (Launch launch : running) {
            if (launch.executorId().equals(executorId)) {
                launch.lose();
            }
        }
    }

    /** The listeners hear that the executor is lost; its running tasks are left to the test. */
    void reportLost(String executorId) {
        ExecutorInfo info = executors.get(executorId);
        executors.put(executorId, new ExecutorInfo(executorId, info.address(), info.cores(), ExecutorInfo.State.LOST));
        lostListeners.forEach(listener -> listener.accept(executorId));
    }

    @Override
    public List<ExecutorInfo> executors() {
        return new ArrayList<>(executors.values());
    }

    @Override
    public CompletionStage<TaskOutcome> launch(String executorId, long taskId, byte[] task) {
        TaskDescription description = CODEC.deserialize(task, FakeExecutorRuntime.class.getClassLoader());
        CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
        Launch launch = new Launch(executorId, description, outcome);
        running.add(launch);
        outcome.whenComplete((o, e) -> running.remove(launch));
        launches.add(launch);
        return outcome;
    }

    /** The scheduler sends no commands; storage, which does, is not under test here. */
    @Override
    public CompletionStage<CommandOutcome> sendCommand(String executorId, byte[] command, java.time.Duration timeout) {
        return CompletableFuture.completedFuture(new CommandOutcome.Failed(executorId, "the fake runtime applies no commands"));
    }

    @Override
    public void onExecutorLost(Consumer<String> listener) {
        lostListeners.add(listener);
    }

    @Override
    public void killExecutor(String executorId) {
        killedExecutors.add(executorId);
    }

    @Override
    public void onStopped(Consumer<String> listener) {
    }

    @Override
    public void killTask(String executorId, long taskId) {
        killedTasks.add(taskId);
    }

    @Override
    public void close() {
    }
}
