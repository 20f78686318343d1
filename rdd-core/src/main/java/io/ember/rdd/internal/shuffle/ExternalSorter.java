package io.ember.rdd.internal.shuffle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts any number of records in bounded memory: records are buffered, with execution memory
 * acquired from the task as the buffer grows; when memory is refused (or the cap of its
 * {@link SpillContext} is reached, or another consumer of the task needs the memory) the buffer
 * is sorted and written to disk as a run. At the end the runs and the last buffer are merged (a
 * k-way merge on a heap). Used for the map side of every shuffle (records ordered by reduce
 * partition) and for the reduce side of sorts.
 *
 * <p>While {@link #sorted()} is being read, a request to spill writes the in-memory records not
 * yet returned to disk and frees their memory. The memory is freed, and the sorter leaves the
 * task's consumers, once its output has been read to the end (or when the task ends).
 *
 * <p>Not thread-safe: one task's thread owns it. The sort is stable within a run; records that
 * compare equal may come out of a merge in any order.
 *
 * @param <T> the record type
 */
public final class ExternalSorter<T> extends SpillingBuffer {
    private final Comparator<? super T> order;
    private final SpillContext spill;
    private final SizeTracker size = new SizeTracker();
    private final List<SpillFile> runs = new ArrayList<>();
    private ArrayList<T> buffer = new ArrayList<>();
    private SpillableIterator<T> reading;

    /** A sorter by {@code order} drawing on {@code spill}'s task memory. */
    public ExternalSorter(Comparator<? super T> order, SpillContext spill) {
        super(spill, "ExternalSorter");
        this.order = order;
        this.spill = spill;
    }

    /** Adds a record, spilling the buffer first when memory for it is refused. */
    public void insert(T record) {
        if (reading != null) {
            throw new IllegalStateException("ExternalSorter: insert after sorted()");
        }
        buffer.add(record);
        size.add(record);
        if (!reserve(size.estimate())) {
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

    @Override
    long estimate() {
        return size.estimate();
    }

    /** Every record inserted, in order. Call once, after the last insert. */
    public Iterator<T> sorted() {
        buffer.sort(order);
        reading = new SpillableIterator<>(buffer.iterator(), spill, "sort", (record, out) -> out.write(record),
                records -> castAll(records));
        buffer = new ArrayList<>();
        if (runs.isEmpty()) {
            return closingAtEnd(reading);
        }
        List<Iterator<T>> sources = new ArrayList<>();
        for (SpillFile run : runs) {
            sources.add(run.read(spill.loader()));
        }
        sources.add(reading);
        return closingAtEnd(merge(sources, order));
    }

    @Override
    SpillableIterator<?> reading() {
        return reading;
    }

    @Override
    boolean bufferEmpty() {
        return buffer.isEmpty();
    }

    @Override
    void spillBuffer() {
        long inMemory = size.estimate();
        buffer.sort(order);
        SpillFile run = SpillFile.write(spill.store(), "sort", buffer.iterator(), (record, out) -> out.write(record));
        runs.add(run);
        buffer = new ArrayList<>();
        size.reset();
        countSpill(inMemory, run);
        freeAll();
    }

    @SuppressWarnings("unchecked")
    private static <T> Iterator<T> castAll(Iterator<Object> records) {
        return (Iterator<T>) (Iterator<?>) records;
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
