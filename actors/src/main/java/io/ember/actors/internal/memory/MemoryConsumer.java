package io.ember.actors.internal.memory;

/**
 * A part of a task that holds execution memory and can give it back by spilling: a sort buffer,
 * a hash aggregation's table, a join's build side. It asks its {@link TaskMemoryManager} before it
 * grows and releases what it frees; when memory is short, the task manager calls {@link #spill}
 * on it (on the task's thread, possibly from inside another consumer's request).
 *
 * <p>Typical use:
 * <pre>{@code
 * if (!tryAcquire(batchBytes)) {
 *     spill(Long.MAX_VALUE, this);            // write what is buffered, free it
 *     acquireOrFail(batchBytes);              // a single batch must fit
 * }
 * }</pre>
 */
public abstract class MemoryConsumer implements AutoCloseable {
    private final TaskMemoryManager task;
    private final String name;
    private long used;

    /**
     * A consumer of {@code task}'s memory named {@code name} in errors (the operator, e.g.
     * {@code "SortExec"}).
     */
    protected MemoryConsumer(TaskMemoryManager task, String name) {
        this.task = task;
        this.name = name;
        task.register(this);
    }

    /** The name given in errors and metrics. */
    public final String name() {
        return name;
    }

    /** Bytes this consumer holds now. */
    public final long used() {
        return used;
    }

    /** The task's memory this consumer draws from. */
    protected final TaskMemoryManager taskMemory() {
        return task;
    }

    /**
     * Asks for up to {@code bytes}; returns the bytes granted, possibly fewer (other consumers,
     * and this one, may have been asked to spill first).
     */
    public final long acquireMemory(long bytes) {
        long granted = task.acquire(bytes, this);
        used += granted;
        return granted;
    }

    /** Asks for exactly {@code bytes}: true if granted, false (holding nothing more) if not. */
    public final boolean tryAcquire(long bytes) {
        long granted = acquireMemory(bytes);
        if (granted < bytes) {
            freeMemory(granted);
            return false;
        }
        return true;
    }

    /**
     * Asks for exactly {@code bytes} that the consumer cannot do without (one batch, one record):
     * throws {@link MemoryUnavailableException} naming this consumer, the sizes and the settings
     * to change if they cannot be had.
     */
    public final void acquireOrFail(long bytes) {
        if (!tryAcquire(bytes)) {
            MemoryManager executor = task.executorMemory();
            throw new MemoryUnavailableException(name + " of task " + task.taskId() + " needs " + bytes
                    + " bytes of execution memory and cannot get them: it holds " + used + ", the executor's "
                    + "execution and storage region is " + executor.maxMemory() + " bytes with "
                    + executor.executionUsed() + " in use by running tasks and " + executor.storageUsed()
                    + " by cached blocks. Give the executor more heap (the JVM's -Xmx, or a worker's --memory), raise "
                    + MemoryManager.FRACTION + ", run fewer tasks at once, or use more partitions so each holds less");
        }
    }

    /** Returns {@code bytes} this consumer held. */
    public final void freeMemory(long bytes) {
        long freed = Math.min(bytes, used);
        used -= freed;
        task.release(freed);
    }

    /** Returns everything this consumer holds. */
    public final void freeAll() {
        freeMemory(used);
    }

    /**
     * Writes some or all of what this consumer holds to disk and frees that memory, to make room
     * for {@code size} bytes asked by {@code trigger} (this consumer itself or another of the same
     * task). Returns the bytes freed; 0 if nothing can be spilled now (for example while an
     * iterator over the in-memory data is open).
     */
    public abstract long spill(long size, MemoryConsumer trigger);

    /** Frees everything and leaves the task's list of consumers. */
    @Override
    public void close() {
        freeAll();
        task.unregister(this);
    }
}
