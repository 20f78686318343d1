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
 * prefixes; {@link PrefixIndexSort}), then the output gathered a column at a time, one output
 * batch at a time. Rows that compare equal keep the order of the batches and of their rows.
 */
final class BufferedBatchSort {
    /**
     * Bytes of working arrays the sort allocates per row held, at most: the row's batch (4), its
     * first and second key prefixes (8 + 8), its index (4), and the radix passes' and the
     * comparison runs' buffers of indices and prefixes (12 + 12). A sorter reserves this for
     * every row it keeps, besides the rows themselves, so that sorting what it holds stays within
     * what the task was granted.
     */
    static final long WORKING_BYTES_PER_ROW = 48;

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
        int at = 0;
        for (int b = 0; b < count; b++) {
            ColumnBatch batch = batches.get(b);
            keys[b] = ordering.evalKeys(batch);
            start[b] = at;
            Arrays.fill(batchOf, at, at + batch.numRows, b);
            at += batch.numRows;
        }
        int keyCount = count == 0 ? 0 : keys[0].length;
        long[] prefix = new long[n];
        int first = prefixes(batches, keys, ordering, 0, prefix);
        // When the first key's prefixes are exact, rows with equal ones are equal on it: the second
        // key's prefixes then decide most ties without reading the rows.
        long[] second = first == BatchOrdering.EXACT_PREFIX && keyCount > 1 ? new long[n] : null;
        int secondKind = second == null ? BatchOrdering.NO_PREFIX : prefixes(batches, keys, ordering, 1, second);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        boolean seconds = secondKind != BatchOrdering.NO_PREFIX;
        int fullFrom = seconds ? (secondKind == BatchOrdering.EXACT_PREFIX ? 2 : 1)
                : (first == BatchOrdering.EXACT_PREFIX ? 1 : 0);
        PrefixIndexSort.sort(idx, prefix, n, (x, y) -> {
            if (seconds && second[x] != second[y]) {
                return second[x] < second[y] ? -1 : 1;
            }
            int c = 0;
            if (fullFrom < keyCount) {
                int bx = batchOf[x];
                int by = batchOf[y];
                c = ordering.compareFrom(keys[bx], x - start[bx], keys[by], y - start[by], fullFrom);
            }
            return c != 0 ? c : Integer.compare(x, y);
        });
        return new Gathering(batches, types, batchSize, idx, batchOf, start);
    }

    /**
     * Writes the prefixes of key {@code key} of every batch to {@code out}, and says how far they
     * go: the least of the batches' answers; without prefixes from every batch, none (all zero).
     */
    private static int prefixes(List<ColumnBatch> batches, ColumnVector[][] keys, BatchOrdering ordering, int key,
                                long[] out) {
        int kind = BatchOrdering.EXACT_PREFIX;
        int at = 0;
        for (int b = 0; b < batches.size(); b++) {
            int rows = batches.get(b).numRows;
            kind = Math.min(kind, ordering.prefixes(keys[b], key, rows, out, at));
            at += rows;
        }
        if (kind == BatchOrdering.NO_PREFIX) {
            Arrays.fill(out, 0L);
        }
        return kind;
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
