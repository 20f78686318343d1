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

    /** {@link #prefixes} wrote none: every comparison is a full one. */
    int NO_PREFIX = 0;
    /** {@link #prefixes} wrote prefixes that may be equal for different values (compare those in full). */
    int PREFIX = 1;
    /** {@link #prefixes} wrote prefixes equal exactly when the values are: the key needs no other comparison. */
    int EXACT_PREFIX = 2;

    /**
     * Writes a normalized prefix of sort key {@code key} for each of rows {@code [0, n)} of
     * {@code keys} to {@code out} from {@code at}, if this ordering has prefixes for that key,
     * and says how far they go ({@link #NO_PREFIX}, {@link #PREFIX}, {@link #EXACT_PREFIX}). Rows
     * whose prefixes differ are in the order of their prefixes as signed longs (for the key
     * alone); rows with equal prefixes need {@link #compareFrom} from that key on. The default has
     * no prefixes.
     */
    default int prefixes(ColumnVector[] keys, int key, int n, long[] out, int at) {
        return NO_PREFIX;
    }

    /**
     * Compares row {@code i} of keys {@code a} with row {@code j} of keys {@code b} on the keys
     * from {@code from} on, for rows already known equal on the keys before it; the default
     * compares all keys, which is the same answer.
     */
    default int compareFrom(ColumnVector[] a, int i, ColumnVector[] b, int j, int from) {
        return compare(a, i, b, j);
    }

    /** {@code batch} sorted, stably (rows that compare equal keep their order). */
    ColumnBatch sort(ColumnBatch batch);
}
