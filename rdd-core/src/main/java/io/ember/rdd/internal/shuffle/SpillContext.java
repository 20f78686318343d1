package io.ember.rdd.internal.shuffle;

import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.scheduler.TaskContextImpl;

/**
 * What a spilling structure needs from the task that owns it: where scratch files go, the class
 * loader of the records, the task's execution memory, and a cap on what it may buffer.
 *
 * @param store the executor's block store, which hands out scratch files
 * @param loader resolves the classes of spilled records when they are read back
 * @param memoryBudget the most bytes of records to buffer before writing a run to disk, even when
 *     the executor's memory region would grant more ({@code ember.shuffle.memory}; unset:
 *     {@link Long#MAX_VALUE}, the region alone decides)
 * @param memory the task's execution memory, from which the structure acquires what it buffers
 */
public record SpillContext(BlockStore store, ClassLoader loader, long memoryBudget, TaskMemoryManager memory) {
    /** Used outside a task's scope (only by tests that build tasks by hand). */
    private static final long DEFAULT_BUDGET = Long.MAX_VALUE;

    /** A context drawing on the execution memory of the task running on this thread. */
    public SpillContext(BlockStore store, ClassLoader loader, long memoryBudget) {
        this(store, loader, memoryBudget, TaskScope.taskMemory());
    }

    /** The context of the task running on this thread. */
    public static SpillContext current() {
        TaskContextImpl task = TaskContextImpl.CURRENT.get();
        if (task == null) {
            throw new IllegalStateException("sorting and aggregation with spills run inside tasks only");
        }
        return new SpillContext(task.services().blockStore(), task.services().classLoader(),
                TaskScope.memoryBudgetOr(DEFAULT_BUDGET), TaskScope.taskMemory());
    }

    /** The same context with another cap, for two structures that fill at once. */
    public SpillContext withBudget(long bytes) {
        return new SpillContext(store, loader, bytes, memory);
    }
}
