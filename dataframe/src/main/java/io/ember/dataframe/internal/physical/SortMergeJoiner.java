package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The merge of a sort-merge join on one partition: reads both sides' batches, each sorted by its
 * keys, as streams and produces the joined batches as it goes.
 *
 * <p>Design notes. Rows are gathered into chunks of about a batch: unmatched rows (null keys, or
 * keys absent from the other side) and whole groups of equal keys from both sides, so that every
 * row of a chunk has all its candidate partners in the same chunk. {@link JoinCore} then applies
 * the residual condition and pads or drops unmatched rows exactly as for a whole partition, chunk
 * by chunk. Unmatched rows that the join type drops are skipped without copying. A key with more
 * than a batch of rows on either side is joined apart ({@link SortMergeGroupJoin}): its right
 * rows in a buffer that spills, its left rows streamed. What is held at a time is one chunk and
 * the input batches it points into, or one key's right rows as far as memory allows.
 */
final class SortMergeJoiner implements Iterator<ColumnBatch> {
    private final Cursor left;
    private final Cursor right;
    private final RowOrdering keyOrdering;
    private final JoinType type;
    private final Expression residual;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    private final int batchSize;
    private final boolean keepUnmatchedLeft;
    private final boolean keepUnmatchedRight;
    private static final String OPERATOR = "SortMergeJoinExec";

    private final ArrayDeque<ColumnBatch> ready = new ArrayDeque<>();
    /** The join of a skewed key, produced before anything else. */
    private Iterator<ColumnBatch> group;

    SortMergeJoiner(Iterator<ColumnBatch> sortedLeft, Iterator<ColumnBatch> sortedRight, SortMergeJoinExec.Spec spec,
                    List<DataType> leftTypes, List<DataType> rightTypes, int batchSize) {
        this.left = new Cursor(sortedLeft, spec.leftKeys());
        this.right = new Cursor(sortedRight, spec.rightKeys());
        this.keyOrdering = spec.keyOrdering();
        this.type = spec.type();
        this.residual = spec.residual();
        this.leftTypes = leftTypes;
        this.rightTypes = rightTypes;
        this.batchSize = batchSize;
        this.keepUnmatchedLeft = type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER || type == JoinType.LEFT_ANTI;
        this.keepUnmatchedRight = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (!ready.isEmpty()) {
                return true;
            }
            if (group != null) {
                if (group.hasNext()) {
                    ready.add(group.next());
                    return true;
                }
                group = null;
            }
            if (!left.hasRow() && !right.hasRow()) {
                return false;
            }
            joinNextChunk();
        }
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void joinNextChunk() {
        Chunk l = new Chunk();
        Chunk r = new Chunk();
        PairBuffer pairs = new PairBuffer();
        while (l.rows + r.rows < batchSize && (left.hasRow() || right.hasRow())) {
            if (left.hasRow() && (left.nullKey() || !right.hasRow())) {
                left.moveTo(l, keepUnmatchedLeft);
            } else if (right.hasRow() && (right.nullKey() || !left.hasRow())) {
                right.moveTo(r, keepUnmatchedRight);
            } else {
                int c = keyOrdering.compare(left.keys, left.row, right.keys, right.row);
                if (c < 0) {
                    left.moveTo(l, keepUnmatchedLeft);
                } else if (c > 0) {
                    right.moveTo(r, keepUnmatchedRight);
                } else if (matchGroup(l, r, pairs)) {
                    break; // a key with too many rows for a chunk: joined by the group join after this chunk
                }
            }
        }
        ColumnBatch out = JoinCore.join(l.build(leftTypes), r.build(rightTypes), pairs.first, pairs.second, pairs.size,
                type, residual);
        if (out.numRows > 0) {
            ready.addAll(Batches.split(out, batchSize));
        }
    }

    /**
     * Joins the rows of both sides whose keys equal the left cursor's. If each side has at most a
     * batch of them and they make at most four batches of pairs, they are moved into the chunks
     * and paired; otherwise (a skewed key) the
     * right side's rows go into a {@link SpillableBatchBuffer} and a {@link SortMergeGroupJoin}
     * joins them with the left side's, streamed, once the chunk is out. Returns whether it did so.
     */
    private boolean matchGroup(Chunk l, Chunk r, PairBuffer pairs) {
        ColumnVector[] groupKeys = left.keys;
        int groupRow = left.row;
        Chunk rightGroup = new Chunk();
        SpillableBatchBuffer rightBuffer = null;
        while (right.hasRow() && keyOrdering.compare(right.keys, right.row, groupKeys, groupRow) == 0) {
            if (rightBuffer == null && rightGroup.rows >= batchSize) {
                rightBuffer = SpillableBatchBuffer.forTask(OPERATOR);
                rightBuffer.append(rightGroup.build(rightTypes));
            }
            if (rightBuffer == null) {
                right.moveTo(rightGroup, true);
            } else {
                rightBuffer.append(right.takeRun(keyOrdering, groupKeys, groupRow));
            }
        }
        Chunk leftGroup = new Chunk();
        while (leftGroup.rows < batchSize && left.hasRow()
                && keyOrdering.compare(left.keys, left.row, groupKeys, groupRow) == 0) {
            left.moveTo(leftGroup, true);
        }
        boolean moreLeft = left.hasRow() && keyOrdering.compare(left.keys, left.row, groupKeys, groupRow) == 0;
        if (rightBuffer == null && !moreLeft && (long) leftGroup.rows * rightGroup.rows <= 4L * batchSize) {
            int l0 = l.rows;
            int r0 = r.rows;
            l.addAll(leftGroup);
            r.addAll(rightGroup);
            for (int a = l0; a < l.rows; a++) {
                for (int b = r0; b < r.rows; b++) {
                    pairs.add(a, b);
                }
            }
            return false;
        }
        if (rightBuffer == null) {
            rightBuffer = SpillableBatchBuffer.forTask(OPERATOR);
            rightBuffer.append(rightGroup.build(rightTypes));
        }
        group = new SortMergeGroupJoin(new LeftGroupChunks(leftGroup.build(leftTypes), groupKeys, groupRow),
                rightBuffer, type, residual, leftTypes, rightTypes);
        return true;
    }

    /** The left side's rows of one key in chunks of a batch: those already taken, then the rest from the cursor. */
    private final class LeftGroupChunks implements Iterator<ColumnBatch> {
        private ColumnBatch first;
        private final ColumnVector[] groupKeys;
        private final int groupRow;

        LeftGroupChunks(ColumnBatch first, ColumnVector[] groupKeys, int groupRow) {
            this.first = first;
            this.groupKeys = groupKeys;
            this.groupRow = groupRow;
        }

        private boolean inGroup() {
            return left.hasRow() && keyOrdering.compare(left.keys, left.row, groupKeys, groupRow) == 0;
        }

        @Override
        public boolean hasNext() {
            return first != null || inGroup();
        }

        @Override
        public ColumnBatch next() {
            if (first != null) {
                ColumnBatch b = first;
                first = null;
                return b;
            }
            Chunk chunk = new Chunk();
            while (chunk.rows < batchSize && inGroup()) {
                left.moveTo(chunk, true);
            }
            if (chunk.rows == 0) {
                throw new NoSuchElementException();
            }
            return chunk.build(leftTypes);
        }
    }

    /** A position in one side's stream of sorted batches, with the current batch's key columns. */
    private static final class Cursor {
        private final Iterator<ColumnBatch> input;
        private final Expression[] keyExpressions;
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;

        Cursor(Iterator<ColumnBatch> input, Expression[] keyExpressions) {
            this.input = input;
            this.keyExpressions = keyExpressions;
        }

        boolean hasRow() {
            while ((batch == null || row >= batch.numRows) && input.hasNext()) {
                batch = input.next();
                row = 0;
                keys = new ColumnVector[keyExpressions.length];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = keyExpressions[k].eval(batch);
                }
            }
            return batch != null && row < batch.numRows;
        }

        /** Whether the current row has a null key, which equals nothing. */
        boolean nullKey() {
            return KeyHashTable.anyNull(keys, row);
        }

        /**
         * The current row and those after it in the same batch whose keys equal row
         * {@code groupRow} of {@code groupKeys}, passed.
         */
        ColumnBatch takeRun(RowOrdering ordering, ColumnVector[] groupKeys, int groupRow) {
            int from = row;
            while (row < batch.numRows && ordering.compare(keys, row, groupKeys, groupRow) == 0) {
                row++;
            }
            return from == 0 && row == batch.numRows ? batch : batch.slice(from, row);
        }

        /** Passes the current row, adding it to {@code chunk} if {@code keep}. */
        void moveTo(Chunk chunk, boolean keep) {
            if (keep) {
                chunk.add(batch, row);
            }
            row++;
        }
    }

    /** Rows gathered from one side, as runs of consecutive rows of its input batches. */
    private static final class Chunk {
        private final List<ColumnBatch> batches = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();
        int rows;

        void add(ColumnBatch b, int row) {
            int last = batches.size() - 1;
            if (last >= 0 && batches.get(last) == b && ranges.get(last)[1] == row) {
                ranges.get(last)[1]++;
            } else {
                batches.add(b);
                ranges.add(new int[] {row, row + 1});
            }
            rows++;
        }

        void addAll(Chunk other) {
            for (int i = 0; i < other.batches.size(); i++) {
                int[] range = other.ranges.get(i);
                for (int row = range[0]; row < range[1]; row++) {
                    add(other.batches.get(i), row);
                }
            }
        }

        ColumnBatch build(List<DataType> types) {
            if (batches.isEmpty()) {
                return ColumnBatch.empty(types);
            }
            List<ColumnBatch> slices = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                ColumnBatch b = batches.get(i);
                int[] range = ranges.get(i);
                slices.add(range[0] == 0 && range[1] == b.numRows ? b : b.slice(range[0], range[1]));
            }
            return slices.size() == 1 ? slices.get(0) : ColumnBatch.concat(types, slices);
        }
    }
}
