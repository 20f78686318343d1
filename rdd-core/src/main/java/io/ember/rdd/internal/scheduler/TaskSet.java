package io.ember.rdd.internal.scheduler;

import java.util.List;

/**
 * The tasks of one stage attempt, as the DAG scheduler hands them to the {@link TaskScheduler}:
 * the stage's code and the map-output snapshot are serialized once and shared by every task.
 *
 * @param tasks one entry per partition to compute, in the order they should start
 */
record TaskSet(Stage stage, int stageAttempt, byte[] stageBinary, byte[] mapStatuses, List<Task> tasks) {

    /**
     * One partition to compute.
     *
     * @param partitionBytes the serialized partition (it may carry data, as a slice does)
     * @param preferred the executors where its data is (cached blocks, or the RDD's own preference)
     */
    record Task(int partition, byte[] partitionBytes, io.vavr.collection.List<String> preferred) {
    }
}
