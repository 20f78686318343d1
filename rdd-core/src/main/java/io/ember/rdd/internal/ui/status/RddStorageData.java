package io.ember.rdd.internal.ui.status;

import java.util.List;

/**
 * A persisted RDD as the Storage page shows it (Spark's {@code RDDStorageInfo}).
 *
 * @param storageLevel e.g. {@code Memory Deserialized 1x Replicated}
 * @param executors where its cached partitions are
 */
public record RddStorageData(int id, String name, String storageLevel, int numPartitions, int numCachedPartitions,
                             long memoryUsed, long diskUsed, List<ExecutorShare> executors) {

    /**
     * The cached partitions one executor holds, with the RDD's bytes attributed to it in
     * proportion to them (the storage report counts bytes per RDD and partitions per executor).
     */
    public record ExecutorShare(String executorId, int partitions, long memoryUsed, long diskUsed) {
    }
}
