package io.ember.rdd;

/**
 * Spreads keys by {@code hashCode()} modulo the number of partitions; the null key goes to
 * partition 0 (as in Spark).
 *
 * <pre>{@code pairs.partitionBy(new HashPartitioner(8))}</pre>
 */
public final class HashPartitioner implements Partitioner {
    private static final long serialVersionUID = 1L;

    private final int partitions;

    /**
     * Creates a partitioner over {@code partitions} partitions (0 only for the shuffle of an RDD
     * without partitions, which has no keys to place).
     */
    public HashPartitioner(int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("HashPartitioner needs a non-negative number of partitions, got " + partitions);
        }
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return key == null || partitions == 0 ? 0 : Math.floorMod(key.hashCode(), partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashPartitioner h && h.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }

    @Override
    public String toString() {
        return "HashPartitioner(" + partitions + ")";
    }
}
