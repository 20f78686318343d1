package io.ember.actors.internal;

import akka.actor.typed.javadsl.TimerScheduler;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/*
 * Design notes
 * ------------
 * The driver actors' control commands in flight: a PendingTasks table (the same rules as for
 * tasks) plus one timer per command, so that a command nobody answers ends as TimedOut instead of
 * waiting forever. Shared by DriverEndpoint and ClusterDriver (C is the actor's message type);
 * used on the owning actor's thread only. The two actors' routes to answered() and timedOut()
 * stay alike on purpose: each actor has message types of its own (DriverEndpoint's never leave
 * this JVM, ClusterDriver's cross nodes).
 */
final class PendingCommands<C> {
    private final PendingTasks<CommandOutcome> table;
    private final TimerScheduler<C> timers;

    /** {@code onSettled} is told the id of each command as it leaves the table. */
    PendingCommands(TimerScheduler<C> timers, LongConsumer onSettled) {
        this.timers = timers;
        this.table = PendingTasks.forCommands(commandId -> {
            timers.cancel(commandId);
            onSettled.accept(commandId);
        });
    }

    /**
     * As {@link PendingTasks#admit}; a command taken is sent {@code timedOut} (to be handed to
     * {@link #timedOut}) by the owner's timer after {@code timeout}.
     */
    boolean admit(long commandId, String executorId, Map<String, ExecutorInfo> states, boolean alive, Duration timeout,
                  CompletableFuture<CommandOutcome> outcome, C timedOut) {
        if (!table.admit(commandId, executorId, states, alive, outcome)) {
            return false;
        }
        timers.startSingleTimer(commandId, timedOut, timeout);
        return true;
    }

    /** The executor answered: {@code answer} if it applied the command, else {@code error} (its text). */
    void answered(long commandId, String executorId, byte[] answer, String error) {
        table.settle(commandId, executorId, answer != null ? new CommandOutcome.Answered(executorId, answer)
                : new CommandOutcome.Failed(executorId, error));
    }

    /** The command's timer fired. */
    void timedOut(long commandId, String executorId, Duration timeout) {
        table.settle(commandId, executorId, new CommandOutcome.TimedOut(executorId, timeout));
    }

    /** As {@link PendingTasks#loseWhere}. */
    void loseWhere(Predicate<String> isLost, String reason) {
        table.loseWhere(isLost, reason);
    }
}
