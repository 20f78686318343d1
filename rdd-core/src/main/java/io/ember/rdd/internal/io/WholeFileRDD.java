package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.PairRDD;
import io.ember.rdd.Partition;
import io.ember.rdd.TaskContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.Iterator;

/**
 * One (path, content) pair per file of a directory (or for one file), files starting with
 * {@code _} or {@code .} skipped, spread over at most {@code minPartitions} partitions in name
 * order; subclasses say what the content of a file is.
 *
 * @param <V> the content type
 */
abstract class WholeFileRDD<V> extends PairRDD<String, V> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int minPartitions;

    /** The files under {@code path}, in about {@code minPartitions} partitions. */
    WholeFileRDD(EmberContext sc, String path, int minPartitions) {
        super(sc);
        if (minPartitions < 1) {
            throw new IllegalArgumentException("minPartitions must be positive, got " + minPartitions);
        }
        this.path = path;
        this.minPartitions = minPartitions;
    }

    /** The content of {@code file}, on the executor computing its partition. */
    abstract V content(String file, TaskContext context);

    @Override
    protected Partition[] getPartitions() {
        return FileGroup.spread(path, minPartitions);
    }

    @Override
    protected Iterator<Tuple2<String, V>> compute(Partition split, TaskContext context) {
        return io.vavr.collection.Iterator.ofAll(((FileGroup) split).paths())
                .map(file -> Tuple.of(file, content(file, context)));
    }
}
