package io.ember.rdd.internal.ui.status;

/**
 * An executor as the UI shows it (Spark's {@code ExecutorSummary}).
 *
 * @param hostPort where it runs: actor system address and path
 * @param isActive false once it was lost or removed
 * @param totalDuration summed task time, in milliseconds
 * @param memoryUsed bytes of cached blocks it holds in memory
 * @param diskUsed bytes of cached blocks it holds on disk
 * @param removeTime -1 while active
 */
public record ExecutorData(String id, String hostPort, boolean isActive, int totalCores, int activeTasks,
                           int failedTasks, int completedTasks, long totalDuration, long totalInputBytes,
                           long totalShuffleRead, long totalShuffleWrite, long memoryUsed, long diskUsed,
                           long addTime, long removeTime, String removeReason) {

    /** {@code Active} or {@code Dead}, as Spark's executors page says. */
    public String state() {
        return isActive ? "Active" : "Dead";
    }

    /** Tasks that ended, successfully or not, plus those running. */
    public int totalTasks() {
        return activeTasks + failedTasks + completedTasks;
    }
}
