package io.ember.actors.memory;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory of one executor that operators and cached blocks share, as Spark's unified memory
 * manager: one region of {@code maxMemory} bytes in which running tasks take execution memory
 * (sort buffers, hash tables, join build sides) and the block store takes storage memory (cached
 * partitions). Execution may take storage's share down to {@code storageFloor} by asking the
 * {@link StorageEvictor} to drop or move cached blocks to disk; storage never takes memory that
 * execution holds.
 *
 * <p>Fairness between tasks follows Spark's execution pool: with N tasks holding or asking for
 * execution memory, each may hold at most 1/N of the region and is guaranteed 1/(2N) before it
 * is told to spill; a task asking for less than its guaranteed share while others hold the rest
 * waits until one of them releases memory.
 *
 * <p>Thread-safe: every method synchronizes on this manager. The evictor is called outside the
 * lock, because a block store releasing storage memory calls back into this manager.
 */
public final class MemoryManager {
    /** The key of the share of the heap (after a reserve of 300 MiB, less on small heaps) for execution and storage. */
    public static final String FRACTION = "ember.memory.fraction";
    /** The key of the share of the region that cached blocks keep however much execution asks. */
    public static final String STORAGE_FRACTION = "ember.memory.storageFraction";
    /** Spark's defaults. */
    public static final double DEFAULT_FRACTION = 0.6;
    public static final double DEFAULT_STORAGE_FRACTION = 0.5;

    private static final long RESERVED_BYTES = 300L * 1024 * 1024;
    private static volatile MemoryManager jvmDefault;

    private final long maxMemory;
    private final long storageFloor;
    private final Map<Long, Long> executionByTask = new HashMap<>();
    private long executionUsed;
    private long storageUsed;
    private long peakExecutionUsed;
    private StorageEvictor evictor = StorageEvictor.NONE;

    /**
     * A manager of {@code maxMemory} bytes of which cached blocks keep {@code storageFloor}.
     *
     * @throws IllegalArgumentException if a size is negative or the floor exceeds the region
     */
    public MemoryManager(long maxMemory, long storageFloor) {
        if (maxMemory <= 0 || storageFloor < 0 || storageFloor > maxMemory) {
            throw new IllegalArgumentException("memory region must be positive and hold its storage floor, was "
                    + maxMemory + " bytes with a floor of " + storageFloor);
        }
        this.maxMemory = maxMemory;
        this.storageFloor = storageFloor;
    }

    /**
     * The region for a heap of {@code heapBytes}: {@code fraction} of what is left after a
     * reserve (300 MiB, or a fifth of small heaps, as Spark reserves for its own objects).
     */
    public static MemoryManager forHeap(long heapBytes, double fraction, double storageFraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(FRACTION + " must be in (0, 1], was " + fraction);
        }
        if (!(storageFraction >= 0 && storageFraction <= 1)) {
            throw new IllegalArgumentException(STORAGE_FRACTION + " must be in [0, 1], was " + storageFraction);
        }
        long reserved = Math.min(RESERVED_BYTES, heapBytes / 5);
        long region = Math.max(1, (long) ((heapBytes - reserved) * fraction));
        return new MemoryManager(region, (long) (region * storageFraction));
    }

    /** One manager for this JVM with Spark's defaults, for code that runs outside an executor (tests). */
    public static MemoryManager jvmDefault() {
        MemoryManager m = jvmDefault;
        if (m == null) {
            synchronized (MemoryManager.class) {
                m = jvmDefault;
                if (m == null) {
                    m = forHeap(Runtime.getRuntime().maxMemory(), DEFAULT_FRACTION, DEFAULT_STORAGE_FRACTION);
                    jvmDefault = m;
                }
            }
        }
        return m;
    }

    /** Sets who frees cached blocks when execution needs their memory (the executor's block store). */
    public synchronized void setStorageEvictor(StorageEvictor evictor) {
        this.evictor = evictor == null ? StorageEvictor.NONE : evictor;
    }

    /**
     * Grants up to {@code bytes} of execution memory to task {@code taskId}; fewer (possibly 0)
     * when the task holds its share. Blocks while the task holds less than its guaranteed share
     * and other tasks hold the rest.
     *
     * @throws InterruptedException if the task is killed while it waits
     */
    public long acquireExecution(long bytes, long taskId) throws InterruptedException {
        if (bytes <= 0) {
            return 0;
        }
        while (true) {
            long toEvict;
            synchronized (this) {
                executionByTask.putIfAbsent(taskId, 0L);
                long free = maxMemory - executionUsed - storageUsed;
                long evictable = Math.max(0, storageUsed - storageFloor);
                toEvict = Math.min(evictable, Math.max(0, bytes - free));
                if (toEvict == 0) {
                    int tasks = executionByTask.size();
                    long held = executionByTask.get(taskId);
                    long executionRegion = maxMemory - Math.min(storageUsed, storageFloor);
                    long maxShare = executionRegion / tasks;
                    long minShare = executionRegion / (2L * tasks);
                    long grant = Math.max(0, Math.min(Math.min(bytes, maxShare - held), free));
                    if (grant < bytes && held + grant < minShare && executionUsed > held) {
                        wait(); // others hold the rest: wait for them to release (released memory notifies)
                        continue;
                    }
                    executionByTask.put(taskId, held + grant);
                    executionUsed += grant;
                    peakExecutionUsed = Math.max(peakExecutionUsed, executionUsed);
                    return grant;
                }
            }
            long evicted = evictorSnapshot().evictStorage(toEvict);
            if (evicted <= 0) {
                synchronized (this) {
                    // the evictor could free nothing: grant what is free now rather than loop
                    return grantFree(bytes, taskId);
                }
            }
        }
    }

    private long grantFree(long bytes, long taskId) {
        long held = executionByTask.getOrDefault(taskId, 0L);
        long free = maxMemory - executionUsed - storageUsed;
        long maxShare = (maxMemory - Math.min(storageUsed, storageFloor)) / Math.max(1, executionByTask.size());
        long grant = Math.max(0, Math.min(Math.min(bytes, maxShare - held), free));
        executionByTask.put(taskId, held + grant);
        executionUsed += grant;
        peakExecutionUsed = Math.max(peakExecutionUsed, executionUsed);
        return grant;
    }

    private synchronized StorageEvictor evictorSnapshot() {
        return evictor;
    }

    /** Returns {@code bytes} of task {@code taskId}'s execution memory to the region. */
    public synchronized void releaseExecution(long bytes, long taskId) {
        Long held = executionByTask.get(taskId);
        if (held == null || bytes <= 0) {
            return;
        }
        long released = Math.min(bytes, held);
        executionByTask.put(taskId, held - released);
        executionUsed -= released;
        notifyAll();
    }

    /** Returns all of task {@code taskId}'s execution memory and forgets the task; the bytes it still held. */
    public synchronized long releaseAllExecution(long taskId) {
        Long held = executionByTask.remove(taskId);
        if (held == null) {
            return 0;
        }
        executionUsed -= held;
        notifyAll();
        return held;
    }

    /**
     * Takes {@code bytes} of storage memory for a cached block if they are free now; never takes
     * execution memory. The block store evicts its own older blocks first when this refuses.
     */
    public synchronized boolean acquireStorage(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
        if (bytes > maxMemory - executionUsed - storageUsed) {
            return false;
        }
        storageUsed += bytes;
        return true;
    }

    /** Returns {@code bytes} of storage memory (a cached block was dropped or moved to disk). */
    public synchronized void releaseStorage(long bytes) {
        storageUsed = Math.max(0, storageUsed - bytes);
        notifyAll();
    }

    /** The whole region's size in bytes. */
    public long maxMemory() {
        return maxMemory;
    }

    /** The storage memory that execution cannot take. */
    public long storageFloor() {
        return storageFloor;
    }

    /** Bytes of execution memory held now, by all tasks. */
    public synchronized long executionUsed() {
        return executionUsed;
    }

    /** Bytes of execution memory task {@code taskId} holds now. */
    public synchronized long executionUsed(long taskId) {
        return executionByTask.getOrDefault(taskId, 0L);
    }

    /** Bytes of storage memory held now. */
    public synchronized long storageUsed() {
        return storageUsed;
    }

    /** The most execution memory held at once since this manager was made. */
    public synchronized long peakExecutionUsed() {
        return peakExecutionUsed;
    }

    @Override
    public synchronized String toString() {
        return "MemoryManager[max=" + maxMemory + ", execution=" + executionUsed + " (" + executionByTask.size()
                + " tasks), storage=" + storageUsed + ", storageFloor=" + storageFloor + "]";
    }
}
