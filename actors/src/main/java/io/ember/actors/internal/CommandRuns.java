package io.ember.actors.internal;

import io.ember.actors.CommandOutcome;

/*
 * Design notes
 * ------------
 * What the driver actors (DriverEndpoint, ClusterDriver) and the executor actors (ExecutorActor,
 * AppExecutor) share about control commands besides the PendingTasks table: the outcome that
 * an executor's answer stands for.
 */
final class CommandRuns {
    private CommandRuns() {
    }

    /** The outcome of an executor's answer: {@code answer} if it applied the command, else {@code error}. */
    static CommandOutcome outcomeOf(String executorId, byte[] answer, String error) {
        return answer != null ? new CommandOutcome.Answered(executorId, answer) : new CommandOutcome.Failed(executorId, error);
    }
}
