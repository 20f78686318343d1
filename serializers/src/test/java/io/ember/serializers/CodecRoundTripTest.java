package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.Tuple;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Queue;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported kind of value survives a round trip: equal, and of the same class. */
class CodecRoundTripTest {

    record Point(int x, String label) {
    }

    private record Nested(Point point, io.vavr.collection.List<Point> more, Option<String> note) {
    }

    enum Colour {
        RED,
        GREEN
    }

    enum Operation {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        };

        abstract int apply(int a, int b);
    }

    /**
     * One row of the table. {@code expectedClass} is null when the copy must have the original's
     * class; JDK views Kryo cannot rebuild come back as their public counterpart.
     */
    record Case(String name, Object value, Class<?> expectedClass) {
        static Case of(String name, Object value) {
            return new Case(name, value, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> values() {
        java.util.HashMap<String, Integer> hashMap = new java.util.HashMap<>();
        hashMap.put("a", 1);
        hashMap.put(null, null);
        java.util.LinkedHashMap<String, Integer> linkedHashMap = new java.util.LinkedHashMap<>();
        linkedHashMap.put("z", 26);
        linkedHashMap.put("a", 1);
        java.util.TreeMap<String, Integer> treeMap = new java.util.TreeMap<>(Map.of("b", 2, "a", 1));
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        reversed.addAll(List.of("a", "b", "c"));
        return Stream.of(
                Case.of("null", null),
                Case.of("int", 42),
                Case.of("long", Long.MIN_VALUE),
                Case.of("double", 1.5d),
                Case.of("boolean", true),
                Case.of("char", 'x'),
                Case.of("byte", (byte) -3),
                Case.of("String", "héllo"),
                Case.of("empty String", ""),
                Case.of("int[]", new int[] {1, 2, 3}),
                Case.of("long[][]", new long[][] {{1L}, {2L, 3L}}),
                Case.of("String[] with null", new String[] {"a", null}),
                Case.of("Object[] mixed", new Object[] {1, "two", null, List.of(3)}),
                Case.of("record", new Point(1, "p")),
                Case.of("private record with Vavr fields",
                        new Nested(new Point(1, null), io.vavr.collection.List.of(new Point(2, "q")), Option.none())),
                Case.of("enum", Colour.GREEN),
                Case.of("enum constant with body", Operation.PLUS),
                Case.of("ArrayList with null", new ArrayList<>(Arrays.asList(1, null, 3))),
                Case.of("HashMap with null key and value", hashMap),
                Case.of("LinkedHashMap", linkedHashMap),
                Case.of("TreeMap", treeMap),
                Case.of("TreeSet with comparator", reversed),
                Case.of("List.of()", List.of()),
                Case.of("List.of(1)", List.of(1)),
                Case.of("List.of(1, 2, 3)", List.of(1, 2, 3)),
                new Case("List.of sublist", List.of(1, 2, 3, 4).subList(1, 3), List.of(1, 2).getClass()),
                Case.of("Stream.toList() with null", Stream.of(1, null, 3).toList()),
                Case.of("Set.of(1)", Set.of(1)),
                Case.of("Set.of(1, 2, 3)", Set.of(1, 2, 3)),
                Case.of("Map.of()", Map.of()),
                Case.of("Map.of(1, a)", Map.of(1, "a")),
                Case.of("Map.of(1, a, 2, b)", Map.of(1, "a", 2, "b")),
                Case.of("unmodifiableList(ArrayList)", Collections.unmodifiableList(new ArrayList<>(List.of(1, 2)))),
                Case.of("unmodifiableList(LinkedList)",
                        Collections.unmodifiableList(new LinkedList<>(Arrays.asList(1, null)))),
                Case.of("unmodifiableSet", Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(3, 1)))),
                Case.of("unmodifiableSortedSet", Collections.unmodifiableSortedSet(reversed)),
                Case.of("unmodifiableMap", Collections.unmodifiableMap(hashMap)),
                Case.of("unmodifiableSortedMap", Collections.unmodifiableSortedMap(treeMap)),
                Case.of("unmodifiableNavigableMap", Collections.unmodifiableNavigableMap(treeMap)),
                Case.of("emptyList", Collections.emptyList()),
                Case.of("emptyMap", Collections.emptyMap()),
                Case.of("Arrays.asList with null", Arrays.asList("a", null)),
                Case.of("singletonList", Collections.singletonList("only")),
                Case.of("singletonMap", Collections.singletonMap("k", "v")),
                new Case("ArrayList.subList", new ArrayList<>(List.of(1, 2, 3)).subList(0, 2), ArrayList.class),
                new Case("nCopies", Collections.nCopies(3, "x"), ArrayList.class),
                new Case("HashMap.keySet", new java.util.HashMap<>(Map.of(1, 2)).keySet(),
                        java.util.LinkedHashSet.class),
                new Case("synchronizedList", Collections.synchronizedList(new ArrayList<>(List.of(1))),
                        ArrayList.class),
                new Case("synchronizedMap", Collections.synchronizedMap(new java.util.HashMap<>(Map.of(1, 2))),
                        java.util.LinkedHashMap.class),
                Case.of("Map.entry", Map.entry("k", 1)),
                Case.of("SimpleEntry with null", new AbstractMap.SimpleEntry<>("k", null)),
                Case.of("SimpleImmutableEntry", new AbstractMap.SimpleImmutableEntry<>("k", 2)),
                Case.of("Tuple0", Tuple.empty()),
                Case.of("Tuple1", Tuple.of("a")),
                Case.of("Tuple2", Tuple.of("a", 1)),
                Case.of("Tuple2 with nulls", Tuple.of(null, null)),
                Case.of("Tuple3", Tuple.of(1, null, List.of(2))),
                Case.of("Tuple5", Tuple.of(1, 2, 3, 4, "five")),
                Case.of("Option.some", Option.some("x")),
                Case.of("Option.some(null)", Option.some(null)),
                Case.of("Option.none", Option.none()),
                Case.of("Either.left", Either.left("error")),
                Case.of("Either.right", Either.right(1)),
                Case.of("Vavr List", io.vavr.collection.List.of(1, null, 3)),
                Case.of("Vavr empty List", io.vavr.collection.List.empty()),
                Case.of("Vavr Vector", Vector.range(0, 100)),
                Case.of("Vavr Array", Array.of("a", null)),
                Case.of("Vavr Queue", Queue.of(1, 2).enqueue(3)),
                Case.of("Vavr Stream", io.vavr.collection.Stream.of(1, 2, 3)),
                Case.of("Vavr HashMap", HashMap.of("a", 1, "b", null)),
                Case.of("Vavr LinkedHashMap", LinkedHashMap.of("z", 1, "a", 2)),
                Case.of("Vavr HashSet", HashSet.of(1, 2, null)),
                Case.of("Vavr LinkedHashSet", LinkedHashSet.of(3, 1, 2)),
                Case.of("Vavr TreeSet natural", io.vavr.collection.TreeSet.of(3, 1, 2)),
                Case.of("Vavr TreeMap natural", TreeMap.of("b", 2, "a", 1)),
                Case.of("Vavr TreeSet reversed", io.vavr.collection.TreeSet.of(Comparator.reverseOrder(), 1, 2)),
                Case.of("BigDecimal", new BigDecimal("12345678901234567890.000123")),
                Case.of("BigInteger", new BigInteger("-98765432109876543210")),
                Case.of("LocalDate", LocalDate.of(2024, 2, 29)),
                Case.of("Instant", Instant.ofEpochSecond(1_700_000_000L, 123_456_789)),
                Case.of("LocalDateTime", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void roundTrip_preservesValueAndClass(Case row) {
        Object back = RoundTrip.of(row.value());

        if (row.value() == null) {
            assertEquals(null, back);
            return;
        }
        Class<?> expectedClass = row.expectedClass() == null ? row.value().getClass() : row.expectedClass();
        assertEquals(expectedClass, back.getClass());
        if (row.value() instanceof Object[] array) {
            assertArrayEquals(array, (Object[]) back);
        } else if (row.value() instanceof int[] ints) {
            assertArrayEquals(ints, (int[]) back);
        } else {
            assertEquals(row.value(), back);
        }
        if (hasDefinedOrder(row.value())) {
            assertEquals(order((Iterable<?>) row.value()), order((Iterable<?>) back), "iteration order");
        }
    }

    /** Hash-ordered collections may legitimately iterate differently once rebuilt. */
    private static boolean hasDefinedOrder(Object value) {
        return value instanceof List
                || value instanceof java.util.SortedSet
                || value instanceof java.util.LinkedHashSet
                || value instanceof io.vavr.collection.Seq
                || value instanceof io.vavr.collection.LinkedHashSet
                || value instanceof io.vavr.collection.SortedSet;
    }

    private static List<Object> order(Iterable<?> iterable) {
        List<Object> elements = new ArrayList<>();
        iterable.forEach(elements::add);
        return elements;
    }
}
