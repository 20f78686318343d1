package io.ember.rdd.internal.storage;

import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.rdd.EmberConf;
import io.ember.serializers.Codecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@link ExecutorCommand}s to executors as control commands of the runtime, which never
 * wait for a task slot. Thread-safe.
 *
 * <p>Each command carries its own timeout, {@code ember.storage.commandTimeout}, and waiting never
 * ends silently: a command that is not answered in time, or that a live executor could not
 * apply, fails the waiting caller with a message naming the command and the executors. An
 * executor lost on the way is no failure: whatever the command was about is gone with it.
 */
final class ExecutorCommands {
    /** How one executor answered a command. */
    enum Answer { APPLIED, REFUSED, LOST, TIMED_OUT }

    /** A command on its way to every executor that was alive when it was sent. */
    record Delivery(ExecutorCommand command, Map<String, CompletableFuture<Answer>> answers) {
    }

    private static final long RUNTIME_GRACE_MILLIS = 10_000;

    private final ExecutorRuntime runtime;
    private final Duration timeout;

    ExecutorCommands(ExecutorRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeout = timeout;
    }

    /** Sends {@code command} to one executor; completes with whether it was applied. */
    CompletableFuture<Boolean> send(String executorId, ExecutorCommand command) {
        return deliver(executorId, command).thenApply(answer -> answer == Answer.APPLIED);
    }

    /** Sends {@code command} to every live executor. */
    Delivery sendToAll(ExecutorCommand command) {
        Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
        for (ExecutorInfo executor : runtime.executors()) {
            if (executor.state() == ExecutorInfo.State.ALIVE) {
                answers.put(executor.id(), deliver(executor.id(), command));
            }
        }
        return new Delivery(command, answers);
    }

    /**
     * Waits for every executor's answer to {@code delivery}; returns the ids of those that applied it.
     *
     * @throws IllegalStateException if some executor did not answer within the timeout, refused the
     *     command, or the calling thread was interrupted (its interrupt flag is then kept)
     */
    List<String> await(Delivery delivery) {
        CompletableFuture<?>[] all = delivery.answers().values().toArray(new CompletableFuture<?>[0]);
        try {
            // why a bound beyond the commands' own timeouts: the runtime settles each one in time, this only guards it
            CompletableFuture.allOf(all).get(timeout.toMillis() + RUNTIME_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for executors " + unanswered(delivery)
                    + " to apply " + describe(delivery.command()), e);
        } catch (TimeoutException e) {
            throw notInTime(unanswered(delivery), delivery.command(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending " + describe(delivery.command()) + " failed", e.getCause());
        }
        List<String> applied = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> late = new ArrayList<>();
        delivery.answers().forEach((id, answer) -> {
            Answer a = answer.join();
            if (a == Answer.APPLIED) {
                applied.add(id);
            } else if (a == Answer.REFUSED) {
                refused.add(id);
            } else if (a == Answer.TIMED_OUT) {
                late.add(id);
            }
        });
        if (!late.isEmpty()) {
            throw notInTime(late, delivery.command(), null);
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Executors " + refused + " could not apply " + describe(delivery.command())
                    + " (their logs tell why)");
        }
        return applied;
    }

    private IllegalStateException notInTime(List<String> executors, ExecutorCommand command, Throwable cause) {
        return new IllegalStateException("Executors " + executors + " did not apply " + describe(command) + " within "
                + timeout.toMillis() + " ms (the wait is set by " + EmberConf.STORAGE_COMMAND_TIMEOUT + ")", cause);
    }

    private CompletableFuture<Answer> deliver(String executorId, ExecutorCommand command) {
        byte[] bytes = Codecs.kryo().serialize(command);
        return runtime.sendCommand(executorId, bytes, timeout).toCompletableFuture()
                .thenApply(outcome -> {
                    if (outcome instanceof CommandOutcome.ExecutorLost) {
                        return Answer.LOST;
                    }
                    if (outcome instanceof CommandOutcome.TimedOut) {
                        return Answer.TIMED_OUT;
                    }
                    return outcome instanceof CommandOutcome.Answered answered && applied(answered.answer())
                            ? Answer.APPLIED : Answer.REFUSED;
                });
    }

    private static List<String> unanswered(Delivery delivery) {
        List<String> waiting = new ArrayList<>();
        delivery.answers().forEach((id, answer) -> {
            if (!answer.isDone()) {
                waiting.add(id);
            }
        });
        return waiting;
    }

    private static String describe(ExecutorCommand command) {
        return command instanceof ExecutorCommand.PutBroadcast put
                ? "PutBroadcast[broadcastId=" + put.broadcastId() + ", " + put.bytes().length + " bytes]"
                : command.toString();
    }

    private static boolean applied(byte[] result) {
        try {
            return Boolean.TRUE.equals(Codecs.kryo().deserialize(result, ExecutorCommands.class.getClassLoader()));
        } catch (RuntimeException e) { // why: an answer that cannot be read is a refusal, reported by await
            return false;
        }
    }
}
