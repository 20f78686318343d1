package io.ember.actors.internal.spi;

import java.time.Duration;

/**
 * How a control command sent with {@link ExecutorRuntime#sendCommand} ended, as seen by the driver.
 * Commands are not tasks: they never wait for a task slot, and each has its own timeout.
 */
public sealed interface CommandOutcome {

    /** The executor the command was sent to. */
    String executorId();

    /** The runner applied the command and answered {@code answer}. */
    record Answered(String executorId, byte[] answer) implements CommandOutcome {}

    /** The runner threw; {@code error} is its text. */
    record Failed(String executorId, String error) implements CommandOutcome {}

    /** The executor stopped or was lost before it answered. */
    record ExecutorLost(String executorId, String reason) implements CommandOutcome {}

    /** No answer came within {@code timeout}; the command may still be applied later. */
    record TimedOut(String executorId, Duration timeout) implements CommandOutcome {}
}
