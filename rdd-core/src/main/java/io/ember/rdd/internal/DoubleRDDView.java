package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.DoubleRDD;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.collection.List;
import java.util.Iterator;

/**
 * Gives an RDD of doubles the {@link DoubleRDD} operations. It reads its parent's partitions
 * unchanged; the lineage printer leaves it out, as Spark's {@code JavaDoubleRDD} wrapper does not
 * show either.
 */
public final class DoubleRDDView extends DoubleRDD {
    private static final long serialVersionUID = 1L;

    private final RDD<Double> parent;

    /** Views {@code parent} as an RDD of doubles. */
    public DoubleRDDView(RDD<Double> parent) {
        super(parent.context());
        this.parent = parent;
    }

    /** The viewed RDD. */
    public RDD<Double> viewed() {
        return parent;
    }

    @Override
    protected Partition[] getPartitions() {
        return parent.partitions();
    }

    @Override
    protected Iterator<Double> compute(Partition split, TaskContext context) {
        return parent.iterator(split, context);
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new OneToOneDependency<>(parent));
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
        return parent.preferredLocations(split);
    }
}
