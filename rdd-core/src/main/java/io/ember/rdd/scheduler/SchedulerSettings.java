package io.ember.rdd.scheduler;

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
 */
public record SchedulerSettings(int maxTaskFailures, Duration executorWaitTime, String executorWaitSetting,
                                Duration taskKillGracePeriod, boolean executorsShareDriverHeap) {
}
