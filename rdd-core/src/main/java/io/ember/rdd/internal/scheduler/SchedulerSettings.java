package io.ember.rdd.internal.scheduler;

import java.time.Duration;

/**
 * The settings the scheduler runs by.
 *
 * @param maxTaskFailures how many times one task may fail before its job fails
 * @param executorWaitTime how long a job submitted while no executor is alive waits for one
 *     (zero where executors are never replaced, as in local mode)
 * @param executorWaitSetting the setting that sets {@code executorWaitTime}, named in errors
 * @param taskKillGracePeriod how long a cancelled task may run on after its interruption before
 *     a warning names it
 * @param executorsShareDriverHeap whether the executors run in the driver's JVM (local mode): a
 *     task that ran out of memory is then not retried, since every executor shares that heap
 * @param localityWait how long a task waits for a slot on an executor that holds its partition
 *     before it runs elsewhere ({@code ember.locality.wait})
 * @param excludeOnFailure whether a failed task is retried on another executor, and an executor
 *     where a stage's tasks keep failing gets no more of that stage's tasks
 * @param maxFailedTasksPerExecutor how many failed tasks of one stage exclude an executor from it
 */
public record SchedulerSettings(int maxTaskFailures, Duration executorWaitTime, String executorWaitSetting,
                                Duration taskKillGracePeriod, boolean executorsShareDriverHeap,
                                Duration localityWait, boolean excludeOnFailure, int maxFailedTasksPerExecutor) {
}
