package io.ember.rdd.internal;

import io.ember.rdd.RDD;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.Arrays;

/**
 * {@code histogram} of a {@code DoubleRDD}, with Spark's rules: bucket i counts the values in
 * [b(i), b(i+1)), except the last bucket, which also holds its upper bound; values outside
 * [b(0), b(last)] and NaN are not counted. Each partition fills an array of counts in one pass;
 * the arrays are summed on the driver.
 */
public final class Histograms {
    private Histograms() {
    }

    /**
     * {@code bucketCount} evenly spaced buckets between the smallest and the largest value (one
     * bucket [min, min] when they are equal), and their counts. Runs two jobs: one for the range,
     * one for the counts.
     *
     * @throws UnsupportedOperationException if the RDD is empty or holds NaN or an infinity
     */
    public static Tuple2<double[], long[]> evenlySpaced(RDD<Double> rdd, int bucketCount) {
        if (bucketCount < 1) {
            throw new IllegalArgumentException("histogram needs at least one bucket, got " + bucketCount);
        }
        java.util.List<double[]> ranges = rdd.context().runJob(rdd, (ctx, it) -> {
            double[] maxMin = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
            while (it.hasNext()) {
                double x = it.next();
                maxMin[0] = Math.max(maxMin[0], x);
                maxMin[1] = Math.min(maxMin[1], x);
            }
            return maxMin;
        });
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double[] range : ranges) {
            max = Math.max(max, range[0]);
            min = Math.min(min, range[1]);
        }
        if (Double.isNaN(min) || Double.isNaN(max) || Double.isInfinite(max) || Double.isInfinite(min)) {
            throw new UnsupportedOperationException(
                    "Histogram on either an empty RDD or RDD containing +/-infinity or NaN: " + rdd);
        }
        double[] buckets;
        if (min == max) {
            buckets = new double[] {min, min};
        } else {
            buckets = new double[bucketCount + 1];
            double span = max - min;
            for (int s = 0; s < bucketCount; s++) {
                buckets[s] = min + (s * span) / bucketCount;
            }
            buckets[bucketCount] = max;
        }
        return Tuple.of(buckets, count(rdd, buckets, true));
    }

    /**
     * The counts of the given buckets, which must be at least two strictly increasing bounds
     * (no NaN). With {@code evenBuckets} the bucket of a value is computed, not searched: the
     * bounds must then be evenly spaced.
     */
    public static long[] count(RDD<Double> rdd, double[] buckets, boolean evenBuckets) {
        if (buckets.length < 2) {
            throw new IllegalArgumentException("histogram buckets must have at least two elements, got "
                    + Arrays.toString(buckets));
        }
        if (!evenBuckets) {
            for (int i = 0; i < buckets.length; i++) {
                if (Double.isNaN(buckets[i]) || (i > 0 && !(buckets[i - 1] < buckets[i]))) {
                    throw new IllegalArgumentException("histogram buckets must be increasing and not NaN, got "
                            + Arrays.toString(buckets) + " (at position " + i + ")");
                }
            }
        }
        double[] bounds = buckets.clone();
        java.util.List<long[]> parts = rdd.context().runJob(rdd, (ctx, it) -> {
            long[] counts = new long[bounds.length - 1];
            while (it.hasNext()) {
                int bucket = evenBuckets ? evenBucketOf(bounds, it.next()) : bucketOf(bounds, it.next());
                if (bucket >= 0) {
                    counts[bucket]++;
                }
            }
            return counts;
        });
        long[] total = new long[buckets.length - 1];
        for (long[] part : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    /** The bucket of {@code x} by binary search, or -1 if it falls in none. */
    static int bucketOf(double[] bounds, double x) {
        int location = Arrays.binarySearch(bounds, x);
        if (location < 0) {
            int insertion = -location - 1;
            return insertion == 0 || insertion == bounds.length ? -1 : insertion - 1;
        }
        return location < bounds.length - 1 ? location : location - 1;
    }

    /** The bucket of {@code x} among evenly spaced bounds, or -1 if it falls in none. */
    static int evenBucketOf(double[] bounds, double x) {
        double min = bounds[0];
        double max = bounds[bounds.length - 1];
        int count = bounds.length - 1;
        if (Double.isNaN(x) || x < min || x > max) {
            return -1;
        }
        double increment = (max - min) / count;
        int bucket = increment == 0 ? 0 : (int) ((x - min) / increment);
        return Math.min(bucket, count - 1);
    }
}
