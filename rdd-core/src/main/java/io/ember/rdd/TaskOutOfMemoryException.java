package io.ember.rdd;

/**
 * A task ran out of memory ({@link OutOfMemoryError} on its executor). The message names the
 * stage, the partition, the RDD being computed and the innermost Ember or application frame
 * that was allocating (the operator), the executor's heap, and the settings to change; the
 * stack trace is the error's own. Its job fails with this as the cause: in local mode at once
 * (the executors share the driver's heap, so a retry would run out again), on a cluster after
 * the task was retried on other executors, the one that ran out being given up.
 */
public class TaskOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TaskOutOfMemoryException(String message) {
        super(message);
    }
}
