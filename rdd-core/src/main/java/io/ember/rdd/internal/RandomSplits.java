package io.ember.rdd.internal;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.util.Iterator;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code randomSplit}: the weights are normalised into adjacent ranges of [0, 1); every
 * element draws one number from a generator seeded with {@code seed + partition index} and goes
 * to the split whose range holds it. Every split replays the same draws, so each element lands
 * in exactly one split, as long as the parent yields each partition in the same order (as
 * Spark's {@code BernoulliCellSampler}).
 */
public final class RandomSplits {
    private RandomSplits() {
    }

    /** The splits of {@code rdd} by {@code weights}, deterministic for {@code seed}. */
    @SuppressWarnings("unchecked")
    public static <T> RDD<T>[] split(RDD<T> rdd, double[] weights, long seed) {
        double[] bounds = cumulativeBounds(weights);
        RDD<T>[] splits = new RDD[weights.length];
        for (int s = 0; s < weights.length; s++) {
            double lower = bounds[s];
            double upper = bounds[s + 1];
            splits[s] = new MapPartitionsRDD<T, T>(rdd, (Integer index, TaskContext ctx, Iterator<T> it) -> {
                SplittableRandom random = new SplittableRandom(seed + index);
                return Iterators.filter(it, x -> {
                    double draw = random.nextDouble();
                    return draw >= lower && draw < upper;
                });
            }, true);
        }
        return splits;
    }

    /** 0, w0/sum, (w0+w1)/sum, ..., 1 (exactly 1, so no draw falls past the last split). */
    static double[] cumulativeBounds(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("randomSplit needs at least one weight");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("randomSplit weights must be finite and nonnegative, but got "
                        + Arrays.toString(weights));
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("randomSplit: sum of weights must be positive, but got "
                    + Arrays.toString(weights));
        }
        double[] bounds = new double[weights.length + 1];
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            bounds[i + 1] = cumulative / sum;
        }
        bounds[weights.length] = 1.0;
        return bounds;
    }
}
