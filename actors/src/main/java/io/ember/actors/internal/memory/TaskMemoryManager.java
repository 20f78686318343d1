package io.ember.actors.internal.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The execution memory of one running task, taken from its executor's {@link MemoryManager} on
 * behalf of the task's {@link MemoryConsumer}s (a sort, a hash aggregation, a join's build side).
 * When a consumer asks for more than the executor grants, the task's other consumers are asked
 * to spill first (largest first), then the asking consumer itself, as Spark's
 * {@code TaskMemoryManager} does; so one task's operators give way to each other before the
 * task fails.
 *
 * <p>Owned by the task's thread: consumers call it from that thread only (a consumer's
 * {@link MemoryConsumer#spill} runs on the thread that asked for memory).
 */
public final class TaskMemoryManager implements AutoCloseable {
    private final MemoryManager executor;
    private final long taskId;
    private final List<MemoryConsumer> consumers = new ArrayList<>();
    private long memoryBytesSpilled;
    private long diskBytesSpilled;
    private long peakUsed;
    private long used;
    private boolean closed;

    /** The memory of task {@code taskId} on {@code executor}'s region. */
    public TaskMemoryManager(MemoryManager executor, long taskId) {
        this.executor = executor;
        this.taskId = taskId;
    }

    /** The executor-wide manager this task draws from. */
    public MemoryManager executorMemory() {
        return executor;
    }

    /** The id of the task. */
    public long taskId() {
        return taskId;
    }

    void register(MemoryConsumer consumer) {
        consumers.add(consumer);
    }

    void unregister(MemoryConsumer consumer) {
        consumers.remove(consumer);
    }

    /**
     * Grants up to {@code bytes} to {@code requester}, asking the task's consumers to spill when
     * the executor grants less. Returns the bytes granted (possibly fewer than asked, even 0).
     */
    long acquire(long bytes, MemoryConsumer requester) {
        if (closed) {
            // why: a grant now would re-register the ended task with the executor, shrinking every other task's share
            throw new IllegalStateException(requester.name() + " asked for memory after task " + taskId + " ended");
        }
        long granted = acquireFromExecutor(bytes);
        if (granted < bytes) {
            List<MemoryConsumer> others = new ArrayList<>(consumers);
            others.remove(requester);
            others.sort(Comparator.comparingLong(MemoryConsumer::used).reversed());
            for (MemoryConsumer other : others) {
                if (granted >= bytes) {
                    break;
                }
                if (other.used() > 0 && other.spill(bytes - granted, requester) > 0) {
                    granted += acquireFromExecutor(bytes - granted);
                }
            }
        }
        if (granted < bytes && requester.used() > 0 && requester.spill(bytes - granted, requester) > 0) {
            granted += acquireFromExecutor(bytes - granted);
        }
        used += granted;
        peakUsed = Math.max(peakUsed, used);
        return granted;
    }

    private long acquireFromExecutor(long bytes) {
        try {
            return executor.acquireExecution(bytes, taskId);
        } catch (InterruptedException e) {
            // why not MemoryUnavailableException: the task was killed; memory was not refused, and its job
            // must not fail as if it had been
            Thread.currentThread().interrupt();
            CancellationException killed = new CancellationException("task " + taskId
                    + " was interrupted (killed) while waiting for " + bytes + " bytes of execution memory");
            killed.initCause(e);
            throw killed;
        }
    }

    void release(long bytes) {
        long released = Math.min(bytes, used);
        used -= released;
        executor.releaseExecution(released, taskId);
    }

    /** Counts a spill: {@code memoryBytes} of in-memory data written as {@code diskBytes} to disk. */
    public void recordSpill(long memoryBytes, long diskBytes) {
        memoryBytesSpilled += memoryBytes;
        diskBytesSpilled += diskBytes;
    }

    /** In-memory bytes of the data the task's consumers spilled (Spark's "Spill (memory)"). */
    public long memoryBytesSpilled() {
        return memoryBytesSpilled;
    }

    /** Bytes the task's consumers wrote to spill files (Spark's "Spill (disk)"). */
    public long diskBytesSpilled() {
        return diskBytesSpilled;
    }

    /** Bytes the task holds now. */
    public long used() {
        return used;
    }

    /** The most execution memory the task held at once. */
    public long peakUsed() {
        return peakUsed;
    }

    /**
     * Returns everything the task still holds to the executor (consumers that did not free their
     * memory, e.g. because the task failed).
     */
    @Override
    public void close() {
        closed = true;
        consumers.clear();
        used = 0;
        executor.releaseAllExecution(taskId);
    }
}
