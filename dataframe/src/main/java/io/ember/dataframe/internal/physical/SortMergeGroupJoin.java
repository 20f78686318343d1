package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The join of one key's rows when they are too many for a chunk of {@link SortMergeJoiner}: the
 * right side's rows of the key are in a {@link SpillableBatchBuffer} (so more of them than memory
 * still works), the left side's come as a stream of chunks of about a batch; each left chunk is
 * paired with every right row by one pass over the buffer, a right batch at a time. Output is
 * produced lazily, a left chunk and a right batch at a time, as the join type asks: matched pairs
 * (passing the residual condition), then the chunk's unmatched (or, for semi joins, matched) left
 * rows; after the last chunk, a last pass pads the right rows no left row matched.
 */
final class SortMergeGroupJoin implements Iterator<ColumnBatch> {
    private final Iterator<ColumnBatch> leftChunks;
    private final SpillableBatchBuffer right;
    private final JoinType type;
    private final Expression residual;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    private final boolean pairsOut;
    private final boolean keepUnmatchedRight;
    private final BitSet rightMatched = new BitSet();
    private final ArrayDeque<ColumnBatch> ready = new ArrayDeque<>();
    private ColumnBatch leftChunk;
    private boolean[] leftMatched;
    private Iterator<ColumnBatch> rightPass = Collections.emptyIterator();
    private long rightBase;
    /** The last pass, over the right rows to pad; null until every left chunk is done. */
    private Iterator<ColumnBatch> padPass;
    private boolean done;

    /**
     * Joins the key's left rows {@code leftChunks} with its right rows {@code right}, closing
     * {@code right} at the end.
     */
    SortMergeGroupJoin(Iterator<ColumnBatch> leftChunks, SpillableBatchBuffer right, JoinType type,
                       Expression residual, List<DataType> leftTypes, List<DataType> rightTypes) {
        this.leftChunks = leftChunks;
        this.leftTypes = leftTypes;
        this.rightTypes = rightTypes;
        this.right = right;
        this.type = type;
        this.residual = residual;
        this.pairsOut = type != JoinType.LEFT_SEMI && type != JoinType.LEFT_ANTI;
        this.keepUnmatchedRight = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !done) {
            step();
        }
        return !ready.isEmpty();
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** One left chunk against one right batch, or the end of a pass, or the last pass. */
    private void step() {
        if (leftChunk != null && rightPass.hasNext()) {
            ColumnBatch r = rightPass.next();
            pair(leftChunk, r);
            rightBase += r.numRows;
            return;
        }
        if (leftChunk != null) {
            finishLeftChunk();
            leftChunk = null;
        }
        if (leftChunks.hasNext()) {
            leftChunk = leftChunks.next();
            leftMatched = new boolean[leftChunk.numRows];
            rightPass = right.read();
            rightBase = 0;
            return;
        }
        if (keepUnmatchedRight && padPass == null) {
            padPass = right.read();
            rightBase = 0;
        }
        if (padPass != null && padPass.hasNext()) {
            ColumnBatch r = padPass.next();
            padUnmatchedRight(r);
            rightBase += r.numRows;
            return;
        }
        right.close();
        done = true;
    }

    private void pair(ColumnBatch left, ColumnBatch r) {
        int n = r.numRows;
        int[] li = new int[n];
        int[] ri = new int[n];
        for (int l = 0; l < left.numRows; l++) {
            for (int j = 0; j < n; j++) {
                li[j] = l;
                ri[j] = j;
            }
            int m = n;
            if (residual != null) {
                ColumnVector keep = residual.eval(left.select(li, n).appendColumns(r));
                m = 0;
                for (int j = 0; j < n; j++) {
                    if (!keep.isNull(j) && Boolean.TRUE.equals(keep.get(j))) {
                        li[m] = l;
                        ri[m++] = j;
                    }
                }
            }
            if (m == 0) {
                continue;
            }
            leftMatched[l] = true;
            if (keepUnmatchedRight) {
                for (int k = 0; k < m; k++) {
                    rightMatched.set(Math.toIntExact(rightBase + ri[k]));
                }
            }
            if (pairsOut) {
                ready.add(left.select(li, m).appendColumns(r.select(ri, m)));
            }
        }
    }

    /** The chunk's left rows the join type keeps once every right row was seen. */
    private void finishLeftChunk() {
        boolean keepMatched = type == JoinType.LEFT_SEMI;
        boolean keepUnmatched = type == JoinType.LEFT_ANTI || type == JoinType.LEFT_OUTER
                || type == JoinType.FULL_OUTER;
        if (!keepMatched && !keepUnmatched) {
            return;
        }
        int[] rows = new int[leftChunk.numRows];
        int m = 0;
        for (int l = 0; l < rows.length; l++) {
            if (leftMatched[l] == keepMatched) {
                rows[m++] = l;
            }
        }
        if (m == 0) {
            return;
        }
        ColumnBatch kept = leftChunk.select(rows, m);
        ready.add(pairsOut ? kept.appendColumns(nulls(rightTypes, m)) : kept);
    }

    /** The rows of right batch {@code r} (at {@code rightBase}) that no left row matched, padded. */
    private void padUnmatchedRight(ColumnBatch r) {
        int[] rows = new int[r.numRows];
        int m = 0;
        for (int j = 0; j < r.numRows; j++) {
            if (!rightMatched.get(Math.toIntExact(rightBase + j))) {
                rows[m++] = j;
            }
        }
        if (m > 0) {
            ready.add(nulls(leftTypes, m).appendColumns(r.select(rows, m)));
        }
    }

    /** {@code m} rows of nulls of {@code types}. */
    private static ColumnBatch nulls(List<DataType> types, int m) {
        int[] none = new int[m];
        Arrays.fill(none, -1);
        return ColumnBatch.empty(types).select(none, m);
    }
}
