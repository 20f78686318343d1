package io.ember.rdd;

import java.io.Serializable;

/**
 * Count, mean, variance, maximum and minimum of a set of numbers, computed in one pass and
 * mergeable (Spark's {@code StatCounter}): {@link DoubleRDD#stats()} fills one per partition and
 * merges them on the driver. Uses Welford's update and Chan's parallel merge, which stay accurate
 * where summing squares would cancel.
 *
 * <p>A NaN among the values makes the mean, variances, sum and (as {@link Math#max} does) the
 * maximum and minimum NaN. With no values the count and sum are 0, the mean 0.0 and the variances
 * NaN, the maximum is negative infinity and the minimum positive infinity, as in Spark.
 *
 * <p>Mutable: {@link #merge} changes this counter. Not thread-safe.
 */
public final class StatCounter implements Serializable {
    private static final long serialVersionUID = 1L;

    private long n;
    private double mu;
    private double m2;
    private double maxValue = Double.NEGATIVE_INFINITY;
    private double minValue = Double.POSITIVE_INFINITY;

    /** A counter of no values. */
    public StatCounter() {
    }

    /** A counter of {@code values}. */
    public static StatCounter of(double... values) {
        StatCounter counter = new StatCounter();
        for (double v : values) {
            counter.merge(v);
        }
        return counter;
    }

    /** Adds one value; returns {@code this}. */
    public StatCounter merge(double value) {
        double delta = value - mu;
        n++;
        mu += delta / n;
        m2 += delta * (value - mu);
        maxValue = Math.max(maxValue, value);
        minValue = Math.min(minValue, value);
        return this;
    }

    /** Adds the values another counter has seen (which is left unchanged); returns {@code this}. */
    public StatCounter merge(StatCounter other) {
        if (other == this) {
            return merge(other.copy());
        }
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            n = other.n;
            mu = other.mu;
            m2 = other.m2;
            maxValue = other.maxValue;
            minValue = other.minValue;
            return this;
        }
        double delta = other.mu - mu;
        long total = n + other.n;
        // why: moving the mean of the larger side by a small step keeps more precision than a weighted average
        if (other.n * 10 < n) {
            mu += delta * other.n / total;
        } else if (n * 10 < other.n) {
            mu = other.mu - delta * n / total;
        } else {
            mu = (mu * n + other.mu * other.n) / total;
        }
        m2 += other.m2 + delta * delta * n * other.n / total;
        n = total;
        maxValue = Math.max(maxValue, other.maxValue);
        minValue = Math.min(minValue, other.minValue);
        return this;
    }

    /** An independent counter with the same statistics. */
    public StatCounter copy() {
        StatCounter c = new StatCounter();
        c.n = n;
        c.mu = mu;
        c.m2 = m2;
        c.maxValue = maxValue;
        c.minValue = minValue;
        return c;
    }

    /** How many values were seen. */
    public long count() {
        return n;
    }

    /** The arithmetic mean (0.0 with no values). */
    public double mean() {
        return mu;
    }

    /** The sum, as {@code count * mean}. */
    public double sum() {
        return n * mu;
    }

    /** The largest value (negative infinity with no values). */
    public double max() {
        return maxValue;
    }

    /** The smallest value (positive infinity with no values). */
    public double min() {
        return minValue;
    }

    /** The population variance (dividing by n); NaN with no values. */
    public double variance() {
        return n == 0 ? Double.NaN : m2 / n;
    }

    /** The population variance; the same as {@link #variance()}. */
    public double popVariance() {
        return variance();
    }

    /** The sample variance (dividing by n - 1); NaN with fewer than two values. */
    public double sampleVariance() {
        return n <= 1 ? Double.NaN : m2 / (n - 1);
    }

    /** The population standard deviation. */
    public double stdev() {
        return Math.sqrt(variance());
    }

    /** The population standard deviation; the same as {@link #stdev()}. */
    public double popStdev() {
        return stdev();
    }

    /** The sample standard deviation. */
    public double sampleStdev() {
        return Math.sqrt(sampleVariance());
    }

    @Override
    public String toString() {
        return String.format("(count: %d, mean: %f, stdev: %f, max: %f, min: %f)", n, mean(), stdev(), max(), min());
    }
}
