package io.ember.rdd.internal.shuffle;

import io.ember.actors.internal.memory.MemoryConsumer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What a sort and an aggregation share as consumers of their task's execution memory: they ask
 * for memory as their buffer grows, in chunks ({@value #CHUNK} bytes or a sixteenth of what they
 * hold, whichever is larger, so that a growing buffer asks about a hundred times from 1 MiB to
 * 1 GiB, not once per record), and spill when refused, when their cap is reached, or when
 * another consumer of the task needs the memory.
 *
 * <p>A buffer that cannot get even one chunk while it holds less than that fails with
 * {@link io.ember.actors.internal.memory.MemoryUnavailableException} (naming the operator, the sizes and
 * the settings): spilling would then write a file every few records.
 */
abstract class SpillingBuffer extends MemoryConsumer {
    /** The smallest amount of memory asked for at once. */
    static final long CHUNK = 1L << 20;

    private final long cap;
    private long spilledBytes;

    /** A buffer named {@code name} of {@code spill}'s task, holding at most {@code spill.memoryBudget()}. */
    SpillingBuffer(SpillContext spill, String name) {
        super(spill.memory(), name);
        this.cap = spill.memoryBudget();
    }

    /**
     * Makes the memory held cover a buffer estimated at {@code estimate} bytes: true if it does
     * now (possibly because this buffer was asked to spill meanwhile, see {@link #estimate});
     * false if the caller must spill its buffer.
     */
    final boolean reserve(long estimate) {
        if (estimate <= used()) {
            return true;
        }
        if (estimate > cap) {
            return false;
        }
        long chunk = Math.min(Math.max(CHUNK, used() / 16), cap - used());
        acquireMemory(Math.max(estimate - used(), chunk));
        if (estimate() <= used()) {
            return true;
        }
        if (estimate() < CHUNK) {
            acquireOrFail(CHUNK);
            return true;
        }
        return false;
    }

    /** The bytes the buffer holds now (it may have spilled while memory was being acquired). */
    abstract long estimate();

    /**
     * Writes the buffer as a run, or, while the output is being read, the records not yet read;
     * frees their memory. 0 if nothing is in memory.
     */
    @Override
    public final long spill(long bytes, MemoryConsumer trigger) {
        long held = used();
        SpillableIterator<?> reading = reading();
        if (reading != null) {
            SpillFile rest = reading.spillRest();
            if (rest == null) {
                return 0;
            }
            countSpill(held, rest);
            freeAll();
            return held;
        }
        if (bufferEmpty()) {
            return 0;
        }
        spillBuffer();
        return held;
    }

    /** The output being read, or null while records are still inserted. */
    abstract SpillableIterator<?> reading();

    /** Whether nothing is buffered in memory. */
    abstract boolean bufferEmpty();

    /** Writes the in-memory buffer as a run and frees its memory. */
    abstract void spillBuffer();

    /** Records that {@code inMemory} bytes went to disk as {@code file}. */
    final void countSpill(long inMemory, SpillFile file) {
        spilledBytes += file.bytes();
        taskMemory().recordSpill(inMemory, file.bytes());
    }

    /** Compressed bytes written to disk so far. */
    public final long spilledBytes() {
        return spilledBytes;
    }

    /** {@code records}, after whose last record this buffer frees its memory and leaves the task's consumers. */
    final <T> Iterator<T> closingAtEnd(Iterator<T> records) {
        return new Iterator<>() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                boolean more = !closed && records.hasNext();
                if (!more && !closed) {
                    closed = true;
                    close();
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return records.next();
            }
        };
    }
}
