package io.ember.serializers;

/**
 * Thrown by {@link Closures#ensureSerializable} when a closure cannot be shipped to executors.
 * The message names the closure, the captured object and the field that cannot be serialized;
 * the cause is the original serialization failure.
 */
public class ClosureNotSerializableException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the explanation and the underlying serialization failure. */
    public ClosureNotSerializableException(String message, Throwable cause) {
        super(message, cause);
    }
}
