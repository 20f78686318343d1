package io.ember.dataframe.internal.physical.spill;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A k-way merge of sorted runs (each a stream of sorted batches) into batches of a fixed number of
 * rows. Holds one batch per run at a time: a run's next batch is read only when its current one is
 * used up. Rows that compare equal come out in run order, so merging the runs of a stable sort in
 * the order they were made is stable too.
 */
final class RunMerger implements Iterator<ColumnBatch> {
    private final BatchOrdering ordering;
    private final List<DataType> types;
    private final int batchSize;
    private final PriorityQueue<Head> heads;

    RunMerger(List<Iterator<ColumnBatch>> runs, BatchOrdering ordering, List<DataType> types, int batchSize) {
        this.ordering = ordering;
        this.types = types;
        this.batchSize = batchSize;
        this.heads = new PriorityQueue<>(Math.max(1, runs.size()), this::compare);
        for (int r = 0; r < runs.size(); r++) {
            Head h = new Head(r, runs.get(r));
            if (h.advanceBatch(ordering)) {
                heads.add(h);
            }
        }
    }

    private int compare(Head a, Head b) {
        int c = ordering.compare(a.keys, a.row, b.keys, b.row);
        return c != 0 ? c : Integer.compare(a.run, b.run);
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public ColumnBatch next() {
        if (heads.isEmpty()) {
            throw new NoSuchElementException();
        }
        ColumnBatch[] from = new ColumnBatch[batchSize];
        int[] rows = new int[batchSize];
        int n = 0;
        while (n < batchSize && !heads.isEmpty()) {
            Head h = heads.poll();
            from[n] = h.batch;
            rows[n++] = h.row;
            if (h.advanceRow(ordering)) {
                heads.add(h);
            }
        }
        return gather(from, rows, n);
    }

    /** The picked rows, in pick order, as one batch. */
    private ColumnBatch gather(ColumnBatch[] from, int[] rows, int n) {
        ColumnVector[] columns = new ColumnVector[types.size()];
        ColumnVector[] sources = new ColumnVector[n];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < n; i++) {
                sources[i] = from[i].columns[c];
            }
            columns[c] = ColumnVector.gather(types.get(c), sources, rows, n);
        }
        return new ColumnBatch(columns, n);
    }

    /** The current row of one run. */
    private static final class Head {
        final int run;
        final Iterator<ColumnBatch> batches;
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;

        Head(int run, Iterator<ColumnBatch> batches) {
            this.run = run;
            this.batches = batches;
        }

        /** Moves to the first row of the run's next non-empty batch; false at the run's end. */
        boolean advanceBatch(BatchOrdering ordering) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                if (b.numRows > 0) {
                    batch = b;
                    keys = ordering.evalKeys(b);
                    row = 0;
                    return true;
                }
            }
            batch = null;
            keys = null;
            return false;
        }

        boolean advanceRow(BatchOrdering ordering) {
            return ++row < batch.numRows || advanceBatch(ordering);
        }
    }
}
