package io.ember.dataframe.internal.physical.spill;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Sorts all the rows of batches held in memory together, stably: one sort of row indices by
 * normalized key prefixes ({@link BatchOrdering#prefixes}, full comparisons only for equal
 * prefixes; {@link PrefixIndexSort}), then the output gathered a column at a time from the
 * unsorted batches, one output batch at a time. Neither the input batches are copied to be sorted
 * nor are sorted runs merged row by row.
 */
final class BufferedBatchSort {
    private BufferedBatchSort() {
    }

    /** The rows of {@code batches} (none empty is required) in {@code ordering}, in batches of {@code batchSize} rows. */
    static Iterator<ColumnBatch> sort(List<ColumnBatch> batches, BatchOrdering ordering, List<DataType> types,
                                      int batchSize) {
        int count = batches.size();
        long total = 0;
        for (ColumnBatch b : batches) {
            total += b.numRows;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("cannot sort more than 2^31 rows in memory at once, got " + total);
        }
        int n = (int) total;
        ColumnVector[][] keys = new ColumnVector[count][];
        int[] start = new int[count];
        int[] batchOf = new int[n];
        long[] prefix = new long[n];
        boolean prefixed = true;
        int at = 0;
        for (int b = 0; b < count; b++) {
            ColumnBatch batch = batches.get(b);
            keys[b] = ordering.evalKeys(batch);
            start[b] = at;
            Arrays.fill(batchOf, at, at + batch.numRows, b);
            prefixed &= ordering.prefixes(keys[b], batch.numRows, prefix, at);
            at += batch.numRows;
        }
        if (!prefixed) {
            // why: prefixes must come from every batch or none; all-equal prefixes defer to compare.
            Arrays.fill(prefix, 0L);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        PrefixIndexSort.sort(idx, prefix, n, (x, y) -> {
            int bx = batchOf[x];
            int by = batchOf[y];
            int c = ordering.compare(keys[bx], x - start[bx], keys[by], y - start[by]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        return new Gathering(batches, types, batchSize, idx, batchOf, start);
    }

    /** The sorted rows gathered into output batches as they are asked for. */
    private static final class Gathering implements Iterator<ColumnBatch> {
        private final ColumnBatch[] batches;
        private final List<DataType> types;
        private final int batchSize;
        private final int[] order;
        private final int[] batchOf;
        private final int[] start;
        private int next;

        Gathering(List<ColumnBatch> batches, List<DataType> types, int batchSize, int[] order, int[] batchOf,
                  int[] start) {
            this.batches = batches.toArray(new ColumnBatch[0]);
            this.types = types;
            this.batchSize = batchSize;
            this.order = order;
            this.batchOf = batchOf;
            this.start = start;
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int n = Math.min(batchSize, order.length - next);
            int[] from = new int[n];
            int[] rows = new int[n];
            for (int k = 0; k < n; k++) {
                int g = order[next + k];
                from[k] = batchOf[g];
                rows[k] = g - start[from[k]];
            }
            next += n;
            ColumnVector[] columns = new ColumnVector[types.size()];
            ColumnVector[] sources = new ColumnVector[n];
            for (int c = 0; c < columns.length; c++) {
                for (int k = 0; k < n; k++) {
                    sources[k] = batches[from[k]].columns[c];
                }
                columns[c] = ColumnVector.gather(types.get(c), sources, rows, n);
            }
            return new ColumnBatch(columns, n);
        }
    }
}
