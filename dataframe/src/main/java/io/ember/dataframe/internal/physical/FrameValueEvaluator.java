package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;

/**
 * {@code first_value} / {@code first}, {@code last_value} / {@code last} and {@code nth_value}
 * over each row's window frame: the value of one row of the frame, found in constant time per row
 * from the frame's ends ({@link FrameBounds}). Skipping nulls uses the positions of the non-null
 * values and, for every row, how many non-null values precede it; so every frame shape costs one
 * pass, however wide.
 */
final class FrameValueEvaluator extends WindowEvaluator {
    private static final long serialVersionUID = 1L;

    final Expression input;
    final int n;
    final boolean fromLast;
    final boolean ignoreNulls;
    final FrameBounds frame;

    /**
     * The evaluator reading the {@code n}-th row (from 1) of each frame, counted from its end if
     * {@code fromLast}, skipping rows where {@code input} is null if {@code ignoreNulls}.
     */
    FrameValueEvaluator(Expression input, int n, boolean fromLast, boolean ignoreNulls, FrameBounds frame) {
        super(input.dataType());
        this.input = input;
        this.n = n;
        this.fromLast = fromLast;
        this.ignoreNulls = ignoreNulls;
        this.frame = frame;
    }

    @Override
    ColumnVector evaluate(WindowPartitions parts) {
        int rows = parts.numRows();
        ColumnVector values = input.eval(parts.rows);
        // nonNullBefore[r]: the non-null values in rows [0, r); nonNullRows[k]: the row of the k-th one.
        int[] nonNullBefore = ignoreNulls ? new int[rows + 1] : null;
        int[] nonNullRows = ignoreNulls ? new int[rows] : null;
        if (ignoreNulls) {
            int count = 0;
            for (int r = 0; r < rows; r++) {
                nonNullBefore[r] = count;
                if (!values.isNull(r)) {
                    nonNullRows[count++] = r;
                }
            }
            nonNullBefore[rows] = count;
        }
        ColumnVector out = ColumnVector.allocate(type, rows);
        int[] lo = new int[rows];
        int[] hi = new int[rows];
        for (int g = 0; g < parts.count(); g++) {
            int from = parts.starts[g];
            int to = parts.starts[g + 1];
            frame.fill(parts, from, to, lo, hi);
            for (int i = from; i < to; i++) {
                int row = ignoreNulls ? nonNullRow(lo[i], hi[i], nonNullBefore, nonNullRows) : row(lo[i], hi[i]);
                if (row < 0) {
                    out.appendNull();
                } else {
                    out.appendFrom(values, row);
                }
            }
        }
        return out;
    }

    /** The row read from frame {@code [lo, hi]}, or -1 if the frame has fewer than {@code n} rows. */
    private int row(int lo, int hi) {
        if ((long) hi - lo + 1 < n) {
            return -1;
        }
        return fromLast ? hi - (n - 1) : lo + (n - 1);
    }

    /** The row read from frame {@code [lo, hi]} counting only non-null values, or -1. */
    private int nonNullRow(int lo, int hi, int[] nonNullBefore, int[] nonNullRows) {
        if (lo > hi) {
            return -1;
        }
        int inFrame = nonNullBefore[hi + 1] - nonNullBefore[lo];
        if (inFrame < n) {
            return -1;
        }
        return nonNullRows[fromLast ? nonNullBefore[hi + 1] - n : nonNullBefore[lo] + n - 1];
    }
}
