package io.ember.rdd.shuffle;

import io.ember.actors.BlockStore;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.scheduler.TaskContextImpl;

/**
 * What a spilling structure needs from the task that owns it: where scratch files go, the class
 * loader of the records, and how many bytes it may hold before spilling.
 *
 * @param store the executor's block store, which hands out scratch files
 * @param loader resolves the classes of spilled records when they are read back
 * @param memoryBudget bytes of records to hold in memory before writing a sorted run to disk
 */
public record SpillContext(BlockStore store, ClassLoader loader, long memoryBudget) {
    /** Used outside a task's scope (only by tests that build tasks by hand). */
    private static final long DEFAULT_BUDGET = 64L * 1024 * 1024;

    /** The context of the task running on this thread. */
    public static SpillContext current() {
        TaskContextImpl task = TaskContextImpl.CURRENT.get();
        if (task == null) {
            throw new IllegalStateException("sorting and aggregation with spills run inside tasks only");
        }
        return new SpillContext(task.services().blockStore(), task.services().classLoader(),
                TaskScope.memoryBudgetOr(DEFAULT_BUDGET));
    }

    /** The same context with a share of the budget, for two structures that fill at once. */
    public SpillContext withBudget(long bytes) {
        return new SpillContext(store, loader, bytes);
    }
}
