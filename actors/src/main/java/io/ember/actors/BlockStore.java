package io.ember.actors;

import java.util.Optional;

/**
 * One executor's blocks, in memory. Thread-safe: tasks on the executor's worker threads write and
 * read concurrently, and peers read through {@link ExecutorServices#fetch}. Cleared when its
 * executor stops, so that a lost executor's outputs are really lost and recomputed from lineage.
 */
public interface BlockStore {

    /** Stores (or replaces) a block. */
    void put(BlockId id, byte[] bytes);

    /** The block's bytes, if held here. */
    Optional<byte[]> get(BlockId id);

    /** Drops one block; nothing happens if it is absent. */
    void remove(BlockId id);

    /** Drops every block of the given shuffle. */
    void removeShuffle(int shuffleId);

    /** Drops every cached block of the given RDD. */
    void removeRdd(int rddId);

    /** Total bytes held. */
    long sizeInBytes();
}
