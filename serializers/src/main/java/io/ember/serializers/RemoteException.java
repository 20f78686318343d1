package io.ember.serializers;

import java.util.Objects;

/**
 * Stands in for an exception that could not be serialized (typically because one of its fields
 * is not serializable), so that an executor's failure still reaches the driver with the
 * original class name, message, stack trace and cause chain.
 *
 * <p>Causes that could be serialized are kept as they were; the ones that could not are
 * themselves replaced by {@code RemoteException}s.
 */
public class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name of the replaced exception's class, which may not exist where this is read. */
    private final String originalClassName;

    /**
     * Creates a stand-in for an exception of class {@code originalClassName}.
     *
     * @param originalClassName fully qualified name of the exception's class, never null
     * @param message the original message, may be null
     * @param stackTrace the original stack trace, never null
     * @param cause the (possibly also replaced) cause, may be null
     */
    public RemoteException(
            String originalClassName, String message, StackTraceElement[] stackTrace, Throwable cause) {
        super(message, cause);
        this.originalClassName = Objects.requireNonNull(originalClassName, "originalClassName is null");
        setStackTrace(Objects.requireNonNull(stackTrace, "stackTrace is null"));
    }

    /** The fully qualified name of the class of the exception this one replaces. */
    public String getOriginalClassName() {
        return originalClassName;
    }

    /**
     * Reads like the original's {@code toString()}, prefixed so that nobody mistakes it for an
     * instance of the original class (a {@code catch} of that class will not catch it).
     */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return "RemoteException: " + originalClassName + (message == null ? "" : ": " + message);
    }
}
