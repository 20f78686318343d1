package io.ember.rdd;

/** Sums longs, also counting how many were added (for {@link #avg()}). Thread-safe. */
public final class LongAccumulator extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;

    private long sum;
    private long count;

    /** A zero accumulator; register it with {@link EmberContext#register(AccumulatorV2, String)}. */
    public LongAccumulator() {
    }

    @Override
    public synchronized boolean isZero() {
        return sum == 0 && count == 0;
    }

    @Override
    public synchronized LongAccumulator copy() {
        LongAccumulator copy = new LongAccumulator();
        copy.sum = sum;
        copy.count = count;
        return copy;
    }

    @Override
    public synchronized void reset() {
        sum = 0;
        count = 0;
    }

    /** Adds {@code v}. */
    public synchronized void add(long v) {
        sum += v;
        count++;
    }

    @Override
    public void add(Long v) {
        add(v.longValue());
    }

    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        if (!(other instanceof LongAccumulator o)) {
            throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with " + other);
        }
        long otherSum;
        long otherCount;
        synchronized (o) {
            otherSum = o.sum;
            otherCount = o.count;
        }
        synchronized (this) {
            sum += otherSum;
            count += otherCount;
        }
    }

    @Override
    public synchronized Long value() {
        return sum;
    }

    /** The sum. */
    public synchronized long sum() {
        return sum;
    }

    /** How many values were added. */
    public synchronized long count() {
        return count;
    }

    /** The mean of the added values ({@code NaN} if none). */
    public synchronized double avg() {
        return (double) sum / count;
    }
}
