package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serializes the {@code Collections.unmodifiable*} collection wrappers, whose wrapped collection
 * sits in a private JDK field Kryo may not read on JDK 17: it writes the elements (and the
 * comparator of a sorted set) and wraps an equivalent public collection the same way again, so
 * the result is still unmodifiable and of the same wrapper class.
 */
final class UnmodifiableCollectionSerializer extends Serializer<Collection<Object>> {
    private final Function<Comparator<Object>, Collection<Object>> backing;
    private final Function<Collection<Object>, Collection<Object>> wrap;
    private final boolean sorted;

    private UnmodifiableCollectionSerializer(
            Function<Comparator<Object>, Collection<Object>> backing,
            Function<Collection<Object>, Collection<Object>> wrap,
            boolean sorted) {
        this.backing = backing;
        this.wrap = wrap;
        this.sorted = sorted;
    }

    static void registerAll(Kryo kryo) {
        register(kryo, ArrayList::new, c -> Collections.unmodifiableCollection(c));
        register(kryo, ArrayList::new, c -> Collections.unmodifiableList((java.util.List<Object>) c));
        register(kryo, LinkedList::new, c -> Collections.unmodifiableList((java.util.List<Object>) c));
        register(kryo, LinkedHashSet::new, c -> Collections.unmodifiableSet((java.util.Set<Object>) c));
        registerSorted(kryo, c -> Collections.unmodifiableSortedSet((SortedSet<Object>) c));
        registerSorted(kryo, c -> Collections.unmodifiableNavigableSet((NavigableSet<Object>) c));
    }

    private static void register(
            Kryo kryo, Supplier<Collection<Object>> backing, Function<Collection<Object>, Collection<Object>> wrap) {
        Class<?> type = wrap.apply(backing.get()).getClass();
        kryo.register(type, new UnmodifiableCollectionSerializer(comparator -> backing.get(), wrap, false));
    }

    private static void registerSorted(Kryo kryo, Function<Collection<Object>, Collection<Object>> wrap) {
        Class<?> type = wrap.apply(new TreeSet<>()).getClass();
        kryo.register(type, new UnmodifiableCollectionSerializer(TreeSet::new, wrap, true));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(Kryo kryo, Output output, Collection<Object> collection) {
        CollectionCopySerializer.writeElements(kryo, output, collection, sorted);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<Object> read(Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
        Comparator<Object> comparator = sorted ? (Comparator<Object>) kryo.readClassAndObject(input) : null;
        return wrap.apply(CollectionCopySerializer.readElements(kryo, input, backing.apply(comparator)));
    }
}
