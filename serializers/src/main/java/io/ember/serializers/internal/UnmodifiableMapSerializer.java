package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Serializes the {@code Collections.unmodifiable*Map} wrappers: entries (and the comparator of a
 * sorted map) out as {@link MapCopySerializer} writes them, an equivalent public map wrapped again
 * on the way in, so the result is still unmodifiable.
 */
final class UnmodifiableMapSerializer extends MapCopySerializer {
    private final Function<Map<Object, Object>, Map<Object, Object>> wrap;

    private UnmodifiableMapSerializer(Function<Map<Object, Object>, Map<Object, Object>> wrap) {
        this.wrap = wrap;
    }

    static void registerAll(Kryo kryo) {
        register(kryo, Collections::unmodifiableMap);
        register(kryo, m -> Collections.unmodifiableSortedMap((SortedMap<Object, Object>) m));
        register(kryo, m -> Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) m));
    }

    private static void register(Kryo kryo, Function<Map<Object, Object>, Map<Object, Object>> wrap) {
        Class<?> type = wrap.apply(new TreeMap<>()).getClass();
        kryo.register(type, new UnmodifiableMapSerializer(wrap));
    }

    @Override
    public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
        return wrap.apply(super.read(kryo, input, type));
    }
}
