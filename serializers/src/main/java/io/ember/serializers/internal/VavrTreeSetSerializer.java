package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.collection.TreeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a Vavr {@code TreeSet} as its comparator and elements. Natural ordering is written as
 * a flag and restored as Vavr's own natural comparator; any other comparator must itself be
 * serializable (a serializable lambda, for instance).
 */
final class VavrTreeSetSerializer extends Serializer<TreeSet<Object>> {
    @SuppressWarnings("unchecked")
    private static final Comparator<Object> NATURAL =
            (Comparator<Object>) (Comparator<?>) TreeSet.<Integer>empty().comparator();

    @Override
    public void write(Kryo kryo, Output output, TreeSet<Object> set) {
        Comparator<Object> comparator = set.comparator();
        boolean natural = comparator.getClass() == NATURAL.getClass();
        output.writeBoolean(natural);
        if (!natural) {
            kryo.writeClassAndObject(output, comparator);
        }
        output.writeVarInt(set.size(), true);
        for (Object element : set) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public TreeSet<Object> read(Kryo kryo, Input input, Class<? extends TreeSet<Object>> type) {
        Comparator<Object> comparator =
                input.readBoolean() ? NATURAL : (Comparator<Object>) kryo.readClassAndObject(input);
        int size = input.readVarInt(true);
        List<Object> elements = new ArrayList<>(Sizes.initialCapacity(size));
        for (int i = 0; i < size; i++) {
            elements.add(kryo.readClassAndObject(input));
        }
        return TreeSet.ofAll(comparator, elements);
    }
}
