package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import io.ember.dataframe.internal.window.WindowFrame;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a window frame into the row range {@code [lo[i], hi[i]]} (inclusive; empty when
 * {@code lo > hi}) of every row of a sorted window partition.
 *
 * <p>{@code ROWS} bounds are arithmetic on row positions. {@code RANGE} bounds of
 * {@code CURRENT ROW} are the row's peer group. {@code RANGE} bounds with an offset compare the
 * single ordering key with the current row's key moved by the offset (in sort direction, so
 * {@code 1 PRECEDING} over a descending key means one more). Because the rows are sorted by that
 * key, the moved key only grows (in sort direction) from row to row, so each bound is found by a
 * pointer that only moves forward: a partition costs one pass per bound, not a search per row.
 * As in Spark, rows whose key is null (sorted together at one end of the partition) are each
 * other's frame for an offset bound, and never in a non-null row's.
 */
final class FrameBounds implements Serializable {
    private static final long serialVersionUID = 1L;

    private final WindowFrame frame;
    private final boolean ascending;

    FrameBounds(WindowFrame frame, boolean ascending) {
        this.frame = frame;
        this.ascending = ascending;
    }

    /** Whether every row's frame starts at its partition's first row. */
    boolean unboundedStart() {
        return frame.unboundedStart();
    }

    /** Whether every row's frame ends at its partition's last row. */
    boolean unboundedEnd() {
        return frame.unboundedEnd();
    }

    /** Fills {@code lo} and {@code hi} for the rows of partition {@code [from, to)} of {@code parts}. */
    void fill(WindowPartitions parts, int from, int to, int[] lo, int[] hi) {
        if (frame.rows()) {
            for (int i = from; i < to; i++) {
                lo[i] = frame.unboundedStart() ? from : (int) Math.max(from, Math.min(to, (long) i + frame.start()));
                hi[i] = frame.unboundedEnd() ? to - 1
                        : (int) Math.min(to - 1, Math.max(from - 1L, (long) i + frame.end()));
            }
            return;
        }
        rangeBound(parts, from, to, frame.start(), frame.startInterval(), true, lo);
        rangeBound(parts, from, to, frame.end(), frame.endInterval(), false, hi);
    }

    private void rangeBound(WindowPartitions parts, int from, int to, long offset, CalendarInterval interval,
                            boolean start, int[] out) {
        boolean unbounded = offset == (start ? WindowFrame.UNBOUNDED_PRECEDING : WindowFrame.UNBOUNDED_FOLLOWING);
        boolean peers = interval == null && offset == WindowFrame.CURRENT_ROW;
        ColumnVector key = unbounded || peers ? null : parts.orderKeys[0];
        for (int i = from; i < to; i++) {
            if (unbounded) {
                out[i] = start ? from : to - 1;
            } else if (peers || key.isNull(i)) {
                out[i] = start ? parts.peerStart[i] : parts.peerEnd[i] - 1;
            }
        }
        if (key == null) {
            return;
        }
        int nonNullFrom = from;
        while (nonNullFrom < to && key.isNull(nonNullFrom)) {
            nonNullFrom++;
        }
        int nonNullTo = to;
        while (nonNullTo > nonNullFrom && key.isNull(nonNullTo - 1)) {
            nonNullTo--;
        }
        long[] targets = interval == null ? null : intervalTargets(key, nonNullFrom, nonNullTo, interval);
        // start: the first row whose key is at least the target; end: the last row whose key is at most it.
        int p = nonNullFrom;
        for (int i = nonNullFrom; i < nonNullTo; i++) {
            while (p < nonNullTo && (start ? compare(key, p, i, offset, targets, nonNullFrom) < 0
                    : compare(key, p, i, offset, targets, nonNullFrom) <= 0)) {
                p++;
            }
            out[i] = start ? p : p - 1;
        }
    }

    /**
     * The sign of {@code key[j]} minus row {@code i}'s target (its key moved by {@code offset}, or
     * {@code targets[i - first]} for an interval), compared in sort direction.
     */
    private int compare(ColumnVector key, int j, int i, long offset, long[] targets, int first) {
        return compareMoved(key, j, key, i, offset, targets != null, targets == null ? 0 : targets[i - first]);
    }

    /**
     * The sign of {@code keyJ[j]} minus row {@code i}'s target, compared in sort direction: the
     * target is {@code keyI[i]} moved by {@code offset}, or {@code intervalTarget} if
     * {@code interval} (see {@link #intervalTarget}). The rows may be in different batches.
     */
    int compareMoved(ColumnVector keyJ, int j, ColumnVector keyI, int i, long offset, boolean interval,
                     long intervalTarget) {
        int sign = ascending ? 1 : -1;
        if (interval) {
            long value = keyJ.kind == ColumnVector.INT ? keyJ.ints[j] : keyJ.longs[j];
            return sign * Long.compare(value, intervalTarget);
        }
        switch (keyJ.kind) {
            case ColumnVector.INT:
                return Long.compare(sign * ((long) keyJ.ints[j] - keyI.ints[i]), offset);
            case ColumnVector.LONG:
                try {
                    return Long.compare(Math.multiplyExact(sign, Math.subtractExact(keyJ.longs[j], keyI.longs[i])),
                            offset);
                } catch (ArithmeticException overflow) {
                    return BigDecimal.valueOf(keyJ.longs[j]).subtract(BigDecimal.valueOf(keyI.longs[i]))
                            .multiply(BigDecimal.valueOf(sign)).compareTo(BigDecimal.valueOf(offset));
                }
            case ColumnVector.DOUBLE:
                return Double.compare(sign * (keyJ.doubles[j] - keyI.doubles[i]), (double) offset);
            default:
                return keyJ.getDecimal(j).subtract(keyI.getDecimal(i))
                        .multiply(BigDecimal.valueOf(sign)).compareTo(BigDecimal.valueOf(offset));
        }
    }

    /**
     * Row {@code i}'s key moved by {@code interval} in sort direction, for the non-null rows
     * {@code [first, end)}, indexed by row minus {@code first}: dates as epoch days, timestamps as epoch microseconds,
     * months then days added in the frame's zone as Spark adds an interval.
     */
    private long[] intervalTargets(ColumnVector key, int first, int end, CalendarInterval interval) {
        long[] targets = new long[end - first];
        for (int i = first; i < end; i++) {
            targets[i - first] = intervalTarget(key, i, interval);
        }
        return targets;
    }

    /**
     * Row {@code i}'s key moved by {@code interval} in sort direction: a date as epoch days, a
     * timestamp as epoch microseconds, months then days added in the frame's zone.
     */
    long intervalTarget(ColumnVector key, int i, CalendarInterval interval) {
        CalendarInterval moved = ascending ? interval : interval.negate();
        if (key.kind == ColumnVector.INT) {
            return LocalDate.ofEpochDay(key.ints[i]).plusMonths(moved.months()).plusDays(moved.days()).toEpochDay();
        }
        ZoneId zone = frame.zone() == null ? ZoneId.systemDefault() : ZoneId.of(frame.zone());
        ZonedDateTime t = Values.microsToInstant(key.longs[i]).atZone(zone).plusMonths(moved.months())
                .plusDays(moved.days());
        return Values.instantToMicros(t.toInstant()) + moved.microseconds();
    }

    /** The frame. */
    WindowFrame frame() {
        return frame;
    }
}
