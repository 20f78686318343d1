package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a Vavr map as its size and key/value pairs, in iteration order, and rebuilds it with a
 * factory such as {@code HashMap::ofEntries}; this keeps the wire format independent of the
 * map's internal trie and keeps a {@code LinkedHashMap}'s order.
 */
final class VavrMapSerializer extends Serializer<Object> {
    private final Function<List<Tuple2<Object, Object>>, ?> factory;

    VavrMapSerializer(Function<List<Tuple2<Object, Object>>, ?> factory) {
        this.factory = factory;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        writeEntries(kryo, output, (Map<?, ?>) object);
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        return factory.apply(readEntries(kryo, input));
    }

    static void writeEntries(Kryo kryo, Output output, Map<?, ?> map) {
        output.writeVarInt(map.size(), true);
        for (Tuple2<?, ?> entry : map) {
            kryo.writeClassAndObject(output, entry._1);
            kryo.writeClassAndObject(output, entry._2);
        }
    }

    static List<Tuple2<Object, Object>> readEntries(Kryo kryo, Input input) {
        int size = input.readVarInt(true);
        List<Tuple2<Object, Object>> entries = new ArrayList<>(Sizes.initialCapacity(size));
        for (int i = 0; i < size; i++) {
            Object key = kryo.readClassAndObject(input);
            entries.add(Tuple.of(key, kryo.readClassAndObject(input)));
        }
        return entries;
    }
}
