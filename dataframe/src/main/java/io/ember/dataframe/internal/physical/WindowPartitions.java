package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;

/**
 * The layout of one sorted input of a window operator: where each window partition starts, and
 * for every row the range of its peers (the rows of its partition with equal ordering values),
 * which ranks and {@code RANGE} frames are defined by.
 */
final class WindowPartitions {
    /** The rows, sorted by partition keys then ordering keys. */
    final ColumnBatch rows;
    /** The ordering key values of every row. */
    final ColumnVector[] orderKeys;
    /** The first row of each partition, then {@code rows.numRows}. */
    final int[] starts;
    /** Per row: the first row of its peer group. */
    final int[] peerStart;
    /** Per row: one past the last row of its peer group. */
    final int[] peerEnd;

    private WindowPartitions(ColumnBatch rows, ColumnVector[] orderKeys, int[] starts, int[] peerStart, int[] peerEnd) {
        this.rows = rows;
        this.orderKeys = orderKeys;
        this.starts = starts;
        this.peerStart = peerStart;
        this.peerEnd = peerEnd;
    }

    /**
     * The layout of {@code sorted}: partitions where {@code partitionKeys} change, peers where
     * {@code order} compares equal.
     */
    static WindowPartitions of(ColumnBatch sorted, ColumnVector[] partitionKeys, RowOrdering order) {
        int n = sorted.numRows;
        ColumnVector[] orderKeys = order.evalKeys(sorted);
        int[] starts = new int[n + 1];
        int groups = 0;
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        for (int i = 0; i < n; i++) {
            boolean newPartition = i == 0 || !sameKeys(partitionKeys, i - 1, i);
            if (newPartition) {
                starts[groups++] = i;
            }
            peerStart[i] = newPartition || order.compare(orderKeys, i - 1, orderKeys, i) != 0 ? i : peerStart[i - 1];
        }
        starts[groups] = n;
        for (int i = n - 1; i >= 0; i--) {
            boolean lastOfPeers = i == n - 1 || peerStart[i + 1] != peerStart[i];
            peerEnd[i] = lastOfPeers ? i + 1 : peerEnd[i + 1];
        }
        int[] trimmed = new int[groups + 1];
        System.arraycopy(starts, 0, trimmed, 0, groups + 1);
        return new WindowPartitions(sorted, orderKeys, trimmed, peerStart, peerEnd);
    }

    private static boolean sameKeys(ColumnVector[] keys, int a, int b) {
        for (ColumnVector k : keys) {
            if (!k.valueEquals(a, k, b)) {
                return false;
            }
        }
        return true;
    }

    /** The number of partitions. */
    int count() {
        return starts.length - 1;
    }

    /** The number of rows. */
    int numRows() {
        return rows.numRows;
    }
}
