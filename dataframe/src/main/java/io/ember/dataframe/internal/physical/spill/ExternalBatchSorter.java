package io.ember.dataframe.internal.physical.spill;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.shuffle.SpillContext;
import io.ember.rdd.internal.shuffle.SpillFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sorts a stream of column batches that may be larger than memory, as Spark's
 * {@code UnsafeExternalSorter} does for rows.
 *
 * <p>Design notes. Each inserted batch is kept as it comes, after asking the task's memory manager
 * for its {@link ColumnBatch#estimatedBytes()} and the sort's working arrays for its rows
 * ({@link BufferedBatchSort#WORKING_BYTES_PER_ROW}). The kept batches are then ordered all together
 * ({@link BufferedBatchSort}: one index sort on normalized key prefixes, then a gather per
 * column), rather than each sorted and then merged row by row through a heap; sorting each batch
 * first as well was measured to gain nothing (W7's full sort, same machine, alternating). When
 * memory is refused (or
 * another consumer of the task asks, through {@link #spill}), the kept batches, so sorted, are
 * written as one run with {@link SpillFile} and their memory is given back. The output is the
 * kept batches sorted if nothing was spilled, else a k-way merge ({@link RunMerger}) of the runs
 * on disk and that sorted remainder, reading one batch per run at a time; with more than
 * {@code fanIn} runs on disk, the oldest are first merged into one run, in passes. The sort is
 * stable and every merge breaks ties by run order, so the whole sort is stable. Memory of the
 * kept batches is freed once the output has passed all of them (any output row may come from
 * any of them); the consumer closes itself when its output is exhausted (and the task's end
 * frees and deletes whatever is left if it is not).
 *
 * <p>Owned by one task's thread: {@link #insert}, {@link #sortedBatches} and {@link #spill} run on it.
 */
public final class ExternalBatchSorter extends MemoryConsumer {
    /** Runs merged at once: each holds one batch in memory while merging. */
    public static final int DEFAULT_FAN_IN = 64;

    private final BatchOrdering ordering;
    private final List<DataType> types;
    private final int batchSize;
    private final Supplier<SpillContext> spillContext;
    private final int fanIn;
    private final List<ColumnBatch> inMemory = new ArrayList<>();
    private final List<SpillFile> runs = new ArrayList<>();
    private long bufferedBytes;
    private boolean merging;

    /**
     * A sorter named {@code name} (the operator, in errors and metrics) drawing on {@code memory},
     * writing spill files where {@code spillContext} says, producing batches of {@code batchSize} rows.
     */
    public ExternalBatchSorter(TaskMemoryManager memory, String name, BatchOrdering ordering, List<DataType> types,
                               int batchSize, Supplier<SpillContext> spillContext, int fanIn) {
        super(memory, name);
        if (batchSize <= 0 || fanIn < 2) {
            throw new IllegalArgumentException("batch size must be positive and fan-in at least 2, was " + batchSize
                    + " and " + fanIn);
        }
        this.ordering = ordering;
        this.types = types;
        this.batchSize = batchSize;
        this.spillContext = spillContext;
        this.fanIn = fanIn;
    }

    /** A sorter of the task running on this thread. */
    public static ExternalBatchSorter forTask(String name, BatchOrdering ordering, List<DataType> types,
                                              int batchSize) {
        return new ExternalBatchSorter(TaskScope.taskMemory(), name, ordering, types, batchSize,
                SpillContext::current, DEFAULT_FAN_IN);
    }

    /** Sorts {@code it} completely and returns its rows in order. */
    public static Iterator<ColumnBatch> sort(Iterator<ColumnBatch> it, String name, BatchOrdering ordering,
                                             List<DataType> types, int batchSize) {
        ExternalBatchSorter sorter = forTask(name, ordering, types, batchSize);
        while (it.hasNext()) {
            sorter.insert(it.next());
        }
        return sorter.sortedBatches();
    }

    /**
     * Adds the rows of {@code batch}, spilling what is buffered if its memory cannot be had.
     *
     * @throws io.ember.actors.internal.memory.MemoryUnavailableException if the batch alone cannot be had
     */
    public void insert(ColumnBatch batch) {
        if (merging) {
            throw new IllegalStateException(name() + ": rows inserted after the sorted output was asked for");
        }
        if (batch.numRows == 0) {
            return;
        }
        long bytes = batch.estimatedBytes() + BufferedBatchSort.WORKING_BYTES_PER_ROW * batch.numRows;
        // Asking may spill this sorter (the task manager asks the requester last); a single batch must fit.
        acquireOrFail(bytes);
        inMemory.add(batch);
        bufferedBytes += bytes;
    }

    /** Runs written to disk so far. */
    public int spilledRuns() {
        return runs.size();
    }

    @Override
    public long spill(long size, MemoryConsumer trigger) {
        if (merging || inMemory.isEmpty()) {
            return 0; // why: while merging, the batches in memory are being read by the output
        }
        long freed = bufferedBytes;
        Iterator<ColumnBatch> merged = BufferedBatchSort.sort(inMemory, ordering, types, batchSize);
        SpillContext ctx = spillContext.get();
        SpillFile run = SpillFile.write(ctx.store(), "sort", merged, (b, out) -> out.write(b));
        runs.add(run);
        taskMemory().recordSpill(freed, run.bytes());
        inMemory.clear();
        bufferedBytes = 0;
        freeMemory(freed);
        return freed;
    }

    /**
     * Every row inserted, sorted, in batches of the batch size. Call once, after the last insert;
     * what remains in memory is freed as the output passes it.
     */
    public Iterator<ColumnBatch> sortedBatches() {
        if (merging) {
            throw new IllegalStateException(name() + ": the sorted output was already asked for");
        }
        while (runs.size() > fanIn) {
            mergeOldestRuns();
        }
        merging = true;
        ClassLoader loader = runs.isEmpty() ? null : spillContext.get().loader();
        List<Iterator<ColumnBatch>> all = new ArrayList<>();
        for (SpillFile run : runs) {
            all.add(run.read(loader));
        }
        runs.clear();
        if (!inMemory.isEmpty()) {
            all.add(sortedInMemory());
        }
        if (all.isEmpty()) {
            close();
            return Collections.emptyIterator();
        }
        Iterator<ColumnBatch> out = all.size() == 1 ? all.get(0) : new RunMerger(all, ordering, types, batchSize);
        return new ClosingIterator(out);
    }

    /** Merges the {@code fanIn} oldest runs on disk into one in their place (not a spill: no memory is freed). */
    private void mergeOldestRuns() {
        SpillContext ctx = spillContext.get();
        List<SpillFile> oldest = new ArrayList<>(runs.subList(0, fanIn));
        List<Iterator<ColumnBatch>> readers = new ArrayList<>();
        for (SpillFile f : oldest) {
            readers.add(f.read(ctx.loader()));
        }
        SpillFile merged = SpillFile.write(ctx.store(), "sort-merge",
                new RunMerger(readers, ordering, types, batchSize), (b, out) -> out.write(b));
        runs.subList(0, fanIn).clear();
        runs.add(0, merged);
    }

    /**
     * The batches held in memory sorted together, as one run; their memory is freed (and the
     * sorter forgets them) once the run is exhausted, as any of its batches may draw on all of them.
     */
    private Iterator<ColumnBatch> sortedInMemory() {
        Iterator<ColumnBatch> sorted = BufferedBatchSort.sort(new ArrayList<>(inMemory), ordering, types, batchSize);
        inMemory.clear();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = sorted.hasNext();
                if (!more && bufferedBytes > 0) {
                    freeMemory(bufferedBytes);
                    bufferedBytes = 0;
                }
                return more;
            }

            @Override
            public ColumnBatch next() {
                return sorted.next();
            }
        };
    }

    /** The output, closing the sorter (leaving the task's consumers) when exhausted. */
    private final class ClosingIterator implements Iterator<ColumnBatch> {
        private final Iterator<ColumnBatch> merged;
        private boolean closed;

        ClosingIterator(Iterator<ColumnBatch> merged) {
            this.merged = merged;
        }

        @Override
        public boolean hasNext() {
            boolean more = merged.hasNext();
            if (!more && !closed) {
                closed = true;
                close();
            }
            return more;
        }

        @Override
        public ColumnBatch next() {
            return merged.next();
        }
    }
}
