package io.ember.dataframe.internal.optimizer;

/**
 * How inner joins are ordered. {@code costBased} ({@code spark.sql.cbo.enabled} and
 * {@code spark.sql.cbo.joinReorder.enabled}) picks the order with the fewest estimated
 * intermediate rows, by dynamic programming for groups of up to {@code dpThreshold} relations
 * ({@code spark.sql.cbo.joinReorder.dp.threshold}) and greedily beyond; otherwise the order
 * written is kept except where it would make a cartesian product that an equality avoids.
 * {@code broadcastThreshold} ({@code ember.sql.autoBroadcastJoinThreshold}, -1 for none) tells
 * the cost which relations the planner will broadcast rather than shuffle.
 */
public record JoinReorderSettings(boolean costBased, int dpThreshold, long broadcastThreshold) {

    /** Spark's default DP threshold. */
    public static final int DEFAULT_DP_THRESHOLD = 12;

    /** The most relations the dynamic programming takes (its table has 2^n entries). */
    public static final int MAX_DP_THRESHOLD = 16;

    /** Spark's default broadcast threshold, 10 MB. */
    public static final long DEFAULT_BROADCAST_THRESHOLD = 10L << 20;

    /** Cost-based ordering with Spark's default thresholds. */
    public static final JoinReorderSettings DEFAULT = new JoinReorderSettings(true, DEFAULT_DP_THRESHOLD);

    /** Ordering as {@code costBased} says, with the default broadcast threshold. */
    public JoinReorderSettings(boolean costBased, int dpThreshold) {
        this(costBased, dpThreshold, DEFAULT_BROADCAST_THRESHOLD);
    }

    public JoinReorderSettings {
        if (dpThreshold < 1 || dpThreshold > MAX_DP_THRESHOLD) {
            throw new IllegalArgumentException("The join reorder DP threshold must be between 1 and "
                    + MAX_DP_THRESHOLD + ", got " + dpThreshold);
        }
    }
}
