package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import io.vavr.Tuple0;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Queue;
import io.vavr.collection.Stream;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The serializers Ember adds to Kryo, and the fixed table of class IDs.
 *
 * <p>Every Kryo is configured by this one method, in this order, so every JVM running the same
 * version of this module assigns the same IDs. IDs let frequent classes travel as one byte
 * instead of their name, which matters for shuffle records (a name is written once per record,
 * since each record is its own object graph). Append to the ID list; never reorder it.
 */
final class KryoRegistrations {
    private KryoRegistrations() {
    }

    static void registerAll(Kryo kryo) {
        addJdkValueDefaults(kryo);
        addTypeDefaults(kryo);
        registerJdkFixes(kryo);
        registerFrequentClasses(kryo);
    }

    /**
     * JDK value classes Kryo ships serializers for but does not install; its field serializer
     * cannot read their private fields on JDK 17.
     */
    private static void addJdkValueDefaults(Kryo kryo) {
        kryo.addDefaultSerializer(UUID.class, new DefaultSerializers.UUIDSerializer());
        kryo.addDefaultSerializer(URI.class, new DefaultSerializers.URISerializer());
        kryo.addDefaultSerializer(Pattern.class, new DefaultSerializers.PatternSerializer());
        kryo.addDefaultSerializer(AtomicBoolean.class, new DefaultSerializers.AtomicBooleanSerializer());
        kryo.addDefaultSerializer(AtomicInteger.class, new DefaultSerializers.AtomicIntegerSerializer());
        kryo.addDefaultSerializer(AtomicLong.class, new DefaultSerializers.AtomicLongSerializer());
        kryo.addDefaultSerializer(AtomicReference.class, new DefaultSerializers.AtomicReferenceSerializer());
    }

    /** Serializers chosen by supertype, so they cover every implementation class. */
    private static void addTypeDefaults(Kryo kryo) {
        kryo.addDefaultSerializer(Throwable.class, new ThrowableSerializer());

        kryo.addDefaultSerializer(List.class, new VavrSeqSerializer(List::ofAll));
        kryo.addDefaultSerializer(Stream.class, new VavrSeqSerializer(Stream::ofAll));
        kryo.addDefaultSerializer(Queue.class, new VavrSeqSerializer(Queue::ofAll));
        kryo.addDefaultSerializer(Vector.class, new VavrSeqSerializer(Vector::ofAll));
        kryo.addDefaultSerializer(Array.class, new VavrSeqSerializer(Array::ofAll));
        kryo.addDefaultSerializer(HashSet.class, new VavrSeqSerializer(HashSet::ofAll));
        kryo.addDefaultSerializer(LinkedHashSet.class, new VavrSeqSerializer(LinkedHashSet::ofAll));
        kryo.addDefaultSerializer(TreeSet.class, new VavrTreeSetSerializer());
        kryo.addDefaultSerializer(HashMap.class, new VavrMapSerializer(HashMap::ofEntries));
        kryo.addDefaultSerializer(LinkedHashMap.class, new VavrMapSerializer(LinkedHashMap::ofEntries));
        kryo.addDefaultSerializer(TreeMap.class, new VavrTreeMapSerializer());
        kryo.addDefaultSerializer(Option.class, new OptionSerializer());
        kryo.addDefaultSerializer(Either.class, new EitherSerializer());
        kryo.addDefaultSerializer(Tuple0.class, new TupleSerializers.OfArity0());
        kryo.addDefaultSerializer(Tuple1.class, new TupleSerializers.OfArity1());
        kryo.addDefaultSerializer(Tuple2.class, new TupleSerializers.OfArity2());
        kryo.addDefaultSerializer(Tuple3.class, new TupleSerializers.OfArity3());
    }

    /** Lambdas, and JDK classes whose Kryo defaults fail or misbehave on JDK 17. */
    private static void registerJdkFixes(Kryo kryo) {
        kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer());
        JdkImmutableListSerializer.registerAll(kryo);
        UnmodifiableCollectionSerializer.registerAll(kryo);
        UnmodifiableMapSerializer.registerAll(kryo);
        MapEntrySerializer.registerAll(kryo);
    }

    private static void registerFrequentClasses(Kryo kryo) {
        Class<?>[] frequent = {
            Object[].class, String[].class, byte[].class, int[].class, long[].class, double[].class,
            boolean[].class, char[].class, float[].class, short[].class,
            ArrayList.class, LinkedList.class, java.util.HashMap.class, java.util.LinkedHashMap.class,
            java.util.HashSet.class, java.util.LinkedHashSet.class, java.util.TreeMap.class,
            java.util.TreeSet.class,
            Arrays.asList().getClass(), Collections.emptyList().getClass(),
            Collections.emptyMap().getClass(), Collections.emptySet().getClass(),
            Collections.singletonList(0).getClass(), Set.of().getClass(), Set.of(0).getClass(),
            Set.of(0, 1, 2).getClass(), Map.of().getClass(), Map.of(0, 0).getClass(),
            Map.of(0, 0, 1, 1).getClass(),
            BigDecimal.class, BigInteger.class, LocalDate.class, LocalDateTime.class, Instant.class,
            Duration.class, UUID.class, Class.class,
            Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class,
            Option.some(0).getClass(), Option.none().getClass(),
            Either.left(0).getClass(), Either.right(0).getClass(),
            List.of(0).getClass(), List.empty().getClass(), Vector.class, Array.class, Queue.class,
            Stream.of(0).getClass(), Stream.empty().getClass(),
            HashSet.class, LinkedHashSet.class, TreeSet.class, HashMap.class, LinkedHashMap.class,
            TreeMap.class,
        };
        for (Class<?> type : frequent) {
            kryo.register(type);
        }
    }
}
