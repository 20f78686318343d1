package io.ember.rdd.scheduler;

import io.ember.actors.TaskOutcome;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/** What the scheduler's event loop reacts to; every change of scheduling state starts as one of these. */
sealed interface SchedulerEvent {

    /** An action asked for a job. */
    record JobSubmitted(RDD<?> rdd, Function2<TaskContext, Iterator<Object>, ?> func, int[] partitions,
                        String callSite, CompletableFuture<Object[]> completion) implements SchedulerEvent {
    }

    /** A launched task ended (including by loss of its executor). */
    record TaskEnded(TaskAttempt task, TaskOutcome outcome) implements SchedulerEvent {
    }

    /** An executor joined: its slots can take tasks. */
    record ExecutorAdded(String executorId, String address, int cores) implements SchedulerEvent {
    }

    /** An executor was lost: its map outputs are gone. */
    record ExecutorLost(String executorId) implements SchedulerEvent {
    }

    /** A shuffle was removed: its map outputs can be forgotten. */
    record ShuffleRemoved(int shuffleId) implements SchedulerEvent {
    }

    /** Time to resubmit the stages that failed on fetch failures. */
    record ResubmitFailedStages() implements SchedulerEvent {
    }

    /** A read-only look at the bookkeeping, for tests. */
    record Inspect(CompletableFuture<java.util.Map<String, Integer>> answer) implements SchedulerEvent {
    }

    /** The context is closing: fail what is left and end the loop. */
    record Shutdown() implements SchedulerEvent {
    }
}
