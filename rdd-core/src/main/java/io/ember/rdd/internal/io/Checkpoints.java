package io.ember.rdd.internal.io;

import io.ember.rdd.RDD;
import java.nio.file.Path;

/**
 * Writes RDD checkpoints: the RDD's partitions go to {@code <checkpointDir>/rdd-<id>} as object
 * files through the commit protocol (a job of its own, which reads the RDD's cached partitions
 * if it is persisted), and are then read by a {@link ReliableCheckpointRDD}.
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /** Writes {@code rdd}'s checkpoint and returns the RDD that reads it back. */
    public static <T> RDD<T> write(RDD<T> rdd) {
        Path dir = rdd.context().getCheckpointDir().map(Path::of).getOrElseThrow(() ->
                new IllegalStateException("Checkpoint directory has not been set: call EmberContext.setCheckpointDir first"));
        String target = dir.resolve("rdd-" + rdd.id()).toString();
        ObjectFiles.write(rdd, target, true);
        ReliableCheckpointRDD<T> files = new ReliableCheckpointRDD<>(rdd.context(), target, rdd.partitioner());
        if (files.getNumPartitions() != rdd.getNumPartitions()) {
            throw new IllegalStateException("Checkpoint of " + rdd + " has " + files.getNumPartitions()
                    + " files for " + rdd.getNumPartitions() + " partitions");
        }
        return files;
    }

    /** The directory a checkpoint RDD reads. */
    public static String directoryOf(RDD<?> checkpoint) {
        return ((ObjectFileRDD<?>) checkpoint).directory();
    }
}
