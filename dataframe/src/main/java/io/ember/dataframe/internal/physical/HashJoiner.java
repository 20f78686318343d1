package io.ember.dataframe.internal.physical;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.internal.ComputedIterator;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition's hash join ({@link ShuffledHashJoinExec}): the build side is loaded into a
 * hash table within the task's execution memory, then the stream side's batches probe it one by
 * one; rows of the build side that nothing matched come last, for the join types that keep them.
 *
 * <p>When the build side outgrows memory (its memory refused, or the task asks it to spill while
 * it loads), the join becomes a grace hash join: the build rows read so far, the rest of the
 * build side and then the whole stream side are written to {@value #PARTITIONS} spill
 * partitions by a second hash of the keys, and partition i of the build side is joined with
 * partition i of the stream side by a new joiner one level deeper (which partitions again, with
 * a differently salted hash, if its build side is still too large). Equal keys land in the same
 * partition and rows with a null key match nothing anywhere, so each partition's join, outer and
 * anti rows included, is exactly that partition's share of the whole join. A partition that
 * cannot shrink (one key with more rows than the memory holds) fails at level
 * {@value #MAX_LEVEL} with an error naming the operator, the sizes and the settings.
 *
 * <p>Owned by the task's thread.
 */
final class HashJoiner implements Iterator<ColumnBatch> {
    private static final Logger LOG = LoggerFactory.getLogger(HashJoiner.class);
    static final int PARTITIONS = 16;
    static final int MAX_LEVEL = 5;

    /** What the executors need, bound and plain. The build side is the right one if {@code buildRight}. */
    record Spec(Expression[] buildKeys, Expression[] streamKeys, JoinType type, boolean buildRight,
                Expression residual, List<DataType> buildTypes, List<DataType> streamTypes, int batchSize)
            implements Serializable {
        Spec {
            boolean semi = type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
            if (semi && !buildRight) {
                throw new IllegalArgumentException("a " + type + " hash join must build its right side");
            }
        }

        /** Whether rows of the build side that match nothing are in the output (padded with nulls). */
        boolean keepsUnmatchedBuild() {
            return type == JoinType.FULL_OUTER || type == (buildRight ? JoinType.RIGHT_OUTER : JoinType.LEFT_OUTER);
        }

        /** The join type of one stream batch against the whole build side: the build side's own outer part left out. */
        JoinType perStreamBatch() {
            if (type == JoinType.FULL_OUTER) {
                return buildRight ? JoinType.LEFT_OUTER : JoinType.RIGHT_OUTER;
            }
            return keepsUnmatchedBuild() ? JoinType.INNER : type;
        }
    }

    private final Spec spec;
    private final OperatorMemory memory;
    private final int level;
    private final Iterator<ColumnBatch> buildInput;
    private final Iterator<ColumnBatch> streamInput;
    private final BuildSide build;
    private final Deque<ColumnBatch> ready = new ArrayDeque<>();
    private Iterator<ColumnBatch> rest = Collections.emptyIterator();
    /** The output of the stream batch being probed, a bounded slice at a time. */
    private Iterator<ColumnBatch> probing = Collections.emptyIterator();
    private ColumnBatch rows;
    private KeyHashTable table;
    private boolean[] matched;
    private boolean loaded;
    private boolean buildDone;
    private boolean streamDone;

    HashJoiner(Spec spec, OperatorMemory memory, int level, Iterator<ColumnBatch> buildInput,
               Iterator<ColumnBatch> streamInput) {
        this.spec = spec;
        this.memory = memory;
        this.level = level;
        this.buildInput = buildInput;
        this.streamInput = streamInput;
        this.build = new BuildSide();
    }

    @Override
    public boolean hasNext() {
        if (!loaded) {
            load();
        }
        while (ready.isEmpty()) {
            if (build.grace != null) {
                if (!rest.hasNext()) {
                    return false;
                }
                ready.add(rest.next());
            } else if (probing.hasNext()) {
                ready.add(probing.next());
            } else if (!streamDone && streamInput.hasNext()) {
                probing = probe(streamInput.next());
            } else if (!streamDone) {
                streamDone = true;
                emitUnmatchedBuildRows();
                rows = null;
                table = null;
                build.close();
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private static ColumnVector[] eval(Expression[] keys, ColumnBatch b) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].eval(b);
        }
        return out;
    }

    private void load() {
        loaded = true;
        while (buildInput.hasNext()) {
            ColumnBatch b = buildInput.next();
            if (b.numRows > 0) {
                build.add(b);
            }
        }
        buildDone = true;
        if (build.grace != null) {
            partitionStreamSide();
            return;
        }
        List<ColumnBatch> held = build.batches;
        rows = held.isEmpty() ? ColumnBatch.empty(spec.buildTypes()) : ColumnBatch.concat(spec.buildTypes(), held);
        build.batches = null;
        table = KeyHashTable.of(eval(spec.buildKeys(), rows), rows.numRows);
        matched = spec.keepsUnmatchedBuild() ? new boolean[rows.numRows] : null;
    }

    private Iterator<ColumnBatch> probe(ColumnBatch stream) {
        return new BoundedProbe(table, stream, eval(spec.streamKeys(), stream), spec.batchSize(), (slice, pairs) -> {
            int[] s = pairs.first;
            int[] b = pairs.second;
            ColumnBatch left = spec.buildRight() ? slice : rows;
            ColumnBatch right = spec.buildRight() ? rows : slice;
            int[] li = spec.buildRight() ? s : b;
            int[] ri = spec.buildRight() ? b : s;
            int m = JoinCore.keepMatching(left, right, li, ri, pairs.size, spec.residual());
            if (matched != null) {
                for (int p = 0; p < m; p++) {
                    matched[b[p]] = true;
                }
            }
            return JoinCore.assemble(left, right, li, ri, m, spec.perStreamBatch());
        });
    }

    private void emitUnmatchedBuildRows() {
        if (matched == null) {
            return;
        }
        int[] idx = new int[spec.batchSize()];
        int k = 0;
        for (int r = 0; r <= matched.length; r++) {
            if (k == idx.length || (r == matched.length && k > 0)) {
                ready.add(padded(rows.select(idx, k)));
                k = 0;
            }
            if (r < matched.length && !matched[r]) {
                idx[k++] = r;
            }
        }
    }

    private ColumnBatch padded(ColumnBatch buildRows) {
        int[] none = new int[buildRows.numRows];
        Arrays.fill(none, -1);
        ColumnBatch nulls = ColumnBatch.empty(spec.streamTypes()).select(none, none.length);
        return spec.buildRight() ? nulls.appendColumns(buildRows) : buildRows.appendColumns(nulls);
    }

    private void partitionStreamSide() {
        PartitionedSpill buildParts = build.grace;
        buildParts.flushAll();
        PartitionedSpill streamParts = new PartitionedSpill(PARTITIONS, level, buildParts.chunkBytes(), build, memory,
                "hashjoin-stream");
        while (streamInput.hasNext()) {
            ColumnBatch b = streamInput.next();
            streamParts.add(b, eval(spec.streamKeys(), b));
        }
        streamParts.flushAll();
        LOG.info("ShuffledHashJoinExec of task {} became a grace hash join: build side {}; stream side {}",
                memory.memory().taskId(), buildParts.describe(), streamParts.describe());
        streamDone = true;
        rest = new PartitionJoins(buildParts, streamParts);
    }

    /** The joins of the spilled partitions, one after the other, one level deeper. */
    private final class PartitionJoins extends ComputedIterator<ColumnBatch> {
        private final PartitionedSpill buildParts;
        private final PartitionedSpill streamParts;
        private int next;
        private Iterator<ColumnBatch> current = Collections.emptyIterator();

        PartitionJoins(PartitionedSpill buildParts, PartitionedSpill streamParts) {
            this.buildParts = buildParts;
            this.streamParts = streamParts;
        }

        @Override
        protected ColumnBatch computeNext() {
            while (!current.hasNext()) {
                if (next == PARTITIONS) {
                    build.close();
                    return null;
                }
                int p = next++;
                boolean anyOutput = streamParts.hasRows(p) || (buildParts.hasRows(p) && spec.keepsUnmatchedBuild());
                if (anyOutput) {
                    current = new HashJoiner(spec, memory, level + 1, buildParts.read(p), streamParts.read(p));
                } else {
                    buildParts.discard(p);
                }
            }
            return current.next();
        }
    }

    /** The build side's rows in memory, or (once it outgrew memory) its spill partitions. */
    private final class BuildSide extends MemoryConsumer {
        List<ColumnBatch> batches = new ArrayList<>();
        PartitionedSpill grace;
        private boolean busy;

        BuildSide() {
            super(memory.memory(), "ShuffledHashJoinExec");
        }

        /**
         * Memory for a build batch: its rows, their copy into one batch, and their share of the
         * table (and a margin per row for the object headers that the batch's estimate leaves out).
         */
        private long cost(ColumnBatch b) {
            return 2 * b.estimatedBytes() + 48L * b.numRows;
        }

        void add(ColumnBatch b) {
            if (grace == null) {
                long bytes = cost(b);
                boolean granted = tryAcquire(bytes);
                if (granted && grace == null) {
                    batches.add(b);
                    return;
                }
                if (granted) {
                    freeMemory(bytes); // the task made this side spill while granting: the batch goes to disk too
                }
                if (grace == null && level < MAX_LEVEL) {
                    toDisk();
                }
                if (grace == null) {
                    acquireOrFail(bytes);
                    batches.add(b);
                    return;
                }
            }
            grace.add(b, eval(spec.buildKeys(), b));
        }

        private void toDisk() {
            busy = true;
            try {
                long chunk = Math.max(64 * 1024, Math.min(4L << 20, used() / (2L * PARTITIONS)));
                grace = new PartitionedSpill(PARTITIONS, level, chunk, this, memory,
                        "hashjoin-build");
                List<ColumnBatch> held = batches;
                batches = null;
                freeAll();
                for (ColumnBatch b : held) {
                    grace.add(b, eval(spec.buildKeys(), b));
                }
                grace.flushAll();
            } finally {
                busy = false;
            }
        }

        @Override
        public long spill(long size, MemoryConsumer trigger) {
            if (busy || buildDone || grace != null || batches.isEmpty() || level >= MAX_LEVEL) {
                return 0;
            }
            long freed = used();
            toDisk();
            return freed;
        }
    }
}
