package io.ember.rdd;

import io.vavr.collection.Map;

/**
 * One persisted RDD in the storage report ({@link EmberContext#getRDDStorageInfo()}): what the
 * driver knows of its cached partitions on the executors. A snapshot; the executors' real state
 * may have moved on (evictions are reported with the next task an executor runs).
 *
 * @param id the RDD's id
 * @param name its name ({@link RDD#setName}), or its class and call site when unnamed
 * @param storageLevel the level it was persisted at
 * @param numPartitions its number of partitions
 * @param cachedPartitions how many partitions are held by some executor
 * @param memoryBytes bytes held in memory, over every executor (estimates for deserialized blocks)
 * @param diskBytes bytes held on local disk, over every executor
 * @param executors the partitions each executor holds, by executor id
 */
public record RDDStorageInfo(int id, String name, StorageLevel storageLevel, int numPartitions,
                             int cachedPartitions, long memoryBytes, long diskBytes,
                             Map<String, Integer> executors) {
}
