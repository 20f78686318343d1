package io.ember.actors.internal.spi;

/** How one launched task ended, as seen by the driver. */
public sealed interface TaskOutcome {

    /** The executor the task ran on. */
    String executorId();

    /** The runner returned; {@code result} is its bytes (which may encode a user failure). */
    record Finished(String executorId, byte[] result) implements TaskOutcome {}

    /** The runner threw (an engine bug or an out-of-memory error); {@code error} is its text. */
    record Crashed(String executorId, String error) implements TaskOutcome {}

    /** The executor stopped or was lost before the task finished; the task must be resubmitted. */
    record ExecutorLost(String executorId, String reason) implements TaskOutcome {}
}
