package io.ember.actors.internal.spi;

import io.ember.actors.internal.memory.MemoryManager;
import java.util.List;

/** What a running task may use of the executor it runs on. Thread-safe. */
public interface ExecutorServices {

    /** The id of the executor running the task, e.g. {@code "exec-1"}. */
    String executorId();

    /** This executor's local block store (shuffle outputs, cached partitions). */
    BlockStore blockStore();

    /**
     * Reads a block held by another (or this) executor.
     *
     * @throws BlockFetchException if that executor is gone or does not hold the block
     */
    byte[] fetch(String executorId, BlockId blockId);

    /** The class loader that resolves the application's classes (closures, records). */
    ClassLoader classLoader();

    /**
     * The other live executors this one can {@link #fetch} from, for reading a cached block
     * held elsewhere. None by default (a runtime that cannot list them).
     */
    default List<String> peers() {
        return List.of();
    }

    /**
     * The execution and storage memory this executor's tasks share. By default one region for
     * the whole JVM (executors in one JVM share its heap).
     */
    default MemoryManager memoryManager() {
        return MemoryManager.jvmDefault();
    }
}
