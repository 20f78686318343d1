package io.ember.dataframe.internal.physical.spill;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.shuffle.SpillContext;
import io.ember.rdd.internal.shuffle.SpillFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An append-only sequence of column batches that may outgrow memory and can be read from the
 * start any number of times, several readers at once: Spark's
 * {@code ExternalAppendOnlyUnsafeRowArray}, for a window partition's rows or a join's rows of one
 * key.
 *
 * <p>Design notes. Appending asks the task's memory manager for the batch's
 * {@link ColumnBatch#estimatedBytes()}; when memory is refused or another consumer asks, the
 * batches in memory are written as one more {@link SpillFile} and freed. A reader goes through
 * the files in order (opening one at a time, keeping them for later readers) and then the
 * batches in memory, holding none of them beyond the one it returned. {@link #close} deletes the files and frees the
 * memory; the task's end deletes the files anyway.
 *
 * <p>Owned by one task's thread.
 */
public final class SpillableBatchBuffer extends MemoryConsumer {
    private final Supplier<SpillContext> spillContext;
    private final List<SpillFile> files = new ArrayList<>();
    /** The first batch (counting every batch appended) of each file. */
    private final List<Long> fileFirst = new ArrayList<>();
    private final List<ColumnBatch> inMemory = new ArrayList<>();
    /** The number (counting every batch appended) of the first batch in memory. */
    private long inMemoryFirst;
    private long batches;
    private long inMemoryBytes;
    private long numRows;

    /** A buffer named {@code name} (the operator, in errors and metrics) drawing on {@code memory}. */
    public SpillableBatchBuffer(TaskMemoryManager memory, String name, Supplier<SpillContext> spillContext) {
        super(memory, name);
        this.spillContext = spillContext;
    }

    /** A buffer of the task running on this thread. */
    public static SpillableBatchBuffer forTask(String name) {
        return new SpillableBatchBuffer(TaskScope.taskMemory(), name, SpillContext::current);
    }

    /**
     * Adds {@code batch} at the end, spilling what is in memory if its memory cannot be had.
     *
     * @throws io.ember.actors.internal.memory.MemoryUnavailableException if the batch alone cannot be had
     */
    public void append(ColumnBatch batch) {
        if (batch.numRows == 0) {
            return;
        }
        long bytes = batch.estimatedBytes();
        acquireOrFail(bytes);
        inMemory.add(batch);
        batches++;
        inMemoryBytes += bytes;
        numRows += batch.numRows;
    }

    /** Rows appended. */
    public long numRows() {
        return numRows;
    }

    /** Whether any rows are on disk. */
    public boolean spilled() {
        return !files.isEmpty();
    }

    /** The batches, when none is on disk. */
    public List<ColumnBatch> inMemoryBatches() {
        if (spilled()) {
            throw new IllegalStateException(name() + ": the buffer spilled; read it instead");
        }
        return Collections.unmodifiableList(new ArrayList<>(inMemory));
    }

    @Override
    public long spill(long size, MemoryConsumer trigger) {
        if (inMemory.isEmpty()) {
            return 0;
        }
        long freed = inMemoryBytes;
        SpillFile file = SpillFile.write(spillContext.get().store(), "buffer", new ArrayList<>(inMemory).iterator(),
                (b, out) -> out.write(b));
        files.add(file);
        fileFirst.add(inMemoryFirst);
        taskMemory().recordSpill(freed, file.bytes());
        inMemoryFirst += inMemory.size();
        inMemory.clear();
        inMemoryBytes = 0;
        freeMemory(freed);
        return freed;
    }

    /**
     * The batches appended so far, in order; the files are kept for other readers. A reader
     * holds no batch it has not returned: once the batches in memory are spilled, it reads them
     * from the new file (skipping to where it was), so that spilling frees them.
     */
    public Iterator<ColumnBatch> read() {
        return new Reader(batches);
    }

    /** A pass over the first {@code limit} batches. */
    private final class Reader implements Iterator<ColumnBatch> {
        private final long limit;
        private long next;
        private int file = -1;
        private Iterator<ColumnBatch> fileBatches;
        /** The batch {@code fileBatches} returns next. */
        private long fileNext;

        Reader(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean hasNext() {
            return next < limit;
        }

        @Override
        public ColumnBatch next() {
            if (next >= limit) {
                throw new NoSuchElementException();
            }
            if (next >= inMemoryFirst) {
                return inMemory.get((int) (next++ - inMemoryFirst));
            }
            int k = fileOf(next);
            if (k != file || fileNext != next) {
                file = k;
                fileBatches = files.get(k).readAgainLater(spillContext.get().loader());
                fileNext = fileFirst.get(k);
                while (fileNext < next) {
                    fileBatches.next(); // why: the batches were in memory when this reader passed them
                    fileNext++;
                }
            }
            ColumnBatch b = fileBatches.next();
            fileNext++;
            next++;
            if (fileNext == fileFirst.get(k) + files.get(k).records()) {
                fileBatches.hasNext(); // reads the end of the file, which closes it
                file = -1;
            }
            return b;
        }

        private int fileOf(long batch) {
            int k = files.size() - 1;
            while (fileFirst.get(k) > batch) {
                k--;
            }
            return k;
        }
    }

    /** Deletes the files and frees the memory; the buffer is empty and may be reused. */
    public void clear() {
        for (SpillFile f : files) {
            f.delete();
        }
        files.clear();
        fileFirst.clear();
        inMemory.clear();
        inMemoryFirst = 0;
        batches = 0;
        inMemoryBytes = 0;
        numRows = 0;
        freeAll();
    }

    @Override
    public void close() {
        clear();
        super.close();
    }
}
