package io.ember.rdd.internal.scheduler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks of one stage attempt inside the {@link TaskScheduler}: which partitions wait for a
 * slot, which run, which succeeded, how often each failed, which executors are excluded, and
 * whether the set still waits for locality. Owned by the scheduler's event loop.
 *
 * <p>Design notes. Delay scheduling as in Spark's TaskSetManager, with two levels: a task whose
 * preferred executors include a live one first only runs there; once the set has launched no
 * such local task for the locality wait, any executor may take it. A task whose preferred
 * executors are all gone never waits. Exclusion: a partition is not retried on an executor where
 * it failed, and an executor with {@code maxFailedTasksPerExecutor} failures of this set gets no
 * more of its tasks, unless every live executor is excluded for the task (then the retry limit
 * alone decides). A zombie set (superseded, aborted, after a fetch failure, or of a stage no job
 * needs) launches nothing more and is dropped when its last running task ends.
 */
final class TaskSetManager {
    final TaskSet taskSet;
    private final SchedulerSettings settings;
    /** The tasks not launched yet, by partition, in the order they should start (retries last). */
    private final Map<Integer, TaskSet.Task> pending = new LinkedHashMap<>();
    private final Map<Integer, TaskSet.Task> byPartition = new HashMap<>();
    private final Map<Integer, Integer> attempts = new HashMap<>();
    private final Map<Integer, Integer> failures = new HashMap<>();
    private final Map<Integer, Set<String>> failedOn = new HashMap<>();
    private final Map<String, Integer> failuresByExecutor = new HashMap<>();
    private final BitSet successful = new BitSet();
    private int running;
    private boolean zombie;
    /** When the locality wait started: at creation, and again at each launch on a preferred executor. */
    private long localityWaitStart;

    TaskSetManager(TaskSet taskSet, SchedulerSettings settings, long now) {
        this.taskSet = taskSet;
        this.settings = settings;
        this.localityWaitStart = now;
        for (TaskSet.Task task : taskSet.tasks()) {
            pending.put(task.partition(), task);
            byPartition.put(task.partition(), task);
        }
    }

    Stage stage() {
        return taskSet.stage();
    }

    /**
     * The next task to launch on {@code executor} at time {@code now}, taken off the pending
     * ones, or null: first one that prefers the executor, then, if no task waits for locality
     * any more, any task the executor is not excluded from.
     */
    TaskAttempt launch(String executor, long taskId, long now, Set<String> alive) {
        if (zombie) {
            return null;
        }
        TaskSet.Task chosen = null;
        boolean local = false;
        for (TaskSet.Task task : pending.values()) {
            if (task.preferred().contains(executor) && !isExcluded(task.partition(), executor, alive)) {
                chosen = task;
                local = true;
                break;
            }
        }
        if (chosen == null) {
            boolean waitOver = now - localityWaitStart >= settings.localityWait().toMillis();
            for (TaskSet.Task task : pending.values()) {
                if ((waitOver || !waitsForLocality(task, alive)) && !isExcluded(task.partition(), executor, alive)) {
                    chosen = task;
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        if (local) {
            localityWaitStart = now;
        }
        pending.remove(chosen.partition());
        running++;
        int attempt = attempts.merge(chosen.partition(), 1, Integer::sum) - 1;
        return new TaskAttempt(taskId, stage(), taskSet.stageAttempt(), chosen.partition(), attempt,
                taskSet.stageBinary(), chosen.partitionBytes(), taskSet.mapStatuses(), chosen.preferred(), executor, now);
    }

    /**
     * When a task that waits for locality may run anywhere, or -1 if none waits: the scheduler
     * offers its free slots again then.
     */
    long localityDeadline(Set<String> alive) {
        if (zombie) {
            return -1;
        }
        for (TaskSet.Task task : pending.values()) {
            if (waitsForLocality(task, alive)) {
                return localityWaitStart + settings.localityWait().toMillis();
            }
        }
        return -1;
    }

    private static boolean waitsForLocality(TaskSet.Task task, Set<String> alive) {
        for (String executor : task.preferred()) {
            if (alive.contains(executor)) {
                return true;
            }
        }
        return false;
    }

    private boolean isExcluded(int partition, String executor, Set<String> alive) {
        if (!settings.excludeOnFailure() || !excludedFor(partition, executor)) {
            return false;
        }
        for (String other : alive) {
            if (!excludedFor(partition, other)) {
                return true;
            }
        }
        return false;
    }

    private boolean excludedFor(int partition, String executor) {
        return failedOn.getOrDefault(partition, Set.of()).contains(executor)
                || failuresByExecutor.getOrDefault(executor, 0) >= settings.maxFailedTasksPerExecutor();
    }

    /** Whether a failure of {@code task} still matters: the set is live and the partition not done. */
    boolean isLive(TaskAttempt task) {
        return !zombie && !successful.get(task.partition());
    }

    /** A launched task ended, however. */
    void ended() {
        running--;
    }

    /** {@code partition} succeeded: it is not run again by this set; a set with every partition done ends. */
    void succeeded(int partition) {
        successful.set(partition);
        pending.remove(partition);
        if (pending.isEmpty() && taskSet.tasks().stream().allMatch(t -> successful.get(t.partition()))) {
            zombie = true;
        }
    }

    /** Queues {@code task}'s partition again, without counting a failure (its executor was lost). */
    void resubmit(TaskAttempt task) {
        if (isLive(task)) {
            pending.put(task.partition(), byPartition.get(task.partition()));
        }
    }

    /**
     * Counts a failure of {@code task} on its executor and queues its partition again; returns
     * the partition's failures so far.
     */
    int failed(TaskAttempt task) {
        int count = failures.merge(task.partition(), 1, Integer::sum);
        failedOn.computeIfAbsent(task.partition(), p -> new HashSet<>()).add(task.executorId());
        failuresByExecutor.merge(task.executorId(), 1, Integer::sum);
        if (count < settings.maxTaskFailures()) {
            pending.put(task.partition(), byPartition.get(task.partition()));
        }
        return count;
    }

    /** Launches nothing more; running tasks finish (or are killed by the scheduler). */
    void makeZombie() {
        zombie = true;
        pending.clear();
    }

    boolean isZombie() {
        return zombie;
    }

    /** Whether the scheduler can forget this set: a zombie with nothing running. */
    boolean isFinished() {
        return zombie && running == 0;
    }

    int pendingCount() {
        return pending.size();
    }

    /** The executors this set no longer sends tasks to, sorted, for tests and logs. */
    List<String> excludedExecutors() {
        List<String> excluded = new ArrayList<>();
        failuresByExecutor.forEach((executor, count) -> {
            if (settings.excludeOnFailure() && count >= settings.maxFailedTasksPerExecutor()) {
                excluded.add(executor);
            }
        });
        excluded.sort(null);
        return excluded;
    }
}
