package io.ember.rdd.shuffle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts any number of records in bounded memory: records are buffered until their estimated
 * size passes the memory budget, then the buffer is sorted and written to disk as a run; at the
 * end the runs and the last buffer are merged (a k-way merge on a heap). Used for the map side
 * of every shuffle (records ordered by reduce partition) and for the reduce side of sorts.
 *
 * <p>Not thread-safe: one task's thread owns it. The sort is stable within a run; records that
 * compare equal may come out of a merge in any order.
 *
 * @param <T> the record type
 */
public final class ExternalSorter<T> {
    private final Comparator<? super T> order;
    private final SpillContext spill;
    private final SizeTracker size = new SizeTracker();
    private final List<SpillFile> runs = new ArrayList<>();
    private ArrayList<T> buffer = new ArrayList<>();
    private long spilledBytes;

    /** A sorter by {@code order} within {@code spill}'s budget. */
    public ExternalSorter(Comparator<? super T> order, SpillContext spill) {
        this.order = order;
        this.spill = spill;
    }

    /** Adds a record, spilling the buffer first when it is full. */
    public void insert(T record) {
        buffer.add(record);
        size.add(record);
        if (size.estimate() > spill.memoryBudget()) {
            spillBuffer();
        }
    }

    /** Adds every record of {@code records}. */
    public void insertAll(Iterator<? extends T> records) {
        while (records.hasNext()) {
            insert(records.next());
        }
    }

    /** How many runs were written to disk so far. */
    public int spillCount() {
        return runs.size();
    }

    /** Compressed bytes written to disk so far. */
    public long spilledBytes() {
        return spilledBytes;
    }

    /** Every record inserted, in order. Call once, after the last insert. */
    public Iterator<T> sorted() {
        buffer.sort(order);
        if (runs.isEmpty()) {
            Iterator<T> inMemory = buffer.iterator();
            buffer = new ArrayList<>();
            return inMemory;
        }
        List<Iterator<T>> sources = new ArrayList<>();
        for (SpillFile run : runs) {
            sources.add(run.read(spill.loader()));
        }
        sources.add(buffer.iterator());
        buffer = new ArrayList<>();
        return merge(sources, order);
    }

    private void spillBuffer() {
        buffer.sort(order);
        SpillFile run = SpillFile.write(spill.store(), "sort", buffer.iterator(), (record, out) -> out.write(record));
        runs.add(run);
        spilledBytes += run.bytes();
        buffer = new ArrayList<>();
        size.reset();
    }

    /** Merges sorted iterators into one sorted iterator. */
    static <T> Iterator<T> merge(List<Iterator<T>> sources, Comparator<? super T> order) {
        record Head<T>(T value, Iterator<T> rest) {
        }
        PriorityQueue<Head<T>> heap = new PriorityQueue<>(Math.max(1, sources.size()),
                (a, b) -> order.compare(a.value(), b.value()));
        for (Iterator<T> source : sources) {
            if (source.hasNext()) {
                heap.add(new Head<>(source.next(), source));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heap.isEmpty();
            }

            @Override
            public T next() {
                Head<T> head = heap.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.rest().hasNext()) {
                    heap.add(new Head<>(head.rest().next(), head.rest()));
                }
                return head.value();
            }
        };
    }
}
