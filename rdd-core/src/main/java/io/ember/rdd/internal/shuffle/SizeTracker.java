package io.ember.rdd.internal.shuffle;

import io.ember.rdd.internal.storage.SizeEstimator;

/**
 * Estimates the bytes of a growing buffer of records without measuring every record: the first
 * records are all measured, then one in {@value #SAMPLE_EVERY}, and the buffer's size is the
 * number of records times their mean measured size plus a reference per record. Owned by the
 * buffer's single thread.
 */
final class SizeTracker {
    private static final int MEASURE_ALL_FIRST = 32;
    private static final int SAMPLE_EVERY = 64;
    private static final int PER_RECORD_OVERHEAD = 8;

    private long records;
    private long measured;
    private long measuredBytes;

    /** Counts one record added to the buffer. */
    void add(Object record) {
        records++;
        if (records <= MEASURE_ALL_FIRST || records % SAMPLE_EVERY == 0) {
            measured++;
            measuredBytes += SizeEstimator.estimate(record);
        }
    }

    /** The estimated bytes of the records added since the last reset. */
    long estimate() {
        return measured == 0 ? 0 : records * (measuredBytes / measured + PER_RECORD_OVERHEAD);
    }

    /** Forgets the counted records (the buffer was emptied); keeps the size learned per record. */
    void reset() {
        records = 0;
    }
}
