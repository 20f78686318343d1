package io.ember.rdd.internal.scheduler;

/**
 * What is sent to an executor to run one task attempt. The stage's binary (RDD chain plus
 * function) and the map-output snapshot are serialized once per stage attempt and shared by all
 * its tasks; the partition is serialized per task because it may carry data (a slice).
 */
record TaskDescription(long taskId, int stageId, int stageAttempt, int partitionIndex, int attemptNumber,
                       byte[] stageBinary, byte[] partition, byte[] mapStatuses) {
}
