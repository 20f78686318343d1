package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;

/**
 * The peer groups (rows of a window partition with equal ordering values) of a window partition
 * read from a {@link SpillableBatchBuffer}: for rows asked in increasing order, where the row's
 * group starts and ends and how many groups came before. Each row is read once more, ahead of
 * the caller, to find where its group ends.
 */
final class WindowPeerGroups {
    private final RowOrdering order;
    private final WindowRowCursor first;
    private final WindowRowCursor ahead;
    private long to;
    /** The group of the row last asked: its first row, one past its last, and its number from 1. */
    long groupStart;
    long groupEnd;
    long groups;

    WindowPeerGroups(SpillableBatchBuffer buffer, RowOrdering order) {
        this.order = order;
        this.first = new WindowRowCursor(buffer, order.keys);
        this.ahead = new WindowRowCursor(buffer, order.keys);
    }

    /** Starts the partition of rows {@code [from, to)}. */
    void startPartition(long from, long to) {
        this.to = to;
        groupStart = from;
        groupEnd = from;
        groups = 0;
    }

    /** Moves to the group of row {@code i} (not before the row last asked). */
    void advance(long i) {
        while (groupEnd <= i) {
            groupStart = groupEnd;
            groups++;
            WindowRowCursor f = first.seek(groupStart);
            long end = groupStart + 1;
            while (end < to) {
                WindowRowCursor a = ahead.seek(end);
                if (order.compare(f.values, f.row, a.values, a.row) != 0) {
                    break;
                }
                end++;
            }
            groupEnd = end;
        }
    }
}
