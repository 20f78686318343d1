package io.ember.actors.internal.memory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * <p>A task that holds nothing is not counted among the N (Spark forgets a task whose memory
 * drops to 0), so operators run by hand outside a task, and tasks between two buffers, do not
 * shrink the shares of the others.
 *
 * <p>The region's size is set at creation and again by {@link #resize} when the application's
 * settings reach the executor (they arrive after it starts); memory already granted stays
 * granted, later requests see the new size.
 *
 * <p>Thread-safe: every method synchronizes on this manager. The evictors are called outside the
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

    private final Map<Long, Long> executionByTask = new HashMap<>();
    private final List<StorageEvictor> evictors = new CopyOnWriteArrayList<>();
    private long maxMemory;
    private long storageFloor;
    private long executionUsed;
    private long storageUsed;
    private long peakExecutionUsed;

    /**
     * A manager of {@code maxMemory} bytes of which cached blocks keep {@code storageFloor}.
     *
     * @throws IllegalArgumentException if a size is negative or the floor exceeds the region
     */
    public MemoryManager(long maxMemory, long storageFloor) {
        checkSizes(maxMemory, storageFloor);
        this.maxMemory = maxMemory;
        this.storageFloor = storageFloor;
    }

    private static void checkSizes(long maxMemory, long storageFloor) {
        if (maxMemory <= 0 || storageFloor < 0 || storageFloor > maxMemory) {
            throw new IllegalArgumentException("memory region must be positive and hold its storage floor, was "
                    + maxMemory + " bytes with a floor of " + storageFloor);
        }
    }

    /**
     * Sets the region's size and storage floor (the application's settings arrived). Memory held
     * beyond a smaller region is not taken back: requests are refused until enough is released.
     *
     * @throws IllegalArgumentException if a size is negative or the floor exceeds the region
     */
    public synchronized void resize(long maxMemory, long storageFloor) {
        checkSizes(maxMemory, storageFloor);
        this.maxMemory = maxMemory;
        this.storageFloor = storageFloor;
        notifyAll();
    }

    /** Sets the region to {@code fraction} of this JVM's heap, {@code storageFraction} of it kept for storage. */
    public void resizeForHeap(double fraction, double storageFraction) {
        MemoryManager sized = forHeap(Runtime.getRuntime().maxMemory(), fraction, storageFraction);
        resize(sized.maxMemory, sized.storageFloor);
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

    /** Sets the one block store that frees cached blocks when execution needs their memory (replacing any others). */
    public void setStorageEvictor(StorageEvictor evictor) {
        evictors.clear();
        if (evictor != null) {
            evictors.add(evictor);
        }
    }

    /**
     * Adds a block store that frees cached blocks when execution needs their memory: executors
     * of one JVM share a region, and each one's store evicts its own blocks.
     */
    public void addStorageEvictor(StorageEvictor evictor) {
        evictors.add(Objects.requireNonNull(evictor, "evictor is null"));
    }

    /** Forgets a block store added by {@link #addStorageEvictor} (its executor stopped). */
    public void removeStorageEvictor(StorageEvictor evictor) {
        evictors.remove(evictor);
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
                    return grant(taskId, held, grant);
                }
            }
            long evicted = evictStorage(toEvict);
            if (evicted <= 0) {
                synchronized (this) {
                    // the evictors could free nothing: grant what is free now rather than loop
                    long held = executionByTask.getOrDefault(taskId, 0L);
                    long free = Math.max(0, maxMemory - executionUsed - storageUsed);
                    long maxShare = (maxMemory - Math.min(storageUsed, storageFloor)) / Math.max(1, executionByTask.size());
                    return grant(taskId, held, Math.max(0, Math.min(Math.min(bytes, maxShare - held), free)));
                }
            }
        }
    }

    /** Records {@code grant} more bytes for a task that held {@code held}; a task left holding nothing is forgotten. */
    private long grant(long taskId, long held, long grant) {
        if (held + grant == 0) {
            executionByTask.remove(taskId);
        } else {
            executionByTask.put(taskId, held + grant);
        }
        executionUsed += grant;
        peakExecutionUsed = Math.max(peakExecutionUsed, executionUsed);
        return grant;
    }

    /** Asks the block stores in turn until {@code bytes} are freed; the bytes freed. Called without the lock. */
    private long evictStorage(long bytes) {
        long freed = 0;
        for (StorageEvictor evictor : evictors) {
            if (freed >= bytes) {
                break;
            }
            freed += Math.max(0, evictor.evictStorage(bytes - freed));
        }
        return freed;
    }

    /** Returns {@code bytes} of task {@code taskId}'s execution memory to the region. */
    public synchronized void releaseExecution(long bytes, long taskId) {
        Long held = executionByTask.get(taskId);
        if (held == null || bytes <= 0) {
            return;
        }
        long released = Math.min(bytes, held);
        if (held == released) {
            executionByTask.remove(taskId);
        } else {
            executionByTask.put(taskId, held - released);
        }
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
        if (bytes > Math.max(0, maxMemory - executionUsed - storageUsed)) {
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
    public synchronized long maxMemory() {
        return maxMemory;
    }

    /** The storage memory that execution cannot take. */
    public synchronized long storageFloor() {
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
