package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;

/**
 * An aggregate over each row's window frame. The frame of every row is first turned into a row
 * range {@code [lo, hi]} of its partition ({@link FrameBounds}); then the accumulator is fed the
 * way the frame's shape allows:
 * <ul>
 *   <li>frames that start at the partition's first row grow monotonically, so rows are added
 *       once each and the value is read after every row (running totals, whole-partition values);
 *   <li>frames that end at the partition's last row are the same read backwards, when the
 *       aggregate does not depend on the order of its input;
 *   <li>other (sliding) frames only move forward, so aggregates that can take a row out again
 *       ({@code count}, exact sums and averages, and {@code min} / {@code max} through a
 *       monotonic queue) add each row once and remove it once;
 *   <li>the rest (floating-point sums and averages, whose removal would lose precision,
 *       moments, collections) are recomputed per row, which costs the frame's width per row, as
 *       in Spark.
 * </ul>
 */
final class FrameAggregateEvaluator extends WindowEvaluator {
    private static final long serialVersionUID = 1L;

    final AggFn fn;
    final Expression input;
    final DataType inputType;
    final FrameBounds frame;

    FrameAggregateEvaluator(AggFn fn, Expression input, DataType inputType, DataType resultType, FrameBounds frame) {
        super(resultType);
        this.fn = fn;
        this.input = input;
        this.inputType = inputType;
        this.frame = frame;
    }

    @Override
    ColumnVector evaluate(WindowPartitions parts) {
        int n = parts.numRows();
        ColumnVector values = input.eval(parts.rows);
        WindowAccumulator acc = WindowAccumulator.create(fn, inputType, type);
        WindowAccumulator removable = frame.unboundedStart() || frame.unboundedEnd() ? null
                : WindowAccumulator.createRemovable(fn, inputType, type);
        ColumnVector out = ColumnVector.allocate(type, n);
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int g = 0; g < parts.count(); g++) {
            int from = parts.starts[g];
            int to = parts.starts[g + 1];
            frame.fill(parts, from, to, lo, hi);
            if (frame.unboundedStart()) {
                growing(acc, values, from, to, hi, out);
            } else if (frame.unboundedEnd() && acc.orderInsensitive()) {
                shrinking(acc, values, from, to, lo, out);
            } else if (removable != null) {
                sliding(removable, values, from, to, lo, hi, out);
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

    /**
     * Frames whose both ends only move forward (every frame {@link FrameBounds} makes): the
     * accumulator holds rows {@code [first, end)}; each row enters once and leaves once.
     */
    private static void sliding(WindowAccumulator acc, ColumnVector values, int from, int to, int[] lo, int[] hi,
                                ColumnVector out) {
        acc.reset();
        int first = from;
        int end = from;
        for (int i = from; i < to; i++) {
            int newFirst = lo[i];
            int newEnd = Math.max(lo[i], hi[i] + 1);
            if (newFirst >= end || newFirst < first || newEnd < end) {
                acc.reset();
                first = newFirst;
                end = newFirst;
            }
            while (end < newEnd) {
                acc.add(values, end++);
            }
            while (first < newFirst) {
                acc.remove(values, first++);
            }
            acc.writeTo(out);
        }
    }
}
