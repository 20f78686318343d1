package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.collection.Traversable;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Writes a Vavr sequence or set as its size and elements, and rebuilds it with a factory such
 * as {@code List::ofAll}. Kryo's reflective default walks a {@code List} cons by cons and
 * overflows the stack at a few thousand elements; this loop does not. A lazy {@code Stream} is
 * forced in full.
 */
final class VavrSeqSerializer extends Serializer<Object> {
    private final Function<java.util.List<Object>, ?> factory;

    VavrSeqSerializer(Function<java.util.List<Object>, ?> factory) {
        this.factory = factory;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        Traversable<?> elements = (Traversable<?>) object;
        output.writeVarInt(elements.size(), true);
        for (Object element : elements) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int size = input.readVarInt(true);
        java.util.List<Object> elements = new ArrayList<>(Sizes.initialCapacity(size));
        for (int i = 0; i < size; i++) {
            elements.add(kryo.readClassAndObject(input));
        }
        return factory.apply(elements);
    }
}
