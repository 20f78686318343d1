package io.ember.actors.internal.spi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One executor's blocks, in three places:
 * <ul>
 *   <li><b>pinned</b> ({@link #put}): bytes kept in memory until removed, never evicted;</li>
 *   <li><b>the memory tier</b> ({@link #cache}): objects weighed in bytes, holding storage memory
 *       of the executor's {@link io.ember.actors.internal.memory.MemoryManager} and bounded by it (and by
 *       an optional capacity); when it is full, or when running operators need the memory, the
 *       least valuable blocks are evicted: written to disk if they ask for it, dropped otherwise
 *       (and recomputed by whoever needs them);</li>
 *   <li><b>the disk tier</b> ({@link #writeToDisk}): files under the executor's local directory,
 *       for shuffle outputs, disk-level cached blocks and evicted memory blocks.</li>
 * </ul>
 *
 * <p>Thread-safe: tasks on the executor's worker threads write and read concurrently, and peers
 * read through {@link ExecutorServices#fetch}. Cleared, its directory deleted, when its executor
 * stops, so that a lost executor's outputs are really lost and recomputed from lineage.
 */
public interface BlockStore {

    /** Stores (or replaces) a block pinned in memory. */
    void put(BlockId id, byte[] bytes);

    /**
     * The block's bytes, if held here: pinned bytes, a memory-tier block written out by its
     * writer, or the disk copy.
     */
    Optional<byte[]> get(BlockId id);

    /** Drops one block from every place; nothing happens if it is absent. */
    void remove(BlockId id);

    /** Drops every block of the given shuffle. */
    void removeShuffle(int shuffleId);

    /** Drops every cached block of the given RDD. */
    void removeRdd(int rddId);

    /** Bytes held in memory (pinned and memory tier). */
    long sizeInBytes();

    /**
     * Keeps a block in the memory tier (replacing any copy of it in memory or on disk). A block
     * larger than the whole capacity is not kept in memory: it goes straight to disk if it
     * asks for that, and is dropped otherwise.
     *
     * @return whether the block is now held (in memory or on disk)
     */
    boolean cache(BlockId id, MemoryBlock block);

    /** The memory-tier value of a block, if it is in memory now. */
    Optional<Object> getCached(BlockId id);

    /**
     * Opens a disk block for writing. The block appears, replacing any previous copy, only when
     * the writer is {@linkplain DiskBlockWriter#commit() committed}; closing it publishes
     * nothing, and {@linkplain DiskBlockWriter#abort() aborting} it deletes what was written.
     */
    DiskBlockWriter writeToDisk(BlockId id);

    /** Opens the disk copy of a block, if there is one. The caller closes the stream. */
    Optional<InputStream> readFromDisk(BlockId id);

    /**
     * A path for scratch data (sort and aggregation spills) under the local directory. The
     * caller creates, uses and deletes the file; whatever is left is deleted with the store.
     */
    Path scratchFile(String prefix);

    /** Where a block is held on this executor, and how big it is. */
    BlockStatus status(BlockId id);

    /**
     * The status of every cached or broadcast block that changed since the last call (stored,
     * moved to disk, evicted, removed), oldest first; shuffle blocks are not reported.
     */
    List<BlockStatus> drainUpdates();

    /**
     * Sets the memory tier's capacity (a cap inside the executor's memory region) and the
     * directory under which this executor's files go.
     * Files already written stay where they are and readable.
     */
    void configure(long memoryCapacityBytes, Path localDir);
}
