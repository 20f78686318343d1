package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The window functions over window partitions that spilled: reads the buffer's batches in order
 * and appends to each the functions' columns, computed a row at a time by their streaming forms
 * ({@link StreamingWindowFunction}), one output batch per buffer batch. Closes the buffer when
 * its last batch has been produced.
 */
final class SpilledWindowPartitions implements Iterator<ColumnBatch> {
    private final SpillableBatchBuffer buffer;
    private final long[] starts;
    private final List<WindowEvaluator> evaluators;
    private final List<StreamingWindowFunction> functions = new ArrayList<>();
    private final Iterator<ColumnBatch> rows;
    private long position;
    private int nextPartition;
    private boolean closed;

    /**
     * The window functions {@code evaluators} over {@code buffer}, whose partitions start at rows
     * {@code starts} (then the buffer's size), peers compared by {@code order}.
     */
    SpilledWindowPartitions(SpillableBatchBuffer buffer, long[] starts, List<WindowEvaluator> evaluators,
                            RowOrdering order) {
        this.buffer = buffer;
        this.starts = starts;
        this.evaluators = evaluators;
        for (WindowEvaluator e : evaluators) {
            functions.add(StreamingWindowFunction.of(e, buffer, order));
        }
        this.rows = buffer.read();
    }

    @Override
    public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && !closed) {
            closed = true;
            buffer.close();
        }
        return more;
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ColumnBatch batch = rows.next();
        ColumnVector[] computed = new ColumnVector[functions.size()];
        for (int f = 0; f < computed.length; f++) {
            computed[f] = ColumnVector.allocate(evaluators.get(f).type, batch.numRows);
        }
        for (int r = 0; r < batch.numRows; r++) {
            long i = position + r;
            while (nextPartition < starts.length - 1 && starts[nextPartition] == i) {
                for (StreamingWindowFunction f : functions) {
                    f.startPartition(starts[nextPartition], starts[nextPartition + 1]);
                }
                nextPartition++;
            }
            for (int f = 0; f < computed.length; f++) {
                functions.get(f).evaluate(i, batch, r, computed[f]);
            }
        }
        position += batch.numRows;
        return batch.appendColumns(new ColumnBatch(computed, batch.numRows));
    }
}
