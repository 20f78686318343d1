package io.ember.rdd;

/** Sums doubles, also counting how many were added (for {@link #avg()}). Thread-safe. */
// Deliberate specialisation of LongAccumulator for doubles, as Spark has both: primitive fields
// keep add() free of boxing.
public final class DoubleAccumulator extends AccumulatorV2<Double, Double> {
    private static final long serialVersionUID = 1L;

    private double sum;
    private long count;

    /** A zero accumulator; register it with {@link EmberContext#register(AccumulatorV2, String)}. */
    public DoubleAccumulator() {
    }

    @Override
    public synchronized boolean isZero() {
        return sum == 0.0 && count == 0;
    }

    @Override
    public synchronized DoubleAccumulator copy() {
        DoubleAccumulator copy = new DoubleAccumulator();
        copy.sum = sum;
        copy.count = count;
        return copy;
    }

    @Override
    public synchronized void reset() {
        sum = 0.0;
        count = 0;
    }

    /** Adds {@code v}. */
    public synchronized void add(double v) {
        sum += v;
        count++;
    }

    @Override
    public void add(Double v) {
        add(v.doubleValue());
    }

    @Override
    public void merge(AccumulatorV2<Double, Double> other) {
        if (!(other instanceof DoubleAccumulator o)) {
            throw new IllegalArgumentException("Cannot merge " + getClass().getSimpleName() + " with " + other);
        }
        double otherSum;
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
    public synchronized Double value() {
        return sum;
    }

    /** The sum. */
    public synchronized double sum() {
        return sum;
    }

    /** How many values were added. */
    public synchronized long count() {
        return count;
    }

    /** The mean of the added values ({@code NaN} if none). */
    public synchronized double avg() {
        return sum / count;
    }
}
