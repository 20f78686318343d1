package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partitioner;
import io.vavr.control.Option;

/**
 * The checkpoint files of an RDD, which replace its lineage once written (Spark's name, so that
 * {@code toDebugString()} reads the same). It keeps the checkpointed RDD's partitioner: the data
 * is laid out as it was.
 *
 * @param <T> the element type
 */
public final class ReliableCheckpointRDD<T> extends ObjectFileRDD<T> {
    private static final long serialVersionUID = 1L;

    private final Option<Partitioner> partitioner;

    ReliableCheckpointRDD(EmberContext sc, String directory, Option<Partitioner> partitioner) {
        super(sc, directory);
        this.partitioner = partitioner;
    }

    @Override
    public Option<Partitioner> partitioner() {
        return partitioner;
    }
}
