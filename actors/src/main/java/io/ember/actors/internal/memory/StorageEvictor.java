package io.ember.actors.internal.memory;

/**
 * Frees storage memory when execution needs it: the executor's block store drops cached
 * blocks or moves them to disk, oldest first, and calls {@link MemoryManager#releaseStorage}
 * for each.
 */
@FunctionalInterface
public interface StorageEvictor {
    /** An evictor that frees nothing (no block store attached). */
    StorageEvictor NONE = bytes -> 0;

    /**
     * Frees at least {@code bytes} of storage memory if it can; returns the bytes freed (0 if
     * no block could be evicted). Called without the memory manager's lock held.
     */
    long evictStorage(long bytes);
}
