package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.collection.List;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * A random sample of each partition: Bernoulli (each element kept with probability
 * {@code fraction}) or, with replacement, Poisson (each element repeated Poisson(fraction)
 * times). The random generator of partition i is seeded with {@code seed + i}, so a
 * recomputed partition gives the same sample.
 */
public final class PartitionwiseSampledRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> parent;
    private final boolean withReplacement;
    private final double fraction;
    private final long seed;

    /** Samples {@code parent}. */
    public PartitionwiseSampledRDD(RDD<T> parent, boolean withReplacement, double fraction, long seed) {
        super(parent.context());
        this.parent = parent;
        this.withReplacement = withReplacement;
        this.fraction = fraction;
        this.seed = seed;
    }

    @Override
    protected Partition[] getPartitions() {
        return parent.partitions();
    }

    @Override
    protected Iterator<T> compute(Partition split, TaskContext context) {
        SplittableRandom random = new SplittableRandom(seed + split.index());
        io.vavr.collection.Iterator<T> in = io.vavr.collection.Iterator.ofAll(parent.iterator(split, context));
        if (!withReplacement) {
            return in.filter(x -> random.nextDouble() < fraction);
        }
        return in.flatMap(x -> io.vavr.collection.Iterator.fill(poisson(random, fraction), () -> x));
    }

    /** Knuth's method: fine for the small means sampling uses. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(parent));
    }
}
