package io.ember.dataframe.internal.physical;

/**
 * The planner's estimates of the bytes of a shuffled join's keys on each side (rows times key
 * width; the side's whole size without a row estimate), kept with the join for the rules that run
 * on the physical plan ({@link InjectRuntimeFilters}); -1 where unknown.
 */
public record JoinKeySizes(long left, long right) {
    /** A join planned without estimates (one that a broadcast fell back to while running). */
    public static final JoinKeySizes UNKNOWN = new JoinKeySizes(-1, -1);

}
