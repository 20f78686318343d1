package io.ember.dataframe.internal.physical.spill;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import java.io.Serializable;

/**
 * The order a spilling structure sorts rows in: rows are compared on key columns evaluated once
 * per batch, so rows of different batches (of different runs) compare without being copied.
 */
public interface BatchOrdering extends Serializable {
    /** The key columns of {@code batch}. */
    ColumnVector[] evalKeys(ColumnBatch batch);

    /** Compares row {@code i} of keys {@code a} with row {@code j} of keys {@code b}. */
    int compare(ColumnVector[] a, int i, ColumnVector[] b, int j);

    /**
     * Writes a normalized prefix for each of rows {@code [0, n)} of {@code keys} to {@code out}
     * from {@code at}, if this ordering has prefixes for these keys, and says whether it did.
     * Rows with different prefixes are in the order of their prefixes as signed longs; rows with
     * equal prefixes are compared with {@link #compare}. Without prefixes (the default) every
     * comparison is a full one.
     */
    default boolean prefixes(ColumnVector[] keys, int n, long[] out, int at) {
        return false;
    }

    /** {@code batch} sorted, stably (rows that compare equal keep their order). */
    ColumnBatch sort(ColumnBatch batch);
}
