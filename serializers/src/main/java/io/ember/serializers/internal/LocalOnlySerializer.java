package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.ember.serializers.LocalOnly;
import io.ember.serializers.SerializationException;

/** Refuses every {@link LocalOnly} object, naming its class. */
final class LocalOnlySerializer extends Serializer<Object> {
    static final LocalOnlySerializer INSTANCE = new LocalOnlySerializer();

    private LocalOnlySerializer() {
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        throw new SerializationException(message(object.getClass()));
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        throw new SerializationException(message(type));
    }

    static String message(Class<?> type) {
        return type.getName() + " cannot be serialized: it belongs to the JVM that created it"
                + " (such as the driver) and cannot be used inside a closure";
    }
}
