package io.ember.rdd.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over what {@link #computeNext} returns until it returns null: the one skeleton for
 * iterators that find their next element by work of their own (readers, join probes).
 */
public abstract class ComputedIterator<T> implements Iterator<T> {
    private T next;
    private boolean done;

    /** The next element, or null at the end (then it is not called again). */
    protected abstract T computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }
}
