package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;

/**
 * One window function computed over window partitions read from a {@link SpillableBatchBuffer}
 * (partitions larger than memory), a row at a time in buffer order: the counterpart of a
 * {@link WindowEvaluator}, which needs its partitions in memory. Each implementation reads the
 * rows its frames need through its own forward-only {@link WindowRowCursor}s, so what it holds
 * is a batch per cursor (plus, for aggregates that can neither grow nor slide, the frame).
 */
interface StreamingWindowFunction {
    /** Starts the partition of buffer rows {@code [from, to)}. */
    void startPartition(long from, long to);

    /** Appends the value of buffer row {@code i}, which is row {@code row} of {@code batch}, to {@code out}. */
    void evaluate(long i, ColumnBatch batch, int row, ColumnVector out);

    /** The streaming form of {@code e} over {@code buffer}, whose peers are ordered by {@code order}. */
    static StreamingWindowFunction of(WindowEvaluator e, SpillableBatchBuffer buffer, RowOrdering order) {
        if (e instanceof WindowEvaluator.Rank r) {
            return new StreamingRank(r, buffer, order);
        }
        if (e instanceof WindowEvaluator.Offset o) {
            return new StreamingOffset(o, buffer);
        }
        if (e instanceof FrameValueEvaluator v) {
            return new StreamingFrameValue(v, buffer, order);
        }
        if (e instanceof FrameAggregateEvaluator a) {
            return new StreamingFrameAggregate(a, buffer, order);
        }
        throw new IllegalArgumentException("no streaming form of window evaluator " + e.getClass().getSimpleName());
    }
}
