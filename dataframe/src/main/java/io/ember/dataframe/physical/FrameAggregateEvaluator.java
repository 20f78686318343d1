package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.expressions.AggFn;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.window.WindowFrame;
import java.math.BigDecimal;

/**
 * An aggregate over each row's window frame. The frame of every row is first turned into a row
 * range {@code [lo, hi]} of its partition; then the accumulator is fed the way the frame's shape
 * allows:
 * <ul>
 *   <li>frames that start at the partition's first row grow monotonically, so rows are added
 *       once each and the value is read after every row (running totals, whole-partition values);
 *   <li>frames that end at the partition's last row are the same read backwards, when the
 *       aggregate does not depend on the order of its input;
 *   <li>other (sliding) frames are recomputed per row, which costs the frame's width per row.
 * </ul>
 */
final class FrameAggregateEvaluator extends WindowEvaluator {
    private static final long serialVersionUID = 1L;

    private final AggFn fn;
    private final Expression input;
    private final DataType inputType;
    private final boolean ignoreNulls;
    private final WindowFrame frame;
    private final boolean ascending;

    FrameAggregateEvaluator(AggFn fn, Expression input, DataType inputType, DataType resultType, boolean ignoreNulls,
                            WindowFrame frame, boolean ascending) {
        super(resultType);
        this.fn = fn;
        this.input = input;
        this.inputType = inputType;
        this.ignoreNulls = ignoreNulls;
        this.frame = frame;
        this.ascending = ascending;
    }

    @Override
    ColumnVector evaluate(WindowPartitions parts) {
        int n = parts.numRows();
        ColumnVector values = input.eval(parts.rows);
        WindowAccumulator acc = WindowAccumulator.create(fn, inputType, type, ignoreNulls);
        ColumnVector out = ColumnVector.allocate(type, n);
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int g = 0; g < parts.count(); g++) {
            int from = parts.starts[g];
            int to = parts.starts[g + 1];
            bounds(parts, from, to, lo, hi);
            if (frame.unboundedStart()) {
                growing(acc, values, from, to, hi, out);
            } else if (frame.unboundedEnd() && acc.orderInsensitive()) {
                shrinking(acc, values, from, to, lo, out);
            } else {
                for (int i = from; i < to; i++) {
                    acc.reset();
                    for (int r = lo[i]; r <= hi[i]; r++) {
                        acc.add(values, r);
                    }
                    acc.writeTo(out);
                }
            }
        }
        return out;
    }

    private static void growing(WindowAccumulator acc, ColumnVector values, int from, int to, int[] hi,
                                ColumnVector out) {
        acc.reset();
        int next = from;
        for (int i = from; i < to; i++) {
            while (next <= hi[i]) {
                acc.add(values, next++);
            }
            acc.writeTo(out);
        }
    }

    private void shrinking(WindowAccumulator acc, ColumnVector values, int from, int to, int[] lo, ColumnVector out) {
        acc.reset();
        ColumnVector backwards = ColumnVector.allocate(type, to - from);
        int next = to - 1;
        for (int i = to - 1; i >= from; i--) {
            while (next >= lo[i]) {
                acc.add(values, next--);
            }
            acc.writeTo(backwards);
        }
        for (int k = to - from - 1; k >= 0; k--) {
            out.appendFrom(backwards, k);
        }
    }

    /** Fills {@code lo[i]..hi[i]} (inclusive; empty if {@code lo > hi}) for the rows of partition {@code [from, to)}. */
    private void bounds(WindowPartitions parts, int from, int to, int[] lo, int[] hi) {
        for (int i = from; i < to; i++) {
            if (frame.rows()) {
                lo[i] = frame.unboundedStart() ? from : (int) Math.max(from, Math.min(to, (long) i + frame.start()));
                hi[i] = frame.unboundedEnd() ? to - 1 : (int) Math.min(to - 1, Math.max(from - 1L, (long) i + frame.end()));
            } else {
                lo[i] = rangeStart(parts, from, to, i);
                hi[i] = rangeEnd(parts, from, to, i);
            }
        }
    }

    private int rangeStart(WindowPartitions parts, int from, int to, int i) {
        long start = frame.start();
        if (start == WindowFrame.UNBOUNDED_PRECEDING) {
            return from;
        }
        ColumnVector key = parts.orderKeys[0];
        if (start == WindowFrame.CURRENT_ROW || key.isNull(i)) {
            return parts.peerStart[i];
        }
        // The first row of the non-null block whose key is at least key[i] + start (in sort direction).
        int lowRow = nonNullFrom(key, from, to);
        int highRow = nonNullTo(key, from, to);
        while (lowRow < highRow) {
            int mid = (lowRow + highRow) >>> 1;
            if (compareDistance(key, mid, i, start) < 0) {
                lowRow = mid + 1;
            } else {
                highRow = mid;
            }
        }
        return lowRow;
    }

    private int rangeEnd(WindowPartitions parts, int from, int to, int i) {
        long end = frame.end();
        if (end == WindowFrame.UNBOUNDED_FOLLOWING) {
            return to - 1;
        }
        ColumnVector key = parts.orderKeys[0];
        if (end == WindowFrame.CURRENT_ROW || key.isNull(i)) {
            return parts.peerEnd[i] - 1;
        }
        // The last row of the non-null block whose key is at most key[i] + end (in sort direction).
        int lowRow = nonNullFrom(key, from, to);
        int highRow = nonNullTo(key, from, to);
        while (lowRow < highRow) {
            int mid = (lowRow + highRow) >>> 1;
            if (compareDistance(key, mid, i, end) <= 0) {
                lowRow = mid + 1;
            } else {
                highRow = mid;
            }
        }
        return lowRow - 1;
    }

    /** Nulls sort together at one end of a partition: the first row after leading nulls. */
    private static int nonNullFrom(ColumnVector key, int from, int to) {
        int r = from;
        while (r < to && key.isNull(r)) {
            r++;
        }
        return r;
    }

    /** One past the last row before trailing nulls. */
    private static int nonNullTo(ColumnVector key, int from, int to) {
        int r = to;
        while (r > from && key.isNull(r - 1)) {
            r--;
        }
        return r;
    }

    /** The sign of {@code (key[j] - key[i]) - offset}, the difference taken in sort direction. */
    private int compareDistance(ColumnVector key, int j, int i, long offset) {
        int sign = ascending ? 1 : -1;
        switch (key.kind) {
            case ColumnVector.INT:
                return Long.compare(sign * ((long) key.ints[j] - key.ints[i]), offset);
            case ColumnVector.LONG:
                try {
                    return Long.compare(Math.multiplyExact(sign, Math.subtractExact(key.longs[j], key.longs[i])), offset);
                } catch (ArithmeticException overflow) {
                    return BigDecimal.valueOf(key.longs[j]).subtract(BigDecimal.valueOf(key.longs[i]))
                            .multiply(BigDecimal.valueOf(sign)).compareTo(BigDecimal.valueOf(offset));
                }
            case ColumnVector.DOUBLE:
                return Double.compare(sign * (key.doubles[j] - key.doubles[i]), (double) offset);
            default:
                return ((BigDecimal) key.objects[j]).subtract((BigDecimal) key.objects[i])
                        .multiply(BigDecimal.valueOf(sign)).compareTo(BigDecimal.valueOf(offset));
        }
    }
}
