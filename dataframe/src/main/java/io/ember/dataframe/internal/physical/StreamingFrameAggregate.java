package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import java.util.ArrayDeque;

/**
 * An aggregate over each row's frame of a spilled partition, fed as the frame's shape allows
 * (the same cases as {@link FrameAggregateEvaluator}):
 * <ul>
 *   <li>whole-partition frames: a first pass over the partition computes the value, which every
 *       row then takes (two passes);
 *   <li>frames starting at the partition's first row grow: each row is added once;
 *   <li>sliding frames of aggregates that can take a row out again: each row is added once and
 *       removed once, by two cursors;
 *   <li>the rest are recomputed per row from the frame's rows, which are held while in a frame
 *       (a value per row of the aggregate's input), as Spark's sliding frames hold theirs.
 * </ul>
 */
final class StreamingFrameAggregate implements StreamingWindowFunction {
    private final FrameAggregateEvaluator spec;
    private final WindowStreamingBounds bounds;
    private final WindowAccumulator acc;
    private final boolean recompute;
    private final boolean whole;
    private final WindowRowCursor adding;
    private final WindowRowCursor removing;
    /** For whole-partition frames: the first pass over each partition. */
    private final WindowRowCursor wholePass;
    /** For recomputed frames: the input vector and row of every row held, from {@code first}. */
    private final ArrayDeque<ColumnVector> heldVectors = new ArrayDeque<>();
    private final ArrayDeque<Integer> heldRows = new ArrayDeque<>();
    private ColumnVector wholeValue;
    /** The accumulator (or the held rows) covers rows {@code [first, end)}. */
    private long first;
    private long end;

    StreamingFrameAggregate(FrameAggregateEvaluator spec, SpillableBatchBuffer buffer, RowOrdering order) {
        this.spec = spec;
        this.bounds = new WindowStreamingBounds(spec.frame, buffer, order);
        FrameBounds frame = spec.frame;
        this.whole = frame.unboundedStart() && frame.unboundedEnd();
        WindowAccumulator removable = frame.unboundedStart() ? null
                : WindowAccumulator.createRemovable(spec.fn, spec.inputType, spec.type);
        this.recompute = !frame.unboundedStart() && removable == null;
        this.acc = removable != null ? removable : WindowAccumulator.create(spec.fn, spec.inputType, spec.type);
        this.adding = new WindowRowCursor(buffer, spec.input);
        this.removing = removable != null ? new WindowRowCursor(buffer, spec.input) : null;
        this.wholePass = whole ? new WindowRowCursor(buffer, spec.input) : null;
    }

    @Override
    public void startPartition(long from, long to) {
        bounds.startPartition(from, to);
        acc.reset();
        heldVectors.clear();
        heldRows.clear();
        first = from;
        end = from;
        if (whole) {
            for (long r = from; r < to; r++) {
                wholePass.seek(r);
                acc.add(wholePass.value(0), wholePass.row);
            }
            wholeValue = ColumnVector.allocate(spec.type, 1);
            acc.writeTo(wholeValue);
        }
    }

    @Override
    public void evaluate(long i, ColumnBatch batch, int row, ColumnVector out) {
        if (whole) {
            out.appendFrom(wholeValue, 0);
            return;
        }
        bounds.advance(i);
        long newFirst = bounds.lo;
        long newEnd = Math.max(bounds.lo, bounds.hi + 1);
        if (newFirst >= end) {
            // the frame moved past every row held (or is empty): start over from its first row
            acc.reset();
            heldVectors.clear();
            heldRows.clear();
            first = newFirst;
            end = newFirst;
        }
        while (end < newEnd) {
            WindowRowCursor c = adding.seek(end++);
            if (recompute) {
                heldVectors.addLast(c.value(0));
                heldRows.addLast(c.row);
            } else {
                acc.add(c.value(0), c.row);
            }
        }
        while (first < newFirst) {
            if (recompute) {
                heldVectors.pollFirst();
                heldRows.pollFirst();
            } else {
                WindowRowCursor c = removing.seek(first);
                acc.remove(c.value(0), c.row);
            }
            first++;
        }
        if (recompute) {
            acc.reset();
            var vectors = heldVectors.iterator();
            var rows = heldRows.iterator();
            while (vectors.hasNext()) {
                acc.add(vectors.next(), rows.next());
            }
        }
        acc.writeTo(out);
    }
}
