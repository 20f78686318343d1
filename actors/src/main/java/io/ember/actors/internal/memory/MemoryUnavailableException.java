package io.ember.actors.internal.memory;

/**
 * A task needed execution memory that its executor could not give even after every operator
 * of the task spilled: the message names the operator, the sizes and the settings to change.
 */
public final class MemoryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with its full explanation. */
    public MemoryUnavailableException(String message) {
        super(message);
    }

    /** An error with its full explanation and cause. */
    public MemoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
