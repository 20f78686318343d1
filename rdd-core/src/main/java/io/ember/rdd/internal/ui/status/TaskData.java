package io.ember.rdd.internal.ui.status;

import io.ember.rdd.TaskMetrics;

/**
 * One task attempt as the UI shows it.
 *
 * @param index the partition it computes
 * @param finishTime -1 while running
 * @param status RUNNING, SUCCESS, FAILED, FETCH_FAILED or LOST
 * @param error why it failed, or null
 * @param metrics what it did ({@link TaskMetrics#EMPTY} while running)
 */
public record TaskData(long taskId, int index, int attempt, int stageId, int stageAttemptId, String executorId,
                       long launchTime, long finishTime, String status, String error, TaskMetrics metrics) {

    /** Milliseconds from launch to finish, or to {@code now} while running. */
    public long duration(long now) {
        return (finishTime >= 0 ? finishTime : now) - launchTime;
    }
}
