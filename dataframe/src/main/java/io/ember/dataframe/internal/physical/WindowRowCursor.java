package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import java.util.Iterator;

/**
 * A position in the rows of a {@link SpillableBatchBuffer} that only moves forward, with the
 * values of some expressions over the current row's batch: how a window function over a spilled
 * partition reads the rows its frames need, one batch at a time.
 */
final class WindowRowCursor {
    private final Iterator<ColumnBatch> batches;
    private final Expression[] expressions;
    /** Buffer position of the current batch's first row. */
    private long batchStart;
    private ColumnBatch batch;
    /** The expressions' values over the current batch. */
    ColumnVector[] values;
    /** The current row within the batch. */
    int row;

    WindowRowCursor(SpillableBatchBuffer buffer, Expression... expressions) {
        this.batches = buffer.read();
        this.expressions = expressions;
    }

    /**
     * Moves to row {@code position} of the buffer, which must not be before the current one.
     *
     * @throws IllegalStateException if the position is behind the cursor or past the buffer's end
     */
    WindowRowCursor seek(long position) {
        if (batch != null && position < batchStart + row) {
            throw new IllegalStateException("window cursor moved back from " + (batchStart + row) + " to " + position);
        }
        while (batch == null || position >= batchStart + batch.numRows) {
            if (batch != null) {
                batchStart += batch.numRows;
            }
            if (!batches.hasNext()) {
                throw new IllegalStateException("window cursor moved past the buffer's end to " + position);
            }
            batch = batches.next();
            values = new ColumnVector[expressions.length];
            for (int k = 0; k < expressions.length; k++) {
                values[k] = expressions[k].eval(batch);
            }
        }
        row = (int) (position - batchStart);
        return this;
    }

    /** The value of expression {@code k} at the current row. */
    ColumnVector value(int k) {
        return values[k];
    }
}
