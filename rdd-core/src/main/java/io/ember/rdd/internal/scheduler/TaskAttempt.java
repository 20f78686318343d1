package io.ember.rdd.internal.scheduler;

import io.ember.rdd.ListenerEvent;
import io.vavr.collection.List;

/**
 * One attempt to run one partition of one stage attempt, as the scheduler tracks it.
 *
 * @param preferred executors to prefer (where the partition's data is)
 * @param executorId where it was launched; null while queued
 * @param launchTime epoch millis of the launch; 0 while queued
 */
record TaskAttempt(long taskId, Stage stage, int stageAttempt, int partition, int attemptNumber,
                   byte[] stageBinary, byte[] partitionBytes, byte[] mapStatuses, List<String> preferred,
                   String executorId, long launchTime) {

    TaskAttempt launchedOn(String executor, long time) {
        return new TaskAttempt(taskId, stage, stageAttempt, partition, attemptNumber, stageBinary, partitionBytes,
                mapStatuses, preferred, executor, time);
    }

    ListenerEvent.TaskInfo info() {
        return new ListenerEvent.TaskInfo(taskId, stage.id, stageAttempt, partition, attemptNumber, executorId, launchTime);
    }

    TaskAttempt retry(long newTaskId) {
        return new TaskAttempt(newTaskId, stage, stageAttempt, partition, attemptNumber + 1, stageBinary,
                partitionBytes, mapStatuses, preferred, null, 0);
    }

    String describe() {
        return "task " + partition + "." + attemptNumber + " in stage " + stage.id + "." + stageAttempt
                + " (TID " + taskId + (executorId == null ? "" : ", executor " + executorId) + ")";
    }
}
