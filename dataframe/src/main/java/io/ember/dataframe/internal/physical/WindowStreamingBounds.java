package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.internal.window.WindowFrame;

/**
 * {@link FrameBounds} for a window partition read from a {@link SpillableBatchBuffer}: the frame
 * {@code [lo, hi]} of each row, for rows asked in increasing order. Both ends only move forward,
 * so {@code RANGE} bounds with an offset are found by pointers that scan the partition once each,
 * and {@code CURRENT ROW} bounds by the row's peer group; the same rules as the in-memory bounds.
 */
final class WindowStreamingBounds {
    private final FrameBounds bounds;
    private final WindowFrame frame;
    private final SpillableBatchBuffer buffer;
    private final RowOrdering order;
    private WindowPeerGroups peers;
    private WindowRowCursor current;
    private WindowRowCursor startScan;
    private WindowRowCursor endScan;
    private long from;
    private long to;
    private long startPointer;
    private long endPointer;
    /** The frame of the row last asked, inclusive; empty when {@code lo > hi}. */
    long lo;
    long hi;

    WindowStreamingBounds(FrameBounds bounds, SpillableBatchBuffer buffer, RowOrdering order) {
        this.bounds = bounds;
        this.frame = bounds.frame();
        this.buffer = buffer;
        this.order = order;
    }

    /** Starts the partition of rows {@code [from, to)}. */
    void startPartition(long from, long to) {
        this.from = from;
        this.to = to;
        startPointer = from;
        endPointer = from;
        if (peers != null) {
            peers.startPartition(from, to);
        }
    }

    /** Computes the frame of row {@code i}. */
    void advance(long i) {
        if (frame.rows()) {
            lo = frame.unboundedStart() ? from : Math.max(from, Math.min(to, plus(i, frame.start())));
            hi = frame.unboundedEnd() ? to - 1 : Math.min(to - 1, Math.max(from - 1, plus(i, frame.end())));
            return;
        }
        lo = rangeBound(i, frame.start(), frame.startInterval(), true);
        hi = rangeBound(i, frame.end(), frame.endInterval(), false);
    }

    private static long plus(long i, long offset) {
        long sum = i + offset;
        return ((i ^ sum) & (offset ^ sum)) < 0 ? (offset < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private long rangeBound(long i, long offset, CalendarInterval interval, boolean start) {
        boolean unbounded = offset == (start ? WindowFrame.UNBOUNDED_PRECEDING : WindowFrame.UNBOUNDED_FOLLOWING);
        if (unbounded) {
            return start ? from : to - 1;
        }
        boolean byPeers = interval == null && offset == WindowFrame.CURRENT_ROW;
        WindowRowCursor row = null;
        if (!byPeers) {
            row = cursor(0).seek(i);
            byPeers = row.value(0).isNull(row.row);
        }
        if (byPeers) {
            WindowPeerGroups p = peers();
            p.advance(i);
            return start ? p.groupStart : p.groupEnd - 1;
        }
        ColumnVector key = row.value(0);
        int keyRow = row.row;
        long target = interval == null ? 0 : bounds.intervalTarget(key, keyRow, interval);
        // start: the first row whose key is at least the target; end: one past the last at most it.
        long p = start ? startPointer : endPointer;
        WindowRowCursor scan = cursor(start ? 1 : 2);
        while (p < to) {
            WindowRowCursor c = scan.seek(p);
            if (c.value(0).isNull(c.row)) {
                if (p > i) {
                    break; // nulls sorted last: no non-null key follows
                }
                p++; // nulls sorted first are never in a non-null row's frame
                continue;
            }
            int cmp = bounds.compareMoved(c.value(0), c.row, key, keyRow, offset, interval != null, target);
            if (start ? cmp >= 0 : cmp > 0) {
                break;
            }
            p++;
        }
        if (start) {
            startPointer = p;
            return p;
        }
        endPointer = p;
        return p - 1;
    }

    private WindowPeerGroups peers() {
        if (peers == null) {
            peers = new WindowPeerGroups(buffer, order);
            peers.startPartition(from, to);
        }
        return peers;
    }

    /** The cursor over the ordering key of the current row (0), the start pointer (1) or the end pointer (2). */
    private WindowRowCursor cursor(int which) {
        switch (which) {
            case 0 -> current = current == null ? new WindowRowCursor(buffer, order.keys[0]) : current;
            case 1 -> startScan = startScan == null ? new WindowRowCursor(buffer, order.keys[0]) : startScan;
            default -> endScan = endScan == null ? new WindowRowCursor(buffer, order.keys[0]) : endScan;
        }
        return which == 0 ? current : which == 1 ? startScan : endScan;
    }
}
