package io.ember.rdd.internal.ui.status;

import io.ember.rdd.TaskMetrics;

/** An executor's mutable state inside {@link AppStatusStore}; guarded by the store's lock. */
final class LiveExecutor {
    final String id;
    String hostPort;
    int cores;
    boolean active = true;
    int activeTasks;
    int failedTasks;
    int completedTasks;
    long totalDuration;
    long inputBytes;
    long shuffleRead;
    long shuffleWrite;
    long addTime;
    long removeTime = -1;
    String removeReason;

    LiveExecutor(String id) {
        this.id = id;
    }

    void taskEnded(String status, long duration, TaskMetrics metrics) {
        activeTasks = Math.max(0, activeTasks - 1);
        if (status.equals("SUCCESS")) {
            completedTasks++;
        } else {
            failedTasks++;
        }
        totalDuration += duration;
        inputBytes += metrics.bytesRead();
        shuffleRead += metrics.shuffleReadBytes();
        shuffleWrite += metrics.shuffleWriteBytes();
    }

    ExecutorData toData(long memoryUsed, long diskUsed) {
        return new ExecutorData(id, hostPort, active, cores, activeTasks, failedTasks, completedTasks, totalDuration,
                inputBytes, shuffleRead, shuffleWrite, memoryUsed, diskUsed, addTime, removeTime, removeReason);
    }
}
