package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.rdd.internal.ComputedIterator;

/**
 * One stream batch probing a hash join's table a slice of rows at a time, so that an output batch
 * holds about {@code maxPairs} matches however many build rows a key matches: a key repeated on
 * both sides can turn a batch of 4,096 stream rows into millions of pairs, which as one batch
 * would exhaust the heap. A slice ends with the row whose matches reach the bound; one row's
 * matches are never split, so the join type sees each stream row's matches together (an outer,
 * semi or anti join decides per stream row).
 */
final class BoundedProbe extends ComputedIterator<ColumnBatch> {
    /** Builds the output of one slice of stream rows from its pairs (stream row within the slice, build row). */
    interface SliceJoin {
        ColumnBatch join(ColumnBatch streamSlice, PairBuffer pairs);
    }

    private final KeyHashTable.Probe probe;
    private final ColumnBatch stream;
    private final int maxPairs;
    private final SliceJoin sliceJoin;
    private int from;

    BoundedProbe(KeyHashTable table, ColumnBatch stream, ColumnVector[] streamKeys, int maxPairs, SliceJoin sliceJoin) {
        this.probe = table.probeOf(streamKeys, stream.numRows);
        this.stream = stream;
        this.maxPairs = Math.max(1, maxPairs);
        this.sliceJoin = sliceJoin;
    }

    @Override
    protected ColumnBatch computeNext() {
        while (from < stream.numRows) {
            PairBuffer pairs = new PairBuffer();
            int end = probe.probe(from, stream.numRows, pairs, maxPairs);
            ColumnBatch slice = from == 0 && end == stream.numRows ? stream : stream.slice(from, end);
            from = end;
            ColumnBatch out = sliceJoin.join(slice, pairs);
            if (out.numRows > 0) {
                return out;
            }
        }
        return null;
    }
}
