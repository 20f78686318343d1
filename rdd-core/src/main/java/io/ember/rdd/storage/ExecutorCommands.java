package io.ember.rdd.storage;

import io.ember.actors.ExecutorInfo;
import io.ember.actors.ExecutorRuntime;
import io.ember.actors.TaskOutcome;
import io.ember.serializers.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link ExecutorCommand}s to executors through the runtime's launch path. Commands take
 * negative task ids, so they never collide with the scheduler's tasks. Thread-safe.
 */
final class ExecutorCommands {
    private static final long WAIT_SECONDS = 30;

    private final ExecutorRuntime runtime;
    private final AtomicLong nextId = new AtomicLong(-1);

    ExecutorCommands(ExecutorRuntime runtime) {
        this.runtime = runtime;
    }

    /** Sends {@code command} to one executor; completes with whether it was applied. */
    CompletableFuture<Boolean> send(String executorId, ExecutorCommand command) {
        byte[] bytes = Codecs.kryo().serialize(command);
        return runtime.launch(executorId, nextId.getAndDecrement(), bytes).toCompletableFuture()
                .thenApply(outcome -> outcome instanceof TaskOutcome.Finished finished && applied(finished.result()));
    }

    /** Sends {@code command} to every live executor; completes with the ids of those that applied it. */
    CompletableFuture<List<String>> sendToAll(ExecutorCommand command) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (ExecutorInfo executor : runtime.executors()) {
            if (executor.state() == ExecutorInfo.State.ALIVE) {
                ids.add(executor.id());
                sent.add(send(executor.id(), command));
            }
        }
        return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<String> applied = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (sent.get(i).join()) {
                    applied.add(ids.get(i));
                }
            }
            return applied;
        });
    }

    /** Waits (bounded) for a command to be applied everywhere; the ids of the executors that applied it. */
    static List<String> await(CompletableFuture<List<String>> sent) {
        try {
            return sent.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    private static boolean applied(byte[] result) {
        try {
            return Boolean.TRUE.equals(Codecs.kryo().deserialize(result, ExecutorCommands.class.getClassLoader()));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
