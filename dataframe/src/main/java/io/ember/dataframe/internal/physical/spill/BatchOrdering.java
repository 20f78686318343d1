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

    /** {@code batch} sorted, stably (rows that compare equal keep their order). */
    ColumnBatch sort(ColumnBatch batch);
}
