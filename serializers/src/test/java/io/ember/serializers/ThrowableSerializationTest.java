package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ThrowableSerializationTest {

    /** Java serialization refuses it: {@code Object} is not {@code Serializable}. */
    static final class HandleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Object handle = new Object();

        HandleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Test
    void serializableException_roundTripsAsItself() {
        IllegalStateException original = new IllegalStateException("boom", new IOException("disk"));

        Throwable back = RoundTrip.of(original);

        assertInstanceOf(IllegalStateException.class, back);
        assertEquals("boom", back.getMessage());
        assertArrayEquals(original.getStackTrace(), back.getStackTrace());
        assertInstanceOf(IOException.class, back.getCause());
        assertEquals("disk", back.getCause().getMessage());
    }

    @Test
    void nonSerializableException_becomesRemoteException() {
        HandleException original = new HandleException("no handle", new UncheckedIOException(new IOException("io")));
        original.addSuppressed(new HandleException("suppressed", null));

        Throwable back = RoundTrip.of(original);

        RemoteException remote = assertInstanceOf(RemoteException.class, back);
        assertEquals(HandleException.class.getName(), remote.getOriginalClassName());
        assertEquals("no handle", remote.getMessage());
        assertArrayEquals(original.getStackTrace(), remote.getStackTrace());
        assertEquals("RemoteException: " + HandleException.class.getName() + ": no handle", remote.toString());
        // The serializable cause keeps its class and its own cause.
        assertInstanceOf(UncheckedIOException.class, remote.getCause());
        assertEquals("io", remote.getCause().getCause().getMessage());
        RemoteException suppressed = assertInstanceOf(RemoteException.class, remote.getSuppressed()[0]);
        assertEquals("suppressed", suppressed.getMessage());
    }

    @Test
    void nonSerializableCause_isReplacedToo() {
        RuntimeException original = new RuntimeException("outer", new HandleException("inner", null));

        Throwable back = RoundTrip.of(original);

        RemoteException outer = assertInstanceOf(RemoteException.class, back);
        assertEquals(RuntimeException.class.getName(), outer.getOriginalClassName());
        RemoteException inner = assertInstanceOf(RemoteException.class, outer.getCause());
        assertEquals(HandleException.class.getName(), inner.getOriginalClassName());
        assertEquals("inner", inner.getMessage());
        assertNull(inner.getCause());
    }

    @Test
    void exceptionInsideAResult_roundTrips() {
        io.vavr.control.Try<Integer> failure = io.vavr.control.Try.failure(new ArithmeticException("/ by zero"));

        io.vavr.control.Try<Integer> back = RoundTrip.of(failure);

        assertInstanceOf(ArithmeticException.class, back.getCause());
        assertEquals("/ by zero", back.getCause().getMessage());
    }
}
