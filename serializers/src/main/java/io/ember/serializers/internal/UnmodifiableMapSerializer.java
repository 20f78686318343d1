package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Serializes the {@code Collections.unmodifiable*Map} wrappers the way
 * {@link UnmodifiableCollectionSerializer} does collections: entries (and the comparator of a
 * sorted map) out, an equivalent public map wrapped again on the way in.
 */
final class UnmodifiableMapSerializer extends Serializer<Map<Object, Object>> {
    private final Function<Map<Object, Object>, Map<Object, Object>> wrap;
    private final boolean sorted;

    private UnmodifiableMapSerializer(Function<Map<Object, Object>, Map<Object, Object>> wrap, boolean sorted) {
        this.wrap = wrap;
        this.sorted = sorted;
    }

    static void registerAll(Kryo kryo) {
        register(kryo, Collections::unmodifiableMap, false);
        register(kryo, m -> Collections.unmodifiableSortedMap((SortedMap<Object, Object>) m), true);
        register(kryo, m -> Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) m), true);
    }

    private static void register(
            Kryo kryo, Function<Map<Object, Object>, Map<Object, Object>> wrap, boolean sorted) {
        Class<?> type = wrap.apply(new TreeMap<>()).getClass();
        kryo.register(type, new UnmodifiableMapSerializer(wrap, sorted));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(Kryo kryo, Output output, Map<Object, Object> map) {
        if (sorted) {
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
        Map<Object, Object> entries = sorted
                ? new TreeMap<>((Comparator<Object>) kryo.readClassAndObject(input))
                : new LinkedHashMap<>();
        int size = input.readVarInt(true);
        for (int i = 0; i < size; i++) {
            Object key = kryo.readClassAndObject(input);
            entries.put(key, kryo.readClassAndObject(input));
        }
        return wrap.apply(entries);
    }
}
