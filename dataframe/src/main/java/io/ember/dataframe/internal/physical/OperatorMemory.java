package io.ember.dataframe.internal.physical;

import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.shuffle.SpillContext;
import java.util.function.Supplier;

/**
 * What a spilling operator of one task draws on: the task's execution memory, and where its
 * spill files go (resolved only when it first spills, so an operator that never spills needs no
 * block store). Owned by the task's thread; never shipped.
 */
final class OperatorMemory {
    private final TaskMemoryManager memory;
    private final Supplier<SpillContext> spills;
    private SpillContext resolved;

    OperatorMemory(TaskMemoryManager memory, Supplier<SpillContext> spills) {
        this.memory = memory;
        this.spills = spills;
    }

    /** The memory and scratch space of the task running on this thread. */
    static OperatorMemory ofRunningTask() {
        return new OperatorMemory(TaskScope.taskMemory(), SpillContext::current);
    }

    TaskMemoryManager memory() {
        return memory;
    }

    SpillContext spills() {
        if (resolved == null) {
            resolved = spills.get();
        }
        return resolved;
    }
}
