package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * {@code first_value}, {@code last_value}, {@code nth_value} over a spilled partition. The row
 * read ({@code n}-th from the frame's start or end, counting only non-null values if asked) only
 * moves forward as the frames do, so one cursor reads it; skipping nulls, a second cursor scans
 * ahead and keeps the positions of the non-null values that may still be read ({@code n} of
 * them at most when counting from the end, those from the frame's start up to the {@code n}-th
 * when counting from the start).
 */
final class StreamingFrameValue implements StreamingWindowFunction {
    private final FrameValueEvaluator spec;
    private final WindowStreamingBounds bounds;
    private final WindowRowCursor values;
    private final WindowRowCursor scan;
    private final ArrayDeque<Long> nonNull = new ArrayDeque<>();
    /** The next row the scan looks at. */
    private long scanned;

    StreamingFrameValue(FrameValueEvaluator spec, SpillableBatchBuffer buffer, RowOrdering order) {
        this.spec = spec;
        this.bounds = new WindowStreamingBounds(spec.frame, buffer, order);
        this.values = new WindowRowCursor(buffer, spec.input);
        this.scan = spec.ignoreNulls ? new WindowRowCursor(buffer, spec.input) : null;
    }

    @Override
    public void startPartition(long from, long to) {
        bounds.startPartition(from, to);
        nonNull.clear();
        scanned = from;
    }

    @Override
    public void evaluate(long i, ColumnBatch batch, int row, ColumnVector out) {
        bounds.advance(i);
        long lo = bounds.lo;
        long hi = bounds.hi;
        long read = spec.ignoreNulls ? nonNullRow(lo, hi) : row(lo, hi);
        if (read < 0) {
            out.appendNull();
        } else {
            WindowRowCursor c = values.seek(read);
            out.appendFrom(c.value(0), c.row);
        }
    }

    private long row(long lo, long hi) {
        if (hi - lo + 1 < spec.n) {
            return -1;
        }
        return spec.fromLast ? hi - (spec.n - 1) : lo + (spec.n - 1);
    }

    private long nonNullRow(long lo, long hi) {
        if (spec.fromLast) {
            scanUpTo(hi, Integer.MAX_VALUE);
            return nonNull.size() == spec.n && nonNull.peekFirst() >= lo ? nonNull.peekFirst() : -1;
        }
        while (!nonNull.isEmpty() && nonNull.peekFirst() < lo) {
            nonNull.pollFirst();
        }
        scanned = Math.max(scanned, lo);
        scanUpTo(hi, spec.n);
        if (nonNull.size() < spec.n) {
            return -1;
        }
        Iterator<Long> it = nonNull.iterator();
        long found = -1;
        for (int k = 0; k < spec.n; k++) {
            found = it.next();
        }
        return found <= hi ? found : -1;
    }

    /**
     * Scans rows up to {@code hi} inclusive, stopping once {@code enough} non-null positions are
     * kept; counting from the end, only the last {@code n} are kept.
     */
    private void scanUpTo(long hi, int enough) {
        while (scanned <= hi && nonNull.size() < enough) {
            WindowRowCursor c = scan.seek(scanned);
            if (!c.value(0).isNull(c.row)) {
                nonNull.addLast(scanned);
                if (spec.fromLast && nonNull.size() > spec.n) {
                    nonNull.pollFirst();
                }
            }
            scanned++;
        }
    }
}
