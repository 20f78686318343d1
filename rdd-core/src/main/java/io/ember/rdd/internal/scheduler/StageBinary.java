package io.ember.rdd.internal.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import java.util.Iterator;

/** The code of a stage's tasks, serialized once per stage attempt. */
sealed interface StageBinary {

    /** A shuffle-map stage: compute a partition of {@code rdd} and write it for {@code dependency}. */
    record ShuffleMap(RDD<?> rdd, ShuffleDependency<?, ?, ?> dependency) implements StageBinary {
    }

    /** A result stage: compute a partition of {@code rdd} and apply {@code func} to it. */
    record Result(RDD<?> rdd, Function2<TaskContext, Iterator<Object>, ?> func) implements StageBinary {
    }
}
