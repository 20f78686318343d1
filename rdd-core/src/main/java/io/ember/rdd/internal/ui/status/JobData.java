package io.ember.rdd.internal.ui.status;

import java.util.List;

/**
 * A job as the UI shows it: status, timing, its stages and task counts (Spark's {@code JobData}).
 *
 * @param name the action's call site, e.g. {@code collect at Tour.java:12}
 * @param completionTime -1 while running
 * @param error why it failed, or null
 */
public record JobData(int jobId, String name, long submissionTime, long completionTime, JobStatus status,
                      List<Integer> stageIds, String error, int numTasks, int numActiveTasks,
                      int numCompletedTasks, int numSkippedTasks, int numFailedTasks, int numActiveStages,
                      int numCompletedStages, int numSkippedStages, int numFailedStages) {

    /** Whether a job is running or how it ended. */
    public enum JobStatus {
        /** Submitted and not ended. */
        RUNNING,
        /** Every result computed. */
        SUCCEEDED,
        /** Aborted: a stage failed, or the context stopped. */
        FAILED
    }

    /** Milliseconds from submission to completion, or to {@code now} while running. */
    public long duration(long now) {
        return (completionTime >= 0 ? completionTime : now) - submissionTime;
    }
}
