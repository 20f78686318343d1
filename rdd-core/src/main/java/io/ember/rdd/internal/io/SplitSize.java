package io.ember.rdd.internal.io;

/**
 * How large the splits of a file input are. Like Hadoop's: the total divided by the minimum
 * number of partitions, but at most one block ({@code maxSplit}). Unlike Hadoop's, when the
 * block limit made more splits than the minimum, their number is rounded up to a multiple of the
 * task slots and the splits are made equal, so that every wave of tasks keeps every core busy:
 * 85 MB in 32 MB blocks on 2 cores would be 32 + 32 + 21 MB, two waves of which the second keeps
 * one core idle (the job takes as long as 53 MB on one core); four splits of 21 MB take as long
 * as 43 MB.
 */
final class SplitSize {
    /** Splits made equal are not made smaller than this (Spark's {@code openCostInBytes}). */
    static final long MIN_EVEN_SPLIT = 4L * 1024 * 1024;

    private SplitSize() {
    }

    /**
     * The split size for {@code total} bytes in at least {@code minPartitions} splits of at most
     * {@code maxSplit} bytes, run by {@code slots} concurrent tasks.
     */
    static long of(long total, int minPartitions, long maxSplit, int slots) {
        long goal = Math.max(1, ceilDiv(total, minPartitions));
        long size = Math.max(1, Math.min(goal, maxSplit));
        long count = ceilDiv(total, size);
        if (slots > 1 && count > minPartitions && count % slots != 0) {
            long even = ceilDiv(count, slots) * slots;
            // why: many slots (a cluster) would otherwise cut a file into splits whose opening costs more than reading them
            size = Math.max(Math.min(size, MIN_EVEN_SPLIT), ceilDiv(total, even));
        }
        return size;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
