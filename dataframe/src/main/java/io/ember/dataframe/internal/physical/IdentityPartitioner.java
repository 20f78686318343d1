package io.ember.dataframe.internal.physical;

import io.ember.rdd.Partitioner;

/** Sends a record keyed by partition number {@code p} to partition {@code p}: exchanges compute the number. */
final class IdentityPartitioner implements Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    IdentityPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions * 7919;
    }
}
