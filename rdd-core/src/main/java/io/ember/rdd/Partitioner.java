package io.ember.rdd;

import java.io.Serializable;

/**
 * Decides which partition a key of a pair RDD goes to. Two RDDs with equal partitioners have
 * their keys laid out the same way, so joining them needs no shuffle.
 */
public interface Partitioner extends Serializable {

    /** How many partitions keys are spread over. */
    int numPartitions();

    /** The partition of {@code key}, in {@code [0, numPartitions())}; {@code key} may be null. */
    int getPartition(Object key);
}
