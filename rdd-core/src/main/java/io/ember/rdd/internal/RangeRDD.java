package io.ember.rdd.internal;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The longs {@code start, start+step, ...} below {@code end} (above, for a negative step), generated lazily. */
public final class RangeRDD extends RDD<Long> {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long step;
    private final long count;
    private final int numSlices;

    /** Creates the range; {@code step} must not be 0. */
    public RangeRDD(EmberContext sc, long start, long end, long step, int numSlices) {
        super(sc);
        if (step == 0) {
            throw new IllegalArgumentException("range step must not be 0");
        }
        if (numSlices < 1) {
            throw new IllegalArgumentException("numSlices must be positive, got " + numSlices);
        }
        this.start = start;
        this.step = step;
        long span = step > 0 ? end - start : start - end;
        long absStep = Math.abs(step);
        this.count = span <= 0 ? 0 : (span + absStep - 1) / absStep;
        this.numSlices = numSlices;
    }

    /** The elements with positions {@code [from, to)} of the range. */
    record Slice(int index, long from, long to) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] slices = new Partition[numSlices];
        for (int i = 0; i < numSlices; i++) {
            slices[i] = new Slice(i, boundary(i), boundary(i + 1));
        }
        return slices;
    }

    /** Position of the first element of slice {@code i}; exact even where {@code i * count} overflows. */
    private long boundary(int i) {
        return java.math.BigInteger.valueOf(i).multiply(java.math.BigInteger.valueOf(count))
                .divide(java.math.BigInteger.valueOf(numSlices)).longValue();
    }

    @Override
    protected Iterator<Long> compute(Partition split, TaskContext context) {
        Slice slice = (Slice) split;
        if (context instanceof io.ember.rdd.internal.scheduler.TaskContextImpl task) {
            task.metrics().addRecordsRead(slice.to() - slice.from());
        }
        return new Iterator<>() {
            private long position = slice.from();

            @Override
            public boolean hasNext() {
                return position < slice.to();
            }

            @Override
            public Long next() {
                if (position >= slice.to()) {
                    throw new NoSuchElementException();
                }
                return start + step * position++;
            }
        };
    }
}
