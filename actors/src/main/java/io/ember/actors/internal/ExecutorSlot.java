package io.ember.actors.internal;

import io.ember.actors.internal.memory.MemoryManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Design notes
 * ------------
 * The non-actor parts of one executor, created by LocalExecutorRuntime before the actor system
 * starts so that the block store is registered (and fetchable) as soon as start() returns.
 * Ownership passes to the ExecutorActor when it is spawned: only the actor submits to `workers`,
 * and its PostStop shuts them down, clears `blockStore` (deleting its files) and completes
 * `stopped`. `tasks` knows which worker thread runs which task, so that one can be interrupted.
 * `control` is one more thread for the driver's control commands, so that a command never waits
 * for a task slot (nor runs, with its I/O, on the actor's thread); PostStop shuts it down too.
 * The runtime only waits: on `stopped` in killExecutor, on the pool's termination in
 * close(). `memory` is the region its tasks and block store share: in local mode one for every
 * slot of the runtime (they share the JVM's heap), on a worker one per application executor.
 */
record ExecutorSlot(String id, int cores, MemoryManager memory, TieredBlockStore blockStore, ExecutorService workers,
                    ExecutorService control, CompletableFuture<Void> stopped, TaskThreads tasks) {

    static ExecutorSlot create(String id, int cores, MemoryManager memory) {
        return new ExecutorSlot(id, cores, memory, new TieredBlockStore(id, memory),
                Executors.newFixedThreadPool(cores, threads(id, "task")),
                Executors.newSingleThreadExecutor(threads(id, "control")), new CompletableFuture<>(), new TaskThreads());
    }

    /** Daemon threads named {@code ember-exec-0-task-1}: findable in a thread dump, never keep the JVM up. */
    private static ThreadFactory threads(String executorId, String kind) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ember-" + executorId + "-" + kind + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
