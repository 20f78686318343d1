package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.AbstractMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Serializes the JDK's stand-alone map entries ({@code Map.entry}, {@code AbstractMap.SimpleEntry}
 * and {@code SimpleImmutableEntry}), whose private fields Kryo may not read on JDK 17, through
 * their public accessors and constructors.
 */
final class MapEntrySerializer extends Serializer<Map.Entry<Object, Object>> {
    private final BiFunction<Object, Object, Map.Entry<Object, Object>> factory;

    private MapEntrySerializer(BiFunction<Object, Object, Map.Entry<Object, Object>> factory) {
        this.factory = factory;
    }

    static void registerAll(Kryo kryo) {
        kryo.register(Map.entry(0, 0).getClass(), new MapEntrySerializer(Map::entry));
        kryo.register(AbstractMap.SimpleEntry.class, new MapEntrySerializer(AbstractMap.SimpleEntry::new));
        kryo.register(
                AbstractMap.SimpleImmutableEntry.class,
                new MapEntrySerializer(AbstractMap.SimpleImmutableEntry::new));
    }

    @Override
    public void write(Kryo kryo, Output output, Map.Entry<Object, Object> entry) {
        kryo.writeClassAndObject(output, entry.getKey());
        kryo.writeClassAndObject(output, entry.getValue());
    }

    @Override
    public Map.Entry<Object, Object> read(Kryo kryo, Input input, Class<? extends Map.Entry<Object, Object>> type) {
        Object key = kryo.readClassAndObject(input);
        return factory.apply(key, kryo.readClassAndObject(input));
    }
}
