package io.ember.rdd.internal;

import io.ember.rdd.RDD;
import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;

/**
 * {@code takeSample}, as Spark does it: count the RDD, sample it with a fraction large enough
 * that the sample almost surely holds {@code num} elements (resampling in the rare case it does
 * not), shuffle the sample and keep {@code num}. Without replacement and with {@code num} at
 * least the count, the whole RDD is collected and shuffled.
 */
public final class TakeSample {
    /** How many standard deviations of margin the sampling fraction leaves, as in Spark. */
    private static final double NUM_STD_DEV = 10.0;
    private static final int MAX_SAMPLE_SIZE = Integer.MAX_VALUE - (int) (NUM_STD_DEV * Math.sqrt(Integer.MAX_VALUE));

    private TakeSample() {
    }

    /** {@code num} elements of {@code rdd} drawn at random, deterministic for {@code seed}. */
    public static <T> List<T> take(RDD<T> rdd, boolean withReplacement, int num, long seed) {
        if (num < 0) {
            throw new IllegalArgumentException("takeSample: negative number of elements requested: " + num);
        }
        if (num > MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("takeSample: cannot support a sample size > " + MAX_SAMPLE_SIZE
                    + ", got " + num);
        }
        if (num == 0) {
            return List.empty();
        }
        long total = rdd.count();
        if (total == 0) {
            return List.empty();
        }
        Random random = new Random(seed);
        if (!withReplacement && num >= total) {
            ArrayList<T> all = new ArrayList<>(rdd.collect().asJava());
            Collections.shuffle(all, random);
            return List.ofAll(all);
        }
        double fraction = fractionForSampleSize(num, total, withReplacement);
        ArrayList<T> sample = new ArrayList<>(rdd.sample(withReplacement, fraction, random.nextLong()).collect().asJava());
        while (sample.size() < num) {
            sample = new ArrayList<>(rdd.sample(withReplacement, fraction, random.nextLong()).collect().asJava());
        }
        Collections.shuffle(sample, random);
        return List.ofAll(sample.subList(0, num));
    }

    /**
     * A sampling fraction whose sample holds at least {@code num} of {@code total} elements with
     * probability about 0.9999 (Spark's {@code SamplingUtils.computeFractionForSampleSize}).
     */
    static double fractionForSampleSize(int num, long total, boolean withReplacement) {
        double fraction = (double) num / total;
        if (withReplacement) {
            int stdDevs = num < 6 ? 12 : num < 16 ? 9 : 6;
            return Math.max(fraction + stdDevs * Math.sqrt(fraction / total), 1e-10);
        }
        double delta = 1e-4;
        double gamma = -Math.log(delta) / total;
        return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
    }
}
