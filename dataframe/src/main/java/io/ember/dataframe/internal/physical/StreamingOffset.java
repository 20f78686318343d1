package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;

/** {@code lag} / {@code lead} over a spilled partition: a cursor {@code delta} rows from the current one. */
final class StreamingOffset implements StreamingWindowFunction {
    private final WindowEvaluator.Offset offset;
    private final WindowRowCursor values;
    private long from;
    private long to;
    private ColumnBatch defaultsOf;
    private ColumnVector defaults;

    StreamingOffset(WindowEvaluator.Offset offset, SpillableBatchBuffer buffer) {
        this.offset = offset;
        this.values = new WindowRowCursor(buffer, offset.input);
    }

    @Override
    public void startPartition(long from, long to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void evaluate(long i, ColumnBatch batch, int row, ColumnVector out) {
        long j = i + offset.delta;
        if (j >= from && j < to) {
            WindowRowCursor c = values.seek(j);
            out.appendFrom(c.value(0), c.row);
            return;
        }
        if (defaultsOf != batch) {
            defaultsOf = batch;
            defaults = offset.defaultValue.eval(batch);
        }
        out.appendFrom(defaults, row);
    }
}
