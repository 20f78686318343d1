package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/** What the scheduler's event loop reacts to; every change of scheduling state starts as one of these. */
sealed interface SchedulerEvent {

    /** An action asked for a job; {@code group} is null for a job outside any group. */
    record JobSubmitted(RDD<?> rdd, Function2<TaskContext, Iterator<Object>, ?> func, int[] partitions,
                        String callSite, JobGroup group, CompletableFuture<Object[]> completion,
                        CompletableFuture<Integer> jobId)
            implements SchedulerEvent {
    }

    /** Cancel one job. */
    record CancelJob(int jobId) implements SchedulerEvent {
    }

    /** Cancel the active jobs of a group. */
    record CancelJobGroup(String groupId) implements SchedulerEvent {
    }

    /** Cancel every active job. */
    record CancelAllJobs() implements SchedulerEvent {
    }

    /** A job that found no live executor has waited long enough for one. */
    record ExecutorWaitEnded(int jobId) implements SchedulerEvent {
    }

    /** A task interrupted by a cancellation should have ended by now. */
    record KilledTaskCheck(long taskId, long killedAtMillis) implements SchedulerEvent {
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

    /** A task set's locality wait may be over: offer the free slots again. */
    record ReviveOffers() implements SchedulerEvent {
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
