package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The window operator's work on one task's sorted rows: cuts them into window partitions and
 * computes the window functions, holding only what it must.
 *
 * <p>Design notes. Rows go into a {@link SpillableBatchBuffer} as they come. Once the buffer holds
 * at least a batch of rows of complete partitions, those partitions are computed and the
 * partition still being read starts a new buffer. If the buffer never spilled, its partitions are
 * computed in memory by the {@link WindowEvaluator}s (a column at a time); if it did (a partition
 * larger than memory, or another operator of the task asked for memory), they are computed from
 * the buffer by the functions' streaming forms ({@link SpilledWindowPartitions}). Either way the
 * output of one buffer is produced before the next rows are read.
 */
final class WindowStream implements Iterator<ColumnBatch> {
    private static final String OPERATOR = "WindowExec";

    private final Iterator<ColumnBatch> sorted;
    private final List<DataType> types;
    private final Expression[] partitionKeys;
    private final RowOrdering peers;
    private final List<WindowEvaluator> evaluators;
    private final int batchSize;
    private SpillableBatchBuffer buffer = SpillableBatchBuffer.forTask(OPERATOR);
    /** Buffer rows where partitions start (the first is 0 once a row is buffered). */
    private List<Long> starts = new ArrayList<>();
    private ColumnVector[] lastKeys;
    private int lastRow;
    private Iterator<ColumnBatch> output = Collections.emptyIterator();
    private boolean finished;

    WindowStream(Iterator<ColumnBatch> sorted, List<DataType> types, Expression[] partitionKeys, RowOrdering peers,
                 List<WindowEvaluator> evaluators, int batchSize) {
        this.sorted = sorted;
        this.types = types;
        this.partitionKeys = partitionKeys;
        this.peers = peers;
        this.evaluators = evaluators;
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        while (!output.hasNext() && !finished) {
            readMore();
        }
        return output.hasNext();
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return output.next();
    }

    /** Reads the next input batch (or the input's end), and computes what is complete if enough is. */
    private void readMore() {
        if (!sorted.hasNext()) {
            finished = true;
            output = flush(buffer.numRows());
            return;
        }
        ColumnBatch b = sorted.next();
        if (b.numRows == 0) {
            return;
        }
        ColumnVector[] keys = evalPartitionKeys(b);
        int lastStart = -1;
        List<Long> newStarts = new ArrayList<>();
        for (int r = 0; r < b.numRows; r++) {
            boolean newPartition = r == 0 ? lastKeys == null || !sameKeys(lastKeys, lastRow, keys, 0)
                    : !sameKeys(keys, r - 1, keys, r);
            if (newPartition) {
                newStarts.add(buffer.numRows() + r);
                lastStart = r;
            }
        }
        lastKeys = keys;
        lastRow = b.numRows - 1;
        long complete = lastStart < 0 ? 0 : buffer.numRows() + lastStart;
        if (complete < batchSize || complete == 0) {
            buffer.append(b);
            starts.addAll(newStarts);
            return;
        }
        // Rows before the last partition start in b complete their partitions: compute them now.
        if (lastStart > 0) {
            buffer.append(b.slice(0, lastStart));
        }
        starts.addAll(newStarts.subList(0, newStarts.size() - 1));
        output = flush(complete);
        buffer = SpillableBatchBuffer.forTask(OPERATOR);
        starts = new ArrayList<>();
        starts.add(0L);
        buffer.append(lastStart == 0 ? b : b.slice(lastStart, b.numRows));
    }

    /** The output of the buffer's partitions, which end at row {@code end} (the buffer's size). */
    private Iterator<ColumnBatch> flush(long end) {
        if (end == 0) {
            buffer.close();
            return Collections.emptyIterator();
        }
        long[] bounds = new long[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            bounds[i] = starts.get(i);
        }
        bounds[starts.size()] = end;
        if (buffer.spilled()) {
            return new SpilledWindowPartitions(buffer, bounds, evaluators, peers);
        }
        ColumnBatch rows = ColumnBatch.concat(types, buffer.inMemoryBatches());
        buffer.close();
        WindowPartitions parts = WindowPartitions.of(rows, evalPartitionKeys(rows), peers);
        ColumnVector[] computed = new ColumnVector[evaluators.size()];
        for (int i = 0; i < computed.length; i++) {
            computed[i] = evaluators.get(i).evaluate(parts);
        }
        return Batches.split(rows.appendColumns(new ColumnBatch(computed, rows.numRows)), batchSize).iterator();
    }

    private ColumnVector[] evalPartitionKeys(ColumnBatch b) {
        ColumnVector[] keys = new ColumnVector[partitionKeys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = partitionKeys[i].eval(b);
        }
        return keys;
    }

    private static boolean sameKeys(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = 0; k < a.length; k++) {
            if (!a[k].valueEquals(i, b[k], j)) {
                return false;
            }
        }
        return true;
    }
}
