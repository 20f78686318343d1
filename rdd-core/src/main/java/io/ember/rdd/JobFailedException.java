package io.ember.rdd;

/**
 * A job was aborted: a task failed more often than {@code ember.task.maxFailures}, a stage kept
 * losing its inputs, or the context stopped. The message names the stage, partition and attempt;
 * the cause is the user's exception from the last failed attempt, when there is one.
 */
public class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
