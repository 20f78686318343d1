package io.ember.rdd;

import io.vavr.collection.List;

/**
 * Child partitions {@code outStart .. outStart+length-1} read parent partitions
 * {@code inStart ..} one to one (how a union lays out its parents).
 *
 * @param <T> the parent's element type
 */
public final class RangeDependency<T> extends NarrowDependency<T> {
    private static final long serialVersionUID = 1L;

    private final int inStart;
    private final int outStart;
    private final int length;

    /** Creates a range dependency on {@code rdd}. */
    public RangeDependency(RDD<T> rdd, int inStart, int outStart, int length) {
        super(rdd);
        this.inStart = inStart;
        this.outStart = outStart;
        this.length = length;
    }

    @Override
    public List<Integer> parents(int partitionId) {
        return partitionId >= outStart && partitionId < outStart + length
                ? List.of(partitionId - outStart + inStart)
                : List.empty();
    }
}
