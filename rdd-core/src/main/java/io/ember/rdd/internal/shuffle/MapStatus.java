package io.ember.rdd.internal.shuffle;

import java.io.Serializable;
import java.util.BitSet;

/**
 * Where one map task's shuffle output lives and which reducers it has data for, so that a
 * reducer fetches only non-empty blocks.
 *
 * @param executorId the executor holding the blocks
 * @param nonEmpty the reduce partitions this map task wrote records for
 * @param bytes total bytes written
 */
public record MapStatus(String executorId, BitSet nonEmpty, long bytes) implements Serializable {
}
