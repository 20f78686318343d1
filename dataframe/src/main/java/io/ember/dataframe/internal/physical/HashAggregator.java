package io.ember.dataframe.internal.physical;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.rdd.internal.ComputedIterator;
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
 * One partition's hash aggregation ({@link HashAggregateExec}), within the task's execution
 * memory. The group table ({@link GroupTable}) asks for memory before each batch, for the worst
 * case of every row being a new group; when it is refused it gives its memory back as follows.
 *
 * <ul>
 *   <li><b>Partial phase</b>: the groups so far go downstream as partial results, and the table
 *       starts afresh (the final phase merges partial results anyway, so nothing is written to
 *       disk; Spark and DuckDB do the same). If the table does not reduce its input (after
 *       {@value #PASS_THROUGH_MIN_ROWS} rows, more than half of them are distinct groups), it
 *       stops aggregating: every further row becomes its own partial result, without hashing.</li>
 *   <li><b>Final phase</b>: the groups (keys and partial buffers, the layout of this phase's
 *       input) are written to {@value #SPILL_PARTITIONS} spill partitions by a hash of their
 *       keys. Once the input is read, the table is written out too, and each partition is
 *       aggregated again, partition by partition, by a new aggregator one level deeper (a
 *       differently salted hash, so a partition that is still too large splits again).</li>
 * </ul>
 *
 * <p>Why hash partitions rather than sorted runs merged: the groups are not ordered, a merge
 * would need a comparison over every key type and a k-way merge of buffers, while partitions
 * reuse this very aggregator (the spilled rows are the final phase's input) and read each group
 * back exactly once. A partition that cannot shrink (one group's state larger than the memory,
 * e.g. a huge collect_list) fails at level {@value #MAX_LEVEL} with an error naming the
 * operator, the sizes and the settings.
 *
 * <p>Owned by the task's thread.
 */
final class HashAggregator implements Iterator<ColumnBatch> {
    private static final Logger LOG = LoggerFactory.getLogger(HashAggregator.class);
    static final int SPILL_PARTITIONS = 16;
    static final int MAX_LEVEL = 5;
    static final long PASS_THROUGH_MIN_ROWS = 100_000;
    private static final long CHUNK = 1L << 20;

    private final HashAggregateExec.Spec spec;
    private final OperatorMemory memory;
    private final int level;
    private final Iterator<ColumnBatch> input;
    private final GroupTable table;
    private final Deque<ColumnBatch> ready = new ArrayDeque<>();
    private Iterator<ColumnBatch> rest = Collections.emptyIterator();
    private PartitionedSpill spilled;
    private boolean passThrough;
    private boolean inputDone;
    private boolean closed;

    HashAggregator(HashAggregateExec.Spec spec, OperatorMemory memory, int level, Iterator<ColumnBatch> input) {
        this.spec = spec;
        this.memory = memory;
        this.level = level;
        this.input = input;
        this.table = new GroupTable();
    }

    private boolean partial() {
        return spec.mode() == HashAggregateExec.Mode.PARTIAL;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (!inputDone) {
                if (input.hasNext()) {
                    consume(input.next());
                } else {
                    finishInput();
                }
            } else if (rest.hasNext()) {
                ready.add(rest.next());
            } else {
                close();
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

    /** Whether the partial phase gave up aggregating (its table was not reducing the rows). */
    boolean passingThrough() {
        return passThrough;
    }

    private void consume(ColumnBatch b) {
        if (b.numRows == 0) {
            return;
        }
        ColumnVector[] keyCols = new ColumnVector[spec.keys().length];
        for (int i = 0; i < keyCols.length; i++) {
            keyCols[i] = spec.keys()[i].eval(b);
        }
        if (passThrough) {
            ready.add(passThrough(b, keyCols));
            return;
        }
        table.noteKeyBytes(keyCols, b.numRows);
        table.reserveFor(b.numRows);
        table.add(b, keyCols);
        table.settle();
        if (partial() && keyCols.length > 0 && table.rowsSeen >= PASS_THROUGH_MIN_ROWS
                && table.index.size() * 2L > table.rowsSeen) {
            passThrough = true;
            table.emitTo(ready);
        }
    }

    /** The rows of {@code b} as partial results, one group each: the table is not reducing its input. */
    private ColumnBatch passThrough(ColumnBatch b, ColumnVector[] keyCols) {
        int n = b.numRows;
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        List<ColumnVector> cols = new ArrayList<>(Arrays.asList(keyCols));
        for (int i = 0; i < spec.fns().length; i++) {
            AggState s = newState(i);
            s.update(identity, spec.inputs()[i].eval(b), n, n);
            cols.addAll(Arrays.asList(s.buffers(n)));
        }
        return new ColumnBatch(cols.toArray(new ColumnVector[0]), n);
    }

    private void finishInput() {
        inputDone = true;
        if (spilled != null) {
            if (table.index.size() > 0) {
                table.spillToDisk();
            }
            spilled.flushAll();
            close();
            LOG.info("HashAggregateExec ({} phase) of task {} spilled {}", spec.mode(), memory.memory().taskId(),
                    spilled.describe());
            rest = partial() ? spilled.read(0) : new PartitionResults(spilled);
            return;
        }
        if (level == 0) {
            table.index.ensureOneGroup();
        }
        table.emitTo(ready);
        close();
    }

    private void close() {
        if (!closed) {
            closed = true;
            table.close();
        }
    }

    private AggState newState(int i) {
        return AggState.create(spec.fns()[i], spec.inputTypes()[i], spec.resultTypes()[i], spec.distinct()[i],
                spec.ignoreNulls()[i]);
    }

    /** The results of the spilled partitions, aggregated one after the other, one level deeper. */
    private final class PartitionResults extends ComputedIterator<ColumnBatch> {
        private final PartitionedSpill partitions;
        private int next;
        private Iterator<ColumnBatch> current = Collections.emptyIterator();

        PartitionResults(PartitionedSpill partitions) {
            this.partitions = partitions;
        }

        @Override
        protected ColumnBatch computeNext() {
            while (!current.hasNext()) {
                if (next == partitions.partitions()) {
                    return null;
                }
                int p = next++;
                if (partitions.hasRows(p)) {
                    current = new HashAggregator(spec, memory, level + 1, partitions.read(p));
                }
            }
            return current.next();
        }
    }

    /** The groups of this aggregator: keys in a {@link GroupIndex}, per-function state in arrays. */
    private final class GroupTable extends MemoryConsumer {
        GroupIndex index;
        AggState[] states;
        long rowsSeen;
        private long keyBytesPerGroup = 8;
        private boolean busy;

        GroupTable() {
            super(memory.memory(), "HashAggregateExec");
            reset();
        }

        private void reset() {
            index = new GroupIndex(spec.keyTypes());
            states = new AggState[spec.fns().length];
            for (int i = 0; i < states.length; i++) {
                states[i] = newState(i);
            }
            rowsSeen = 0;
        }

        void noteKeyBytes(ColumnVector[] keyCols, int n) {
            long bytes = 0;
            for (ColumnVector k : keyCols) {
                bytes += k.estimatedBytes();
            }
            keyBytesPerGroup = Math.max(keyBytesPerGroup, (bytes + n - 1) / n);
        }

        /**
         * Bytes of the table with {@code groups} groups, counting the copy made when the groups
         * are emitted or spilled (keys and one value per buffer column), which lives beside the table
         * for a moment.
         */
        private long estimate(long groups) {
            long perGroup = 3 * keyBytesPerGroup;
            long extra = 0;
            for (AggState s : states) {
                perGroup += s.bytesPerGroup() + 16L * s.bufferTypes().size();
                extra += s.extraBytes();
            }
            return GroupIndex.lookupBytesFor(groups) + groups * perGroup + extra;
        }

        /** Holds memory for {@code rows} more groups, spilling (or emitting) first if refused. */
        void reserveFor(int rows) {
            grow(rows);
        }

        /** Holds memory for what the table holds now (collected values may exceed the reservation). */
        void settle() {
            grow(0);
        }

        private void grow(int newGroups) {
            long need = estimate((long) index.size() + newGroups) - used();
            if (need <= 0) {
                return;
            }
            if (tryAcquire(Math.max(need, Math.min(CHUNK, used() / 8)))) {
                return;
            }
            long stillNeeded = estimate((long) index.size() + newGroups) - used();
            if (stillNeeded > 0) {
                acquireOrFail(stillNeeded);
            }
        }

        void add(ColumnBatch b, ColumnVector[] keyCols) {
            int[] groups = index.groupIds(keyCols, b.numRows);
            int numGroups = index.size();
            for (int i = 0; i < states.length; i++) {
                if (partial()) {
                    states[i].update(groups, spec.inputs()[i].eval(b), b.numRows, numGroups);
                } else {
                    states[i].merge(groups, b.columns, spec.bufferOffsets()[i], b.numRows, numGroups);
                }
            }
            rowsSeen += b.numRows;
        }

        /** Every group as one batch: keys and partial buffers, or (final phase) the results. */
        private ColumnBatch groups(boolean buffers) {
            int numGroups = index.size();
            List<ColumnVector> cols = new ArrayList<>();
            for (ColumnVector key : index.keys) {
                cols.add(key.slice(0, numGroups));
            }
            for (AggState s : states) {
                if (buffers) {
                    cols.addAll(Arrays.asList(s.buffers(numGroups)));
                } else {
                    cols.add(s.result(numGroups));
                }
            }
            ColumnBatch out = new ColumnBatch(cols.toArray(new ColumnVector[0]), numGroups);
            return buffers ? out : ProjectExec.project(out, spec.resultExprs());
        }

        /** Hands the groups downstream (as results, or partial results) and empties the table. */
        void emitTo(Deque<ColumnBatch> out) {
            if (index.size() == 0) {
                return;
            }
            ColumnBatch all = groups(partial());
            reset();
            freeAll();
            out.addAll(Batches.split(all, spec.batchSize()));
        }

        /** Writes the groups (keys and buffers) to their spill partitions and empties the table. */
        long spillToDisk() {
            if (spilled == null) {
                long chunk = Math.max(64 * 1024, Math.min(4L << 20, used() / (2L * SPILL_PARTITIONS)));
                spilled = new PartitionedSpill(partial() ? 1 : SPILL_PARTITIONS, level, chunk, this, memory,
                        "hashagg");
            }
            long freed = used();
            ColumnBatch all = groups(true);
            reset();
            freeAll();
            for (ColumnBatch b : Batches.split(all, spec.batchSize())) {
                spilled.add(b, Arrays.copyOf(b.columns, spec.keyTypes().size()));
            }
            spilled.flushAll();
            return freed;
        }

        @Override
        public long spill(long size, MemoryConsumer trigger) {
            if (busy || index.size() == 0 || inputDone || spec.keys().length == 0) {
                return 0;
            }
            busy = true;
            try {
                if (partial() && trigger == this) {
                    long freed = used();
                    emitTo(ready);
                    return freed;
                }
                if (level >= MAX_LEVEL) {
                    return 0;
                }
                return spillToDisk();
            } finally {
                busy = false;
            }
        }
    }
}
