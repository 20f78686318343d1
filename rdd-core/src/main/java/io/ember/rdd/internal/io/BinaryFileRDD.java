package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.PortableDataStream;
import io.ember.rdd.TaskContext;

/**
 * {@code binaryFiles}: one (path, {@link PortableDataStream}) pair per file of a directory (or
 * for one file), files starting with {@code _} or {@code .} skipped, spread over at most
 * {@code minPartitions} partitions in name order. Computing a partition reads no bytes: each
 * stream reads its file when asked.
 */
public final class BinaryFileRDD extends WholeFileRDD<PortableDataStream> {
    private static final long serialVersionUID = 1L;

    /** The files under {@code path}, in about {@code minPartitions} partitions. */
    public BinaryFileRDD(EmberContext sc, String path, int minPartitions) {
        super(sc, path, minPartitions);
    }

    @Override
    PortableDataStream content(String file, TaskContext context) {
        return new PortableDataStream(file);
    }
}
