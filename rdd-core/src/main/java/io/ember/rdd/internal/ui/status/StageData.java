package io.ember.rdd.internal.ui.status;

import java.util.List;

/**
 * One attempt of a stage as the UI shows it, with its tasks' metrics summed (Spark's
 * {@code StageData}).
 *
 * @param name where the stage's RDD was created, e.g. {@code reduceByKey at WordCount.java:20}
 * @param submissionTime -1 until it runs
 * @param completionTime -1 until it ends
 * @param failureReason why the attempt failed, or null
 * @param details the stage RDD's lineage ({@code toDebugString()})
 * @param executorRunTime summed run time of its tasks, in milliseconds
 * @param memoryBytesSpilled in-memory bytes its tasks spilled (Spark's "Spill (Memory)")
 * @param diskBytesSpilled bytes its tasks wrote to spill files (Spark's "Spill (Disk)")
 * @param peakExecutionMemory summed peak execution memory of its tasks, as Spark's stage data
 */
public record StageData(int stageId, int attemptId, String name, StageStatus status, int numTasks,
                        int numActiveTasks, int numCompleteTasks, int numFailedTasks, long submissionTime,
                        long completionTime, String failureReason, List<Integer> parentIds, List<Integer> jobIds,
                        int rddId, String details, long executorRunTime, long inputRecords, long inputBytes,
                        long outputRecords, long outputBytes, long shuffleReadRecords, long shuffleReadBytes,
                        long shuffleWriteRecords, long shuffleWriteBytes, long memoryBytesSpilled,
                        long diskBytesSpilled, long peakExecutionMemory) {

    /** Where a stage attempt is in its life. */
    public enum StageStatus {
        /** Part of a running job, waiting for its parents. */
        PENDING,
        /** Running tasks. */
        ACTIVE,
        /** Every output exists. */
        COMPLETE,
        /** Aborted, or lost outputs it read (a fetch failure) and will be retried as a new attempt. */
        FAILED,
        /** Not run by the jobs that needed it: its outputs existed already (or the job failed first). */
        SKIPPED
    }

    /** Milliseconds it ran, 0 if it never started. */
    public long duration(long now) {
        if (submissionTime < 0) {
            return 0;
        }
        return (completionTime >= 0 ? completionTime : now) - submissionTime;
    }
}
