package io.ember.rdd;

import io.vavr.collection.List;
import java.util.ArrayList;

/**
 * Collects elements from tasks. The order across tasks is not defined (merges happen as tasks
 * finish). Thread-safe.
 *
 * @param <T> the element type
 */
public final class CollectionAccumulator<T> extends AccumulatorV2<T, List<T>> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<T> elements = new ArrayList<>();

    /** An empty accumulator; register it with {@link EmberContext#register(AccumulatorV2, String)}. */
    public CollectionAccumulator() {
    }

    @Override
    public synchronized boolean isZero() {
        return elements.isEmpty();
    }

    @Override
    public synchronized CollectionAccumulator<T> copy() {
        CollectionAccumulator<T> copy = new CollectionAccumulator<>();
        copy.elements.addAll(elements);
        return copy;
    }

    @Override
    public synchronized void reset() {
        elements.clear();
    }

    @Override
    public synchronized void add(T v) {
        elements.add(v);
    }

    @Override
    public void merge(AccumulatorV2<T, List<T>> other) {
        if (!(other instanceof CollectionAccumulator<T> o)) {
            throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with " + other);
        }
        List<T> added = o.value();
        synchronized (this) {
            added.forEach(elements::add);
        }
    }

    /** A snapshot of the elements. */
    @Override
    public synchronized List<T> value() {
        return List.ofAll(elements);
    }
}
