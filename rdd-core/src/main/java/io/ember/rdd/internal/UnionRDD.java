package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.RangeDependency;
import io.ember.rdd.TaskContext;
import io.vavr.collection.List;
import java.util.Iterator;

/** The partitions of several RDDs one after the other; no data moves. */
public final class UnionRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    private final List<RDD<T>> parents;

    /** Concatenates {@code parents}. */
    public UnionRDD(EmberContext sc, List<RDD<T>> parents) {
        super(sc);
        this.parents = parents;
    }

    /** Partition {@code index} of the union is partition {@code parentPartition} of parent {@code parent}. */
    record UnionPartition(int index, int parent, Partition parentPartition) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        java.util.List<Partition> result = new java.util.ArrayList<>();
        for (int p = 0; p < parents.size(); p++) {
            for (Partition split : parents.get(p).partitions()) {
                result.add(new UnionPartition(result.size(), p, split));
            }
        }
        return result.toArray(new Partition[0]);
    }

    @Override
    protected Iterator<T> compute(Partition split, TaskContext context) {
        UnionPartition u = (UnionPartition) split;
        return parents.get(u.parent()).iterator(u.parentPartition(), context);
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        List<Dependency<?>> deps = List.empty();
        int outStart = 0;
        for (RDD<T> parent : parents) {
            int n = parent.getNumPartitions();
            deps = deps.append(new RangeDependency<>(parent, 0, outStart, n));
            outStart += n;
        }
        return deps;
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
        UnionPartition u = (UnionPartition) split;
        return parents.get(u.parent()).preferredLocations(u.parentPartition());
    }
}
