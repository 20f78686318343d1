package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.ember.serializers.RemoteException;
import java.io.IOException;

/**
 * Serializes exceptions with Java serialization: Kryo's field serializer cannot read
 * {@code Throwable}'s private fields on JDK 17, and Java serialization is what exception classes
 * are written for. Kryo's own {@code JavaSerializer} is not used because it streams into Kryo's
 * output, so an exception that fails halfway would leave a corrupt record; here each exception
 * is serialized into its own array first.
 *
 * <p>An exception that Java serialization refuses (a non-serializable field, typically) is
 * replaced by a {@link RemoteException} with the same class name, message, stack trace,
 * suppressed exceptions and cause chain; causes that can be serialized are kept as they are.
 */
final class ThrowableSerializer extends Serializer<Throwable> {
    /** Cause chains can be made cyclic with {@code initCause}; stop following one this long. */
    private static final int MAX_CAUSE_DEPTH = 64;

    @Override
    public void write(Kryo kryo, Output output, Throwable throwable) {
        byte[] bytes;
        try {
            bytes = JavaSerialization.toBytes(throwable);
        } catch (IOException | RuntimeException notSerializable) {
            try {
                bytes = JavaSerialization.toBytes(portable(throwable, 0));
            } catch (IOException | RuntimeException e) {
                throw new KryoException("Cannot serialize even a RemoteException stand-in for " + throwable, e);
            }
        }
        output.writeVarInt(bytes.length, true);
        output.writeBytes(bytes);
    }

    @Override
    public Throwable read(Kryo kryo, Input input, Class<? extends Throwable> type) {
        byte[] bytes = input.readBytes(input.readVarInt(true));
        try {
            return (Throwable) JavaSerialization.fromBytes(bytes, kryo.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new KryoException("Cannot deserialize an exception of class " + type.getName(), e);
        }
    }

    private static Throwable portable(Throwable throwable, int depth) {
        if (depth > 0 && isSerializable(throwable)) {
            return throwable;
        }
        Throwable cause = throwable.getCause();
        Throwable portableCause = cause == null || depth >= MAX_CAUSE_DEPTH ? null : portable(cause, depth + 1);
        RemoteException stand = new RemoteException(
                throwable.getClass().getName(), throwable.getMessage(), throwable.getStackTrace(), portableCause);
        if (depth < MAX_CAUSE_DEPTH) {
            for (Throwable suppressed : throwable.getSuppressed()) {
                stand.addSuppressed(portable(suppressed, depth + 1));
            }
        }
        return stand;
    }

    private static boolean isSerializable(Throwable throwable) {
        try {
            JavaSerialization.toBytes(throwable);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
