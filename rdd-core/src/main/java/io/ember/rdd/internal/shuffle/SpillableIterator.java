package io.ember.rdd.internal.shuffle;

import java.util.Iterator;
import java.util.function.Function;

/**
 * An iterator over records held in memory that can, between two calls to {@link #next}, write
 * what it has not yet returned to a spill file and go on from there: how a sort or an
 * aggregation gives back its memory while its output is being read (Spark's
 * {@code SpillableIterator}). Owned by the task's thread, like its structure.
 *
 * @param <T> the record type
 */
final class SpillableIterator<T> implements Iterator<T> {
    private final SpillContext spill;
    private final String prefix;
    private final SpillFile.RecordWriter writer;
    private final Function<Iterator<Object>, Iterator<T>> readBack;
    private Iterator<T> source;
    private boolean inMemory = true;

    /**
     * Iterates {@code inMemory}; a spill writes each remaining record with {@code writer} and
     * reads them back through {@code readBack}.
     */
    SpillableIterator(Iterator<T> inMemory, SpillContext spill, String prefix, SpillFile.RecordWriter writer,
                      Function<Iterator<Object>, Iterator<T>> readBack) {
        this.source = inMemory;
        this.spill = spill;
        this.prefix = prefix;
        this.writer = writer;
        this.readBack = readBack;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public T next() {
        return source.next();
    }

    /**
     * Writes the records not yet returned to disk and drops the in-memory ones: the file, or null
     * if the records were already on disk or all returned.
     */
    SpillFile spillRest() {
        if (!inMemory || !source.hasNext()) {
            return null;
        }
        inMemory = false;
        SpillFile file = SpillFile.write(spill.store(), prefix, source, writer);
        source = readBack.apply(file.read(spill.loader()));
        return file;
    }
}
