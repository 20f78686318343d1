package io.ember.dataframe.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of Parquet reading in this JVM, to check pruning and skipping: row groups read and
 * skipped by statistics, and the column-chunk bytes read. Executors of {@code local[N]} run in the
 * driver's JVM, so tests see their counts.
 */
public final class ParquetMetrics {
    private static final AtomicLong ROW_GROUPS_READ = new AtomicLong();
    private static final AtomicLong ROW_GROUPS_SKIPPED = new AtomicLong();
    private static final AtomicLong BYTES_READ = new AtomicLong();

    private ParquetMetrics() {
    }

    /** Row groups decoded since the last reset. */
    public static long rowGroupsRead() {
        return ROW_GROUPS_READ.get();
    }

    /** Row groups skipped by statistics since the last reset. */
    public static long rowGroupsSkipped() {
        return ROW_GROUPS_SKIPPED.get();
    }

    /** Compressed bytes of the column chunks read since the last reset. */
    public static long bytesRead() {
        return BYTES_READ.get();
    }

    /** Sets every counter to zero. */
    public static void reset() {
        ROW_GROUPS_READ.set(0);
        ROW_GROUPS_SKIPPED.set(0);
        BYTES_READ.set(0);
    }

    static void read(long bytes) {
        ROW_GROUPS_READ.incrementAndGet();
        BYTES_READ.addAndGet(bytes);
    }

    static void skipped(long groups) {
        ROW_GROUPS_SKIPPED.addAndGet(groups);
    }
}
