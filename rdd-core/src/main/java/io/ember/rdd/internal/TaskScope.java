package io.ember.rdd.internal;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.AccumulatorV2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one running task owns beyond its {@link io.ember.rdd.TaskContext}: its execution memory
 * (and the cap on what one sort or aggregation buffers), its accumulator copies, the outputs it staged
 * (persisted blocks, shuffle blocks: published only if it succeeds) and the clean-ups to run
 * when it ends (spill files). Opened and closed by the task runner around the task, on the worker
 * thread; only that thread touches it.
 *
 * <p>Design notes. Executors build their accumulator copies while decoding the task's code: an
 * accumulator's constructor calls {@link #accumulatorCreated}, which adds the new instance to
 * the scope while {@link #decode} runs. Once decoding is over, the fields of those copies hold
 * the driver's values at shipping time, so decode resets them: each task adds to a zeroed copy,
 * and its non-zero copies are its updates. Accumulators created at other moments (in user code,
 * in records) are not the task's.
 */
public final class TaskScope implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskScope.class);
    private static final ThreadLocal<TaskScope> CURRENT = new ThreadLocal<>();
    /** Ids of task memory outside tasks: negative, never a real task's, each its own so none releases another's. */
    private static final AtomicLong OUTSIDE_TASK_IDS = new AtomicLong();

    private final long memoryBudget;
    private final long storageMemory;
    private final TaskMemoryManager memory;
    private final List<AccumulatorV2<?, ?>> accumulators = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private final List<StagedOutput> staged = new ArrayList<>();
    private boolean decoding;

    private TaskScope(long memoryBudget, long storageMemory, TaskMemoryManager memory) {
        this.memoryBudget = memoryBudget;
        this.storageMemory = storageMemory;
        this.memory = memory;
    }

    /**
     * Opens the scope of the task about to run on this thread.
     *
     * @param memoryBudget the most bytes a sort or aggregation may buffer before spilling, even if
     *     the executor's memory region grants more ({@code ember.shuffle.memory}, a cap)
     * @param storageMemory bytes of the executor's memory tier: no cached block can be larger
     */
    public static TaskScope open(long memoryBudget, long storageMemory) {
        return open(memoryBudget, storageMemory, new TaskMemoryManager(MemoryManager.jvmDefault(),
                OUTSIDE_TASK_IDS.decrementAndGet()));
    }

    /**
     * Opens the scope of the task about to run on this thread, drawing execution memory through
     * {@code memory}; closing the scope returns whatever the task still holds.
     */
    public static TaskScope open(long memoryBudget, long storageMemory, TaskMemoryManager memory) {
        TaskScope scope = new TaskScope(memoryBudget, storageMemory, memory);
        CURRENT.set(scope);
        return scope;
    }

    /** The scope of the task running on this thread, or null outside a task. */
    public static TaskScope current() {
        return CURRENT.get();
    }

    /** Bytes a sort or aggregation of this task may hold in memory before it spills to disk. */
    public long memoryBudget() {
        return memoryBudget;
    }

    /** Bytes of the executor's memory tier, the most a partition being cached may take in memory. */
    public long storageMemory() {
        return storageMemory;
    }

    /** This task's execution memory. */
    public TaskMemoryManager memory() {
        return memory;
    }

    /**
     * The execution memory of the task running on this thread; outside a task (tests that run
     * operators by hand) a new task manager over the JVM's default region, which the caller
     * should close.
     */
    public static TaskMemoryManager taskMemory() {
        TaskScope scope = CURRENT.get();
        return scope == null ? new TaskMemoryManager(MemoryManager.jvmDefault(), OUTSIDE_TASK_IDS.decrementAndGet())
                : scope.memory;
    }

    /** The memory budget of the running task, or {@code fallback} outside a task. */
    public static long memoryBudgetOr(long fallback) {
        TaskScope scope = CURRENT.get();
        return scope == null ? fallback : scope.memoryBudget;
    }

    /** Decodes the task's code, collecting the accumulator copies it contains and zeroing them. */
    public <T> T decode(Supplier<T> decoder) {
        decoding = true;
        try {
            T decoded = decoder.get();
            accumulators.forEach(AccumulatorV2::reset);
            return decoded;
        } finally {
            decoding = false;
        }
    }

    /** Called by every accumulator's constructor. */
    public static void accumulatorCreated(AccumulatorV2<?, ?> accumulator) {
        TaskScope scope = CURRENT.get();
        if (scope != null && scope.decoding) {
            scope.accumulators.add(accumulator);
        }
    }

    /** The non-zero accumulator copies of this task, by accumulator id. */
    public Map<Long, Object> accumulatorUpdates() {
        Map<Long, Object> updates = new HashMap<>();
        for (AccumulatorV2<?, ?> accumulator : accumulators) {
            if (accumulator.isRegistered() && !accumulator.isZero()) {
                updates.put(accumulator.id(), accumulator);
            }
        }
        return updates;
    }

    /** Runs {@code cleanup} when the task ends, however it ends. */
    public static void onTaskEnd(Runnable cleanup) {
        TaskScope scope = CURRENT.get();
        if (scope != null) {
            scope.cleanups.add(cleanup);
        }
    }

    /**
     * Stages an output of the running task: it is committed if the task succeeds and discarded
     * otherwise. Outside a task's scope (tests that build tasks by hand) it is committed at once.
     */
    public static void stage(StagedOutput output) throws IOException {
        TaskScope scope = CURRENT.get();
        if (scope == null) {
            output.commit();
        } else {
            scope.staged.add(output);
        }
    }

    /**
     * Commits every staged output, in the order they were staged; called by the task runner
     * once the task's result exists. If one cannot be committed, the rest are discarded and the
     * task fails with that error (those already committed are whole, so they stay).
     */
    public void commitOutputs() throws IOException {
        int committed = 0;
        try {
            for (StagedOutput output : staged) {
                output.commit();
                committed++;
            }
        } finally {
            for (StagedOutput rest : staged.subList(committed, staged.size())) {
                rest.discard();
            }
            staged.clear();
        }
    }

    private void discardOutputs() {
        for (StagedOutput output : staged) {
            output.discard();
        }
        staged.clear();
    }

    /** Discards the outputs not committed (the task failed), runs the clean-ups and leaves the thread. */
    @Override
    public void close() {
        CURRENT.remove();
        discardOutputs();
        for (Runnable cleanup : cleanups) {
            try {
                cleanup.run();
            } catch (RuntimeException e) { // why: one failed clean-up must not skip the others
                LOG.warn("A task clean-up failed", e);
            }
        }
        cleanups.clear();
        memory.close();
    }
}
