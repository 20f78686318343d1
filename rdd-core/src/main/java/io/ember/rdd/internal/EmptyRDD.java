package io.ember.rdd.internal;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.util.Collections;
import java.util.Iterator;

/** An RDD with no partitions and no elements. */
public final class EmptyRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    /** Creates an empty RDD. */
    public EmptyRDD(EmberContext sc) {
        super(sc);
    }

    @Override
    protected Partition[] getPartitions() {
        return new Partition[0];
    }

    @Override
    protected Iterator<T> compute(Partition split, TaskContext context) {
        return Collections.emptyIterator();
    }
}
