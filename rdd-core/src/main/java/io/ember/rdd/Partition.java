package io.ember.rdd;

import java.io.Serializable;

/**
 * One slice of an RDD's data. A partition object travels with its task to the executor, so it
 * carries what computing it needs (a slice of a parallelized collection, a file range, or the
 * parent partitions it is made of), and nothing else.
 */
public interface Partition extends Serializable {

    /** The partition's position in its RDD, from 0 to {@code getNumPartitions() - 1}. */
    int index();
}
