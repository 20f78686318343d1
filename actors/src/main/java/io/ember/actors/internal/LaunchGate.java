package io.ember.actors.internal;

import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.internal.spi.TaskOutcome;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/*
 * Design notes
 * ------------
 * How a runtime (local or cluster) lets launches (of tasks and of control commands) through to its driver actor until it closes,
 * so that no launched future is left uncompleted: launch() holds the read lock from its check to
 * its tell, and close() sets the flag and tells the driver Shutdown under the write lock, so every
 * Launch that got past the check is in the driver's mailbox before Shutdown (which settles it);
 * a launch after the close is settled here as lost. Thread-safe.
 */
final class LaunchGate {
    private static final String CLOSED = "the executor runtime is closed";

    private final AtomicLong nextCommandId = new AtomicLong(-1);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Written under the write lock; read without it only to tell a termination from a close. */
    private volatile boolean closed;

    /**
     * Launches a task through {@code send} (which tells the driver actor, handing it the future to
     * complete), or settles it as lost if the runtime is closed.
     */
    CompletionStage<TaskOutcome> launch(String executorId, byte[] task, Consumer<CompletableFuture<TaskOutcome>> send) {
        return pass(executorId, task, new TaskOutcome.ExecutorLost(executorId, CLOSED), send);
    }

    /**
     * As {@link #launch}, for a control command: {@code send} is given the command's id, counting
     * down from -1 so that it never equals a task's (both kinds of payload share the data path).
     */
    CompletionStage<CommandOutcome> sendCommand(String executorId, byte[] command,
                                                BiConsumer<Long, CompletableFuture<CommandOutcome>> send) {
        long commandId = nextCommandId.getAndDecrement();
        return pass(executorId, command, new CommandOutcome.ExecutorLost(executorId, CLOSED),
                outcome -> send.accept(commandId, outcome));
    }

    private <O> CompletionStage<O> pass(String executorId, byte[] payload, O whenClosed, Consumer<CompletableFuture<O>> send) {
        Objects.requireNonNull(executorId, "executorId is null");
        Objects.requireNonNull(payload, "payload is null");
        CompletableFuture<O> outcome = new CompletableFuture<>();
        lock.readLock().lock();
        try {
            if (closed) {
                outcome.complete(whenClosed);
            } else {
                send.accept(outcome);
            }
        } finally {
            lock.readLock().unlock();
        }
        return outcome.minimalCompletionStage();
    }

    /** Closes the gate; on the first call only, runs {@code shutdown} under the lock. Returns whether this was the first. */
    boolean close(Runnable shutdown) {
        lock.writeLock().lock();
        try {
            boolean first = !closed;
            closed = true;
            if (first) {
                shutdown.run();
            }
            return first;
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }
}
