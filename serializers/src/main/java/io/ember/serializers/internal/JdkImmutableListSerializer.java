package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces Kryo's serializer for the JDK's immutable lists, which rebuilds through
 * {@code List.of} and so fails on the lists that {@code Stream.toList()} returns: same classes,
 * but nulls allowed. A list with nulls is rebuilt the way {@code Stream.toList()} builds one.
 */
final class JdkImmutableListSerializer extends Serializer<List<Object>> {

    static void registerAll(Kryo kryo) {
        JdkImmutableListSerializer serializer = new JdkImmutableListSerializer();
        kryo.register(List.of().getClass(), serializer);
        kryo.register(List.of(0).getClass(), serializer);
        kryo.register(List.of(0, 1, 2).subList(0, 1).getClass(), serializer);
    }

    @Override
    public void write(Kryo kryo, Output output, List<Object> list) {
        output.writeVarInt(list.size(), true);
        for (Object element : list) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
        int size = input.readVarInt(true);
        Object[] elements = new Object[size];
        boolean hasNull = false;
        for (int i = 0; i < size; i++) {
            elements[i] = kryo.readClassAndObject(input);
            hasNull |= elements[i] == null;
        }
        return hasNull ? Arrays.stream(elements).toList() : List.of(elements);
    }
}
