package io.ember.serializers;

/** Thrown when an object cannot be serialized or deserialized; the message says which and why. */
public class SerializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message and the underlying cause. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception with a message. */
    public SerializationException(String message) {
        super(message);
    }
}
