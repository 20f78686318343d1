package io.ember.serializers.internal;

import com.esotericsoftware.kryo.KryoException;
import io.ember.serializers.SerializationException;
import java.lang.reflect.InaccessibleObjectException;

/**
 * Turns Kryo's failures into {@link SerializationException}s whose messages say what failed:
 * Ember's own explanation when one of its serializers refused an object, else the root cause in
 * one line, followed by Kryo's serialization trace (the chain of fields that led there).
 */
final class Failures {
    private static final String TRACE_HEADER = "Serialization trace:";
    private static final int MAX_REASON_LENGTH = 400;

    private Failures() {
    }

    static SerializationException serializeFailed(Object value, RuntimeException e) {
        if (e instanceof SerializationException own) {
            return own;
        }
        String type = value == null ? "null" : value.getClass().getName();
        return new SerializationException("Cannot serialize an object of class " + type + ": " + reason(e), e);
    }

    static SerializationException deserializeFailed(RuntimeException e) {
        return new SerializationException("Cannot deserialize: " + reason(e), e);
    }

    /** The cause in one line plus Kryo's serialization trace, if it has one. */
    static String reason(Throwable e) {
        String trace = kryoTrace(e);
        return trace == null ? shortReason(e) : shortReason(e) + " (serialization trace: " + trace + ")";
    }

    /**
     * The cause in one line: the message of the innermost {@link SerializationException} (Ember's
     * own explanation) if the chain has one, else the root cause's.
     */
    static String shortReason(Throwable e) {
        Throwable root = e;
        SerializationException innermost = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SerializationException own) {
                innermost = own;
            }
            root = t;
        }
        if (innermost != null) {
            return firstLine(innermost.getMessage());
        }
        if (root instanceof InaccessibleObjectException) {
            String message = String.valueOf(root.getMessage());
            int module = message.indexOf("module ");
            int audience = message.indexOf(" to unnamed module");
            if (module < 0) {
                return "Kryo may not read the private fields of JDK classes";
            }
            String detail = message.substring(module, audience > module ? audience : message.length());
            return "Kryo may not read the private fields of JDK classes (" + detail + ")";
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getName() : root.getClass().getName() + ": " + firstLine(message);
    }

    private static String kryoTrace(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof KryoException) {
                String message = String.valueOf(t.getMessage());
                int header = message.indexOf(TRACE_HEADER);
                if (header >= 0) {
                    String trace = message.substring(header + TRACE_HEADER.length()).strip();
                    return trace.replace("\n", " <- ");
                }
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
