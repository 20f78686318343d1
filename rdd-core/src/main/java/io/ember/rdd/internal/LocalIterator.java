package io.ember.rdd.internal;

import io.ember.rdd.RDD;
import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code toLocalIterator}: the elements of an RDD in partition order, fetched one partition at a
 * time, each by its own job when the previous one is used up, so the driver holds at most one
 * partition (as Spark's).
 */
public final class LocalIterator<T> implements Iterator<T> {
    private final RDD<T> rdd;
    private final int numPartitions;
    private int nextPartition;
    private Iterator<T> current = Collections.emptyIterator();

    /** An iterator over {@code rdd} that has not run any job yet. */
    public LocalIterator(RDD<T> rdd) {
        this.rdd = rdd;
        this.numPartitions = rdd.getNumPartitions();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && nextPartition < numPartitions) {
            java.util.List<ArrayList<T>> parts = rdd.context().runJob(rdd, (ctx, it) -> RddActions.drain(it),
                    List.of(nextPartition));
            nextPartition++;
            current = parts.get(0).iterator();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more elements in " + rdd);
        }
        return current.next();
    }
}
