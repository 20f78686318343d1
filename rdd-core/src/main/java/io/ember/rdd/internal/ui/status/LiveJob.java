package io.ember.rdd.internal.ui.status;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A job's mutable state inside {@link AppStatusStore}; guarded by the store's lock. */
final class LiveJob {
    final int jobId;
    final String name;
    final long submissionTime;
    final List<Integer> stageIds;
    final int numTasks;
    final Set<Integer> submittedStages = new HashSet<>();
    long completionTime = -1;
    JobData.JobStatus status = JobData.JobStatus.RUNNING;
    String error;
    int activeTasks;
    int completedTasks;
    int failedTasks;
    int skippedTasks;
    int activeStages;
    int completedStages;
    int failedStages;
    int skippedStages;

    LiveJob(int jobId, String name, long submissionTime, List<Integer> stageIds, int numTasks) {
        this.jobId = jobId;
        this.name = name;
        this.submissionTime = submissionTime;
        this.stageIds = stageIds;
        this.numTasks = numTasks;
    }

    JobData toData() {
        return new JobData(jobId, name, submissionTime, completionTime, status, stageIds, error, numTasks,
                activeTasks, completedTasks, skippedTasks, failedTasks, activeStages, completedStages, skippedStages,
                failedStages);
    }
}
