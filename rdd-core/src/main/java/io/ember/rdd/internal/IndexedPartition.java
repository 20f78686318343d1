package io.ember.rdd.internal;

import io.ember.rdd.Partition;

/** A partition that is nothing but its index (shuffle outputs, empty RDDs). */
public record IndexedPartition(int index) implements Partition {
}
