package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.NarrowDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.collection.List;
import java.util.Iterator;

/**
 * Fewer partitions made of neighbouring parent partitions, without a shuffle. Asking for more
 * partitions than the parent has keeps the parent's count, as in Spark.
 */
public final class CoalescedRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    private final RDD<T> parent;
    private final int maxPartitions;

    /** Groups the parent's partitions into at most {@code maxPartitions}. */
    public CoalescedRDD(RDD<T> parent, int maxPartitions) {
        super(parent.context());
        this.parent = parent;
        this.maxPartitions = maxPartitions;
    }

    /** A group of parent partitions read one after the other. */
    record CoalescedPartition(int index, Partition[] parents) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] in = parent.partitions();
        int n = Math.min(maxPartitions, in.length);
        Partition[] out = new Partition[n];
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * in.length / n);
            int to = (int) ((long) (i + 1) * in.length / n);
            out[i] = new CoalescedPartition(i, java.util.Arrays.copyOfRange(in, from, to));
        }
        return out;
    }

    @Override
    protected Iterator<T> compute(Partition split, TaskContext context) {
        Partition[] group = ((CoalescedPartition) split).parents();
        return io.vavr.collection.Iterator.of(group).flatMap(p -> () -> parent.iterator(p, context));
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        return List.of(new NarrowDependency<T>(parent) {
            private static final long serialVersionUID = 1L;

            @Override
            public List<Integer> parents(int partitionId) {
                return List.of(((CoalescedPartition) partitions()[partitionId]).parents()).map(Partition::index);
            }
        });
    }
}
