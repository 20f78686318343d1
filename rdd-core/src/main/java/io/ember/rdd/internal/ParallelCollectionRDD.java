package io.ember.rdd.internal;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * A driver-side collection cut into slices. Each slice lives in its partition object, so a task
 * ships only its own slice, never the whole collection.
 */
public final class ParallelCollectionRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    private final transient Object[] data;
    private final int numSlices;

    /** Slices {@code data} into {@code numSlices} (at least 1) contiguous, near-equal slices. */
    public ParallelCollectionRDD(EmberContext sc, Iterable<? extends T> data, int numSlices) {
        super(sc);
        if (numSlices < 1) {
            throw new IllegalArgumentException("numSlices must be positive, got " + numSlices);
        }
        ArrayList<Object> copy = new ArrayList<>();
        data.forEach(copy::add);
        this.data = copy.toArray();
        this.numSlices = numSlices;
    }

    /** One slice of the collection. */
    record Slice(int index, Object[] values) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] slices = new Partition[numSlices];
        long n = data.length;
        for (int i = 0; i < numSlices; i++) {
            int start = (int) (i * n / numSlices);
            int end = (int) ((i + 1) * n / numSlices);
            Object[] values = new Object[end - start];
            System.arraycopy(data, start, values, 0, values.length);
            slices[i] = new Slice(i, values);
        }
        return slices;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterator<T> compute(Partition split, TaskContext context) {
        Object[] values = ((Slice) split).values();
        if (context instanceof io.ember.rdd.internal.scheduler.TaskContextImpl task) {
            task.metrics().addRecordsRead(values.length);
        }
        return (Iterator<T>) java.util.Arrays.asList(values).iterator();
    }
}
