package io.ember.rdd;

import io.ember.rdd.internal.DoubleRDDView;
import io.ember.rdd.internal.Histograms;
import io.vavr.Tuple2;

/**
 * An RDD of doubles with numeric actions, as Spark's {@code JavaDoubleRDD}: get one from
 * {@link RDD#mapToDouble} or {@link #of(RDD)}. {@link #stats()} computes count, mean, variance,
 * maximum and minimum in one pass; {@link #histogram(int)} counts values in buckets.
 *
 * <pre>{@code
 * DoubleRDD fares = trips.mapToDouble(Trip::fare);
 * StatCounter s = fares.stats();                       // one job
 * Tuple2<double[], long[]> h = fares.histogram(10);    // ten evenly spaced buckets
 * }</pre>
 *
 * <p>Elements must not be null. NaN values make the statistics NaN, as in Spark.
 */
public abstract class DoubleRDD extends RDD<Double> {
    private static final long serialVersionUID = 1L;

    /** Creates an RDD of doubles in context {@code sc}. */
    protected DoubleRDD(EmberContext sc) {
        super(sc);
    }

    /** Views an RDD of doubles as a {@code DoubleRDD} (no copy; the same RDD if it already is one). */
    public static DoubleRDD of(RDD<Double> rdd) {
        return rdd instanceof DoubleRDD doubles ? doubles : new DoubleRDDView(rdd);
    }

    /** Count, mean, variance, maximum and minimum in one job, merged across partitions. */
    public StatCounter stats() {
        return aggregate(new StatCounter(), StatCounter::merge, StatCounter::merge);
    }

    /** The sum of the elements (0.0 if there are none). */
    public double sum() {
        return fold(0.0, Double::sum);
    }

    /** The mean of the elements (0.0 if there are none, as Spark's). */
    public double mean() {
        return stats().mean();
    }

    /** The population variance (NaN if there are no elements). */
    public double variance() {
        return stats().variance();
    }

    /** The population standard deviation (NaN if there are no elements). */
    public double stdev() {
        return stats().stdev();
    }

    /** The sample variance, dividing by n - 1 (NaN with fewer than two elements). */
    public double sampleVariance() {
        return stats().sampleVariance();
    }

    /** The sample standard deviation (NaN with fewer than two elements). */
    public double sampleStdev() {
        return stats().sampleStdev();
    }

    /**
     * The largest element by {@link Double#compare} (NaN counts as the largest).
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public double max() {
        return max(Double::compare);
    }

    /**
     * The smallest element by {@link Double#compare}.
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public double min() {
        return min(Double::compare);
    }

    /**
     * Counts the elements in {@code bucketCount} evenly spaced buckets from the smallest to the
     * largest element, the last bucket including the largest. Returns the {@code bucketCount + 1}
     * bounds and the counts; if all elements are equal, one bucket [x, x] holding them all.
     * Runs two jobs.
     *
     * @throws UnsupportedOperationException if the RDD is empty or holds NaN or an infinity
     * @throws IllegalArgumentException if {@code bucketCount} is less than 1
     */
    public Tuple2<double[], long[]> histogram(int bucketCount) {
        return Histograms.evenlySpaced(this, bucketCount);
    }

    /**
     * Counts the elements in the buckets bounded by {@code buckets}: [b0, b1), [b1, b2), ...,
     * [b(n-1), bn], the last bucket including its upper bound. Elements outside [b0, bn] and NaN
     * are not counted. For {@code {1, 10, 20, 50}} the buckets are [1, 10), [10, 20) and [20, 50].
     *
     * @throws IllegalArgumentException if there are fewer than two bounds, or they are not
     *     strictly increasing, or one is NaN
     */
    public long[] histogram(double[] buckets) {
        return Histograms.count(this, buckets, false);
    }

    /**
     * {@link #histogram(double[])}; with {@code evenBuckets}, the caller promises the bounds are
     * evenly spaced, and each element's bucket is computed instead of searched.
     */
    public long[] histogram(double[] buckets, boolean evenBuckets) {
        return Histograms.count(this, buckets, evenBuckets);
    }
}
