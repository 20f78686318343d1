package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fallback for JDK maps Kryo cannot rebuild (synchronized wrappers, sub-map views...):
 * writes the entries and reads them into a {@code LinkedHashMap}, or a {@code TreeMap} with the
 * same comparator for a sorted map. The copy is equal to the original but not of its class.
 */
class MapCopySerializer extends Serializer<Map<Object, Object>> {
    @Override
    @SuppressWarnings("unchecked")
    public void write(Kryo kryo, Output output, Map<Object, Object> map) {
        if (map instanceof SortedMap) {
            kryo.writeClassAndObject(output, ((SortedMap<Object, Object>) map).comparator());
        }
        output.writeVarInt(map.size(), true);
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            kryo.writeClassAndObject(output, entry.getKey());
            kryo.writeClassAndObject(output, entry.getValue());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
        Map<Object, Object> copy = SortedMap.class.isAssignableFrom(type)
                ? new TreeMap<>((Comparator<Object>) kryo.readClassAndObject(input))
                : new LinkedHashMap<>();
        int size = input.readVarInt(true);
        for (int i = 0; i < size; i++) {
            Object key = kryo.readClassAndObject(input);
            copy.put(key, kryo.readClassAndObject(input));
        }
        return copy;
    }
}
