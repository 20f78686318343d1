package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.actors.internal.memory.MemoryUnavailableException;
import io.ember.rdd.EmberConf;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.TaskOutOfMemoryException;
import io.ember.rdd.internal.storage.BlockManagerMaster;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of the stages the {@link DAGScheduler} submits: owns the task sets (one
 * {@link TaskSetManager} per stage attempt), the executors' free slots, locality, retries, the
 * exclusion of failing executors and the interruption of cancelled tasks, as Spark's
 * TaskSchedulerImpl. It knows nothing of jobs or shuffles: it tells its {@link Listener} (the DAG
 * scheduler) when a task succeeded, could not fetch a map output, or failed for good, and when an
 * executor was lost.
 *
 * <p>Design notes. Not thread-safe: every method runs on the scheduler's event loop, reached
 * through {@link Loop} (task outcomes arrive on the runtime's threads and are posted back as
 * {@link SchedulerEvent.TaskEnded}). Task sets are offered each free slot in FIFO order (first
 * job, then stage); each executor takes one task per round so that work spreads. When a set
 * holds back a task for locality while slots are free, a {@link SchedulerEvent.ReviveOffers} is
 * posted for the moment its wait ends.
 */
final class TaskScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);
    private static final Comparator<TaskSetManager> FIFO = Comparator
            .comparingInt((TaskSetManager s) -> s.stage().firstJobId)
            .thenComparingInt(s -> s.stage().id)
            .thenComparingInt(s -> s.taskSet.stageAttempt());

    /** What the task scheduler tells the stage level, on the loop's thread. */
    interface Listener {
        /** A task returned a value or wrote its map output; also from a superseded attempt. */
        void taskSucceeded(TaskAttempt task, TaskResult result, Map<Long, Object> accumulatorUpdates);

        /** A task could not read a map output; its task set launches nothing more. */
        void fetchFailed(TaskAttempt task, TaskResult.FetchFailed fetch);

        /** A task failed for good: the stage must be aborted with {@code message}. */
        void taskSetFailed(Stage stage, String message, Throwable cause);

        /** An executor was lost (its slots are already gone): its map outputs are gone too. */
        void executorLost(String executorId);
    }

    /** The event loop the scheduler runs on, and its clock. */
    interface Loop {
        long nowMillis();

        /** Posts {@code event} to the loop; callable from any thread. */
        void post(SchedulerEvent event);

        /** Posts {@code event} to the loop after {@code delayMillis}. */
        void postAfter(long delayMillis, SchedulerEvent event);

        /** Runs work that may block (stopping an executor) off the loop's thread. */
        void runInBackground(Runnable work);
    }

    private final ExecutorRuntime runtime;
    private final SchedulerSettings settings;
    private final ListenerBus bus;
    private final BlockManagerMaster blockMaster;
    private final ClassLoader userClassLoader;
    private final Listener listener;
    private final Loop loop;
    private final Codec codec = Codecs.kryo();

    private final List<TaskSetManager> taskSets = new ArrayList<>();
    private final Map<Long, TaskAttempt> runningTasks = new HashMap<>();
    /** Running tasks interrupted by a cancellation, until they end. */
    private final Set<Long> killedTasks = new HashSet<>();
    /** Live executors and their free slots, in the order they take tasks. */
    private final Map<String, Integer> freeSlots = new LinkedHashMap<>();
    private final Set<String> lostExecutors = new HashSet<>();
    private long nextTaskId;
    /** When the earliest pending {@link SchedulerEvent.ReviveOffers} fires, or -1. */
    private long reviveAt = -1;

    TaskScheduler(ExecutorRuntime runtime, SchedulerSettings settings, ListenerBus bus, BlockManagerMaster blockMaster,
                  ClassLoader userClassLoader, Listener listener, Loop loop) {
        this.runtime = runtime;
        this.settings = settings;
        this.bus = bus;
        this.blockMaster = blockMaster;
        this.userClassLoader = userClassLoader;
        this.listener = listener;
        this.loop = loop;
        runtime.executors().stream().filter(e -> e.state() == io.ember.actors.ExecutorInfo.State.ALIVE)
                .forEach(e -> freeSlots.put(e.id(), e.cores()));
    }

    // ---- what the DAG scheduler asks -----------------------------------------------------------

    /** Runs the tasks of a stage attempt; an earlier attempt of the same stage launches nothing more. */
    void submitTasks(TaskSet taskSet) {
        for (TaskSetManager set : taskSets) {
            if (set.stage() == taskSet.stage()) {
                set.makeZombie();
            }
        }
        taskSets.add(new TaskSetManager(taskSet, settings, loop.nowMillis()));
        taskSets.sort(FIFO);
        removeFinishedSets();
        launchTasks();
    }

    /**
     * Launches no more tasks of {@code stage} (no job needs it); with {@code interrupt}, its
     * running tasks are interrupted and, if still running after the grace period, named in a warning.
     */
    void cancelTaskSets(Stage stage, boolean interrupt) {
        for (TaskSetManager set : taskSets) {
            if (set.stage() == stage) {
                set.makeZombie();
            }
        }
        if (interrupt) {
            long now = loop.nowMillis();
            for (TaskAttempt task : runningTasks.values()) {
                if (task.stage() == stage && killedTasks.add(task.taskId())) {
                    runtime.killTask(task.executorId(), task.taskId());
                    scheduleKilledTaskCheck(task.taskId(), now);
                }
            }
        }
        removeFinishedSets();
    }

    boolean hasAliveExecutors() {
        return !freeSlots.isEmpty();
    }

    boolean isLost(String executorId) {
        return lostExecutors.contains(executorId);
    }

    /** The lost executors, sorted, for error messages. */
    Set<String> lostExecutors() {
        return new TreeSet<>(lostExecutors);
    }

    /** The executors that the running attempt of {@code stage} no longer sends tasks to, sorted. */
    List<String> excludedExecutors(Stage stage) {
        for (TaskSetManager set : taskSets) {
            if (set.stage() == stage && !set.isZombie()) {
                return set.excludedExecutors();
            }
        }
        return List.of();
    }

    /** Adds this scheduler's bookkeeping sizes to {@code sizes}. */
    void bookkeeping(Map<String, Integer> sizes) {
        sizes.put("runningTasks", runningTasks.size());
        sizes.put("queuedTasks", taskSets.stream().mapToInt(TaskSetManager::pendingCount).sum());
        sizes.put("killedTasks", killedTasks.size());
        sizes.put("taskSets", taskSets.size());
    }

    // ---- events ---------------------------------------------------------------------------------

    void executorAdded(String executorId, String address, int cores) {
        if (lostExecutors.contains(executorId) || freeSlots.containsKey(executorId)) {
            return;
        }
        freeSlots.put(executorId, cores);
        bus.post(new ListenerEvent.ExecutorAdded(executorId, address, cores, loop.nowMillis()));
        launchTasks();
    }

    /** Forgets a lost executor's slots and tells the listener; its running tasks end as lost on their own. */
    void executorLost(String executorId) {
        if (!lostExecutors.add(executorId)) {
            return;
        }
        freeSlots.remove(executorId);
        bus.post(new ListenerEvent.ExecutorRemoved(executorId, "lost", loop.nowMillis()));
        listener.executorLost(executorId);
    }

    /** The locality wait of a set may be over: offer the free slots again. */
    void reviveOffers() {
        reviveAt = -1;
        launchTasks();
    }

    /** Like Spark's task reaper: a task that ignores its interruption is named, again each grace period. */
    void killedTaskCheck(SchedulerEvent.KilledTaskCheck check) {
        TaskAttempt task = runningTasks.get(check.taskId());
        if (task == null) {
            return;
        }
        LOG.warn("{} was interrupted {} ms ago because its job was cancelled, and is still running: it ignores "
                + "interruption and keeps its slot busy (checked every {})", task.describe(),
                loop.nowMillis() - check.killedAtMillis(), EmberConf.TASK_KILL_GRACE_PERIOD);
        scheduleKilledTaskCheck(check.taskId(), check.killedAtMillis());
    }

    void taskEnded(TaskAttempt task, TaskOutcome outcome) {
        runningTasks.remove(task.taskId());
        boolean killed = killedTasks.remove(task.taskId());
        if (freeSlots.containsKey(task.executorId())) {
            freeSlots.merge(task.executorId(), 1, Integer::sum);
        }
        TaskSetManager set = setOf(task);
        set.ended();
        long now = loop.nowMillis();
        if (outcome instanceof TaskOutcome.ExecutorLost lost) {
            bus.post(new ListenerEvent.TaskEnd(task.info(), now, "LOST", "Executor " + lost.executorId() + " lost: "
                    + lost.reason(), TaskMetrics.EMPTY));
            executorLost(task.executorId());
            set.resubmit(task);
        } else if (outcome instanceof TaskOutcome.Crashed crashed) {
            String error = "Executor " + crashed.executorId() + " crashed running " + task.describe() + ": " + crashed.error();
            bus.post(new ListenerEvent.TaskEnd(task.info(), now, "FAILED", error, TaskMetrics.EMPTY));
            // why the text: a crash reaches the driver as the stack trace's text only, whose first line is the error's class
            taskFailed(set, task, crashed.error().startsWith(OutOfMemoryError.class.getName())
                    ? new TaskOutOfMemoryException(task.describe() + " ran out of memory outside of its code on executor "
                            + crashed.executorId() + " (" + crashed.error().lines().findFirst().orElse("") + "). "
                            + OutOfMemoryReport.advice(-1))
                    : new IllegalStateException(error));
        } else {
            finished(set, task, ((TaskOutcome.Finished) outcome).result(), killed, now);
        }
        removeFinishedSets();
        launchTasks();
    }

    /** Decodes a finished task's report (as Spark's TaskResultGetter) and acts on its result. */
    private void finished(TaskSetManager set, TaskAttempt task, byte[] reportBytes, boolean killed, long now) {
        TaskResult result;
        TaskMetrics metrics = TaskMetrics.EMPTY;
        Map<Long, Object> accumulatorUpdates = Map.of();
        try {
            TaskReport report = codec.deserialize(reportBytes, userClassLoader);
            metrics = report.metrics();
            blockMaster.update(report.blockUpdates());
            accumulatorUpdates = report.accumulatorUpdates();
            result = codec.deserialize(report.result(), userClassLoader);
        } catch (RuntimeException ex) {
            result = new TaskResult.Failed(ex);
        }
        bus.post(new ListenerEvent.TaskEnd(task.info(), now, killed ? "KILLED" : statusOf(result), errorOf(result),
                metrics));
        if (result instanceof TaskResult.Value || result instanceof TaskResult.MapOutput) {
            set.succeeded(task.partition());
            listener.taskSucceeded(task, result, accumulatorUpdates);
        } else if (result instanceof TaskResult.FetchFailed fetch) {
            set.makeZombie();
            listener.fetchFailed(task, fetch);
        } else {
            taskFailed(set, task, ((TaskResult.Failed) result).error());
        }
    }

    private void taskFailed(TaskSetManager set, TaskAttempt task, Throwable error) {
        if (!set.isLive(task)) {
            return;
        }
        Stage stage = task.stage();
        MemoryUnavailableException unavailable = memoryUnavailableIn(error);
        if (unavailable != null && settings.executorsShareDriverHeap()) {
            // why not retried: the region is this JVM's, shared by every executor; a retry would be refused the same way
            abort(set, "In " + stage + ": " + task.describe() + " failed: " + unavailable.getMessage()
                    + ". Not retried: the executors share this JVM's memory.", unavailable);
            return;
        }
        boolean outOfMemory = error instanceof TaskOutOfMemoryException;
        if (outOfMemory && settings.executorsShareDriverHeap()) {
            abort(set, "In " + stage + ": " + error.getMessage() + " Not retried: the executors share this "
                    + "JVM's heap.", error);
            return;
        }
        int failures = set.failed(task);
        if (failures >= settings.maxTaskFailures()) {
            abort(set, "Task " + task.partition() + " in stage " + stage.id + "." + task.stageAttempt()
                    + " failed " + failures + " times; most recent failure: Lost " + task.describe() + ": "
                    + error, error);
        }
        if (outOfMemory) {
            giveUpExecutor(task.executorId(), "in " + stage + ": " + error.getMessage());
        }
    }

    private void abort(TaskSetManager set, String message, Throwable cause) {
        set.makeZombie();
        listener.taskSetFailed(set.stage(), message, cause);
    }

    /** The refusal of execution memory in {@code error}'s causes (user code may wrap it), or null. */
    private static MemoryUnavailableException memoryUnavailableIn(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MemoryUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /**
     * An executor that ran out of memory may be left broken (threads that died half-way, caches
     * in odd states): it gets no more tasks, its outputs are recomputed elsewhere, and it is
     * stopped (off the loop, since stopping waits for the runtime).
     */
    private void giveUpExecutor(String executorId, String reason) {
        LOG.warn("Executor {} ran out of memory; it gets no more tasks and is stopped: {}", executorId, reason);
        executorLost(executorId);
        loop.runInBackground(() -> {
            try {
                runtime.killExecutor(executorId);
            } catch (RuntimeException e) {
                LOG.warn("Could not stop executor {} after it ran out of memory", executorId, e);
            }
        });
    }

    // ---- launching --------------------------------------------------------------------------------

    /** Offers every free slot to the task sets, one task per executor per round, until none is taken. */
    void launchTasks() {
        if (taskSets.isEmpty()) {
            return;
        }
        long now = loop.nowMillis();
        Set<String> alive = freeSlots.keySet();
        boolean launched = true;
        while (launched) {
            launched = false;
            for (Map.Entry<String, Integer> slots : freeSlots.entrySet()) {
                if (slots.getValue() > 0 && launchOne(slots.getKey(), now, alive)) {
                    launched = true;
                }
            }
        }
        scheduleRevive(now, alive);
    }

    private boolean launchOne(String executor, long now, Set<String> alive) {
        for (TaskSetManager set : taskSets) {
            TaskAttempt task = set.launch(executor, nextTaskId, now, alive);
            if (task != null) {
                nextTaskId++;
                start(task);
                return true;
            }
        }
        return false;
    }

    private void start(TaskAttempt task) {
        bus.post(new ListenerEvent.TaskStart(task.info()));
        freeSlots.merge(task.executorId(), -1, Integer::sum);
        runningTasks.put(task.taskId(), task);
        byte[] bytes = codec.serialize(new TaskDescription(task.taskId(), task.stage().id, task.stageAttempt(),
                task.partition(), task.attemptNumber(), task.stageBinary(), task.partitionBytes(), task.mapStatuses()));
        runtime.launch(task.executorId(), task.taskId(), bytes).whenComplete((outcome, error) ->
                loop.post(new SchedulerEvent.TaskEnded(task, outcome != null ? outcome
                        : new TaskOutcome.Crashed(task.executorId(), String.valueOf(error)))));
    }

    /** While a slot is free and a set holds back a task for locality, offer again when its wait ends. */
    private void scheduleRevive(long now, Set<String> alive) {
        if (freeSlots.values().stream().noneMatch(free -> free > 0)) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (TaskSetManager set : taskSets) {
            long deadline = set.localityDeadline(alive);
            if (deadline > now) {
                earliest = Math.min(earliest, deadline);
            }
        }
        if (earliest != Long.MAX_VALUE && (reviveAt < 0 || earliest < reviveAt)) {
            reviveAt = earliest;
            loop.postAfter(earliest - now, new SchedulerEvent.ReviveOffers());
        }
    }

    private void scheduleKilledTaskCheck(long taskId, long killedAtMillis) {
        loop.postAfter(settings.taskKillGracePeriod().toMillis(), new SchedulerEvent.KilledTaskCheck(taskId, killedAtMillis));
    }

    private TaskSetManager setOf(TaskAttempt task) {
        for (TaskSetManager set : taskSets) {
            if (set.stage() == task.stage() && set.taskSet.stageAttempt() == task.stageAttempt()) {
                return set;
            }
        }
        throw new IllegalStateException("No task set for " + task.describe() + ": a set is kept while its tasks run");
    }

    private void removeFinishedSets() {
        taskSets.removeIf(TaskSetManager::isFinished);
    }

    private static String statusOf(TaskResult result) {
        if (result instanceof TaskResult.Failed) {
            return "FAILED";
        }
        return result instanceof TaskResult.FetchFailed ? "FETCH_FAILED" : "SUCCESS";
    }

    private static String errorOf(TaskResult result) {
        if (result instanceof TaskResult.Failed failed) {
            return String.valueOf(failed.error());
        }
        return result instanceof TaskResult.FetchFailed fetch ? fetch.message() : null;
    }
}
