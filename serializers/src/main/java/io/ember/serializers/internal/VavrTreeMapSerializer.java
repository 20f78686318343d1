package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.collection.TreeMap;
import java.util.Comparator;

/**
 * Writes a Vavr {@code TreeMap} as its key comparator and entries, like
 * {@link VavrTreeSetSerializer}: natural ordering as a flag, any other comparator as an object.
 */
final class VavrTreeMapSerializer extends Serializer<TreeMap<Object, Object>> {
    @SuppressWarnings("unchecked")
    private static final Comparator<Object> NATURAL =
            (Comparator<Object>) (Comparator<?>) TreeMap.<Integer, Object>empty().comparator();

    @Override
    public void write(Kryo kryo, Output output, TreeMap<Object, Object> map) {
        Comparator<Object> comparator = map.comparator();
        boolean natural = comparator.getClass() == NATURAL.getClass();
        output.writeBoolean(natural);
        if (!natural) {
            kryo.writeClassAndObject(output, comparator);
        }
        VavrMapSerializer.writeEntries(kryo, output, map);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TreeMap<Object, Object> read(Kryo kryo, Input input, Class<? extends TreeMap<Object, Object>> type) {
        Comparator<Object> comparator =
                input.readBoolean() ? NATURAL : (Comparator<Object>) kryo.readClassAndObject(input);
        return TreeMap.ofEntries(comparator, VavrMapSerializer.readEntries(kryo, input));
    }
}
