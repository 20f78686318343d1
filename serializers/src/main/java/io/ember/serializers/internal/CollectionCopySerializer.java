package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fallback for JDK collections Kryo cannot rebuild (sub-lists, key-set views,
 * {@code nCopies}, synchronized wrappers...): writes the elements and reads them into the
 * public collection with the same contract, an {@code ArrayList} for a list, a
 * {@code LinkedHashSet} for a set (keeping iteration order), a {@code TreeSet} with the same
 * comparator for a sorted set. The copy is equal to the original but not of its class.
 */
final class CollectionCopySerializer extends Serializer<Collection<Object>> {
    @Override
    @SuppressWarnings("unchecked")
    public void write(Kryo kryo, Output output, Collection<Object> collection) {
        writeElements(kryo, output, collection, collection instanceof SortedSet);
    }

    /** Writes the comparator (for a sorted set), the size and the elements. */
    @SuppressWarnings("unchecked")
    static void writeElements(Kryo kryo, Output output, Collection<Object> collection, boolean sorted) {
        if (sorted) {
            kryo.writeClassAndObject(output, ((SortedSet<Object>) collection).comparator());
        }
        output.writeVarInt(collection.size(), true);
        for (Object element : collection) {
            kryo.writeClassAndObject(output, element);
        }
    }

    /** Reads a size and that many elements into {@code into}. */
    static Collection<Object> readElements(Kryo kryo, Input input, Collection<Object> into) {
        int size = input.readVarInt(true);
        for (int i = 0; i < size; i++) {
            into.add(kryo.readClassAndObject(input));
        }
        return into;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<Object> read(Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
        Collection<Object> copy;
        if (SortedSet.class.isAssignableFrom(type)) {
            copy = new TreeSet<>((Comparator<Object>) kryo.readClassAndObject(input));
        } else if (Set.class.isAssignableFrom(type)) {
            copy = new LinkedHashSet<>();
        } else if (Queue.class.isAssignableFrom(type) && !List.class.isAssignableFrom(type)) {
            copy = new LinkedList<>();
        } else {
            copy = new ArrayList<>();
        }
        return readElements(kryo, input, copy);
    }
}
