package io.ember.actors.internal;

import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.TaskOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/*
 * Design notes
 * ------------
 * The driver's table of launched tasks whose outcome has not come back yet (taskId -> executor
 * and future), one mechanism for both transports: DriverEndpoint (local mode) and ClusterDriver
 * (cluster mode) each own one for tasks (O = TaskOutcome) and one for control commands
 * (O = CommandOutcome), on their actor's thread only (not thread-safe).
 *
 * The rules, the same in both modes: a launch on an unknown or lost executor, or under a task id
 * already pending, is settled at once (as ExecutorLost, or Crashed for the duplicate); an outcome
 * is accepted only from the executor its task was launched on and only while that task is
 * pending, so late results from a lost executor, or for a task already settled, are ignored; an
 * executor's loss settles its pending tasks as ExecutorLost. `onSettled` runs before each future
 * is completed (the cluster driver frees the task's payload there). Futures are completed on the
 * owner's thread, so callbacks attached without an executor run there: they must be quick.
 */
final class PendingTasks<O> {
    private record Pending<O>(String executorId, CompletableFuture<O> outcome) {}

    private final Map<Long, Pending<O>> pending = new HashMap<>();
    private final LongConsumer onSettled;
    private final BiFunction<String, String, O> lost;
    private final BiFunction<String, String, O> refused;

    /**
     * {@code onSettled} is told the id of each task as it leaves the table; {@code lost} and
     * {@code refused} make the outcome (from an executor id and a reason) of a task whose
     * executor is lost, and of a launch under an id already pending.
     */
    PendingTasks(LongConsumer onSettled, BiFunction<String, String, O> lost, BiFunction<String, String, O> refused) {
        this.onSettled = onSettled;
        this.lost = lost;
        this.refused = refused;
    }

    /** A table of tasks. */
    static PendingTasks<TaskOutcome> forTasks(LongConsumer onSettled) {
        return new PendingTasks<>(onSettled, TaskOutcome.ExecutorLost::new, TaskOutcome.Crashed::new);
    }

    /** A table of control commands. */
    static PendingTasks<CommandOutcome> forCommands(LongConsumer onSettled) {
        return new PendingTasks<>(onSettled, CommandOutcome.ExecutorLost::new, CommandOutcome.Failed::new);
    }

    /**
     * Takes a launch of task {@code taskId} on {@code executorId}: true if the task is now pending
     * and must be sent to the executor; false if {@code outcome} was completed at once because
     * the executor is unknown ({@code states} has no entry), not {@code alive}, or the task id is
     * already pending.
     */
    boolean admit(long taskId, String executorId, Map<String, ExecutorInfo> states, boolean alive,
                  CompletableFuture<O> outcome) {
        if (!states.containsKey(executorId)) {
            outcome.complete(lost.apply(executorId, "unknown executor " + executorId + " (known: " + states.keySet() + ")"));
        } else if (!alive) {
            outcome.complete(lost.apply(executorId, "executor " + executorId + " was lost"));
        } else if (pending.containsKey(taskId)) {
            outcome.complete(refused.apply(executorId, "task " + taskId
                    + " is already running on executor " + pending.get(taskId).executorId()));
        } else {
            pending.put(taskId, new Pending<>(executorId, outcome));
            return true;
        }
        return false;
    }

    /** Whether task {@code taskId} is pending on {@code executorId}. */
    boolean isPendingOn(long taskId, String executorId) {
        Pending<O> task = pending.get(taskId);
        return task != null && task.executorId().equals(executorId);
    }

    /** Completes task {@code taskId} with {@code outcome} if it is pending on {@code executorId}. */
    void settle(long taskId, String executorId, O outcome) {
        if (isPendingOn(taskId, executorId)) {
            Pending<O> task = pending.remove(taskId);
            onSettled.accept(taskId);
            task.outcome().complete(outcome);
        }
    }

    /** Settles as lost, with {@code reason}, every pending task whose executor {@code isLost} selects. */
    void loseWhere(Predicate<String> isLost, String reason) {
        List<Map.Entry<Long, Pending<O>>> settled = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Pending<O>>> tasks = pending.entrySet().iterator(); tasks.hasNext(); ) {
            Map.Entry<Long, Pending<O>> task = tasks.next();
            if (isLost.test(task.getValue().executorId())) {
                tasks.remove();
                settled.add(task);
            }
        }
        for (Map.Entry<Long, Pending<O>> task : settled) {
            onSettled.accept(task.getKey());
            task.getValue().outcome().complete(lost.apply(task.getValue().executorId(), reason));
        }
    }
}
