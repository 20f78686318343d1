package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LambdaRoundTripTest {
    private final int offset = 10;

    @Test
    void vavrFunction1_capturingLocals_roundTrips() {
        int factor = 3;
        String suffix = "!";
        Function1<Integer, String> f = x -> x * factor + suffix;

        Function1<Integer, String> back = RoundTrip.of(f);

        assertEquals("6!", back.apply(2));
    }

    @Test
    void vavrFunction2_roundTrips() {
        Function2<Integer, Integer, Integer> sum = Integer::sum;
        assertEquals(5, RoundTrip.<Function2<Integer, Integer, Integer>>of(sum).apply(2, 3));
    }

    @Test
    void lambdaCapturingThis_roundTrips() {
        Function1<Integer, Integer> f = x -> x + offset;
        assertEquals(11, RoundTrip.<Function1<Integer, Integer>>of(f).apply(1));
    }

    @Test
    void anySerializableFunctionalInterface_roundTrips() {
        Predicate<String> p = (Predicate<String> & Serializable) s -> s.startsWith("a");
        assertTrue(RoundTrip.<Predicate<String>>of(p).test("abc"));
    }

    @Test
    void composedVavrFunctions_roundTrip() {
        // Vavr's andThen/compose take java.util.function.Function: pass Function1s to keep them serializable.
        Function1<Integer, Integer> plusOne = x -> x + 1;
        Function1<Integer, Integer> twice = x -> x * 2;
        Function1<Integer, Integer> minusOne = x -> x - 1;
        Function1<Integer, Integer> composed = plusOne.andThen(twice).compose(minusOne);
        assertEquals(6, RoundTrip.<Function1<Integer, Integer>>of(composed).apply(3));
    }

    @Test
    void lambdaCapturingCollectionsAndLambdas_roundTrips() {
        List<Integer> weights = List.of(1, 2, 3);
        Function1<Integer, Integer> inner = x -> x * 10;
        Function1<Integer, Tuple2<Integer, Integer>> f = x -> Tuple.of(weights.sum().intValue(), inner.apply(x));
        assertEquals(Tuple.of(6, 20), RoundTrip.<Function1<Integer, Tuple2<Integer, Integer>>>of(f).apply(2));
    }

    @Test
    void jdkSerializableLambda_roundTrips() {
        Comparator<Map.Entry<String, Integer>> byKey = Map.Entry.comparingByKey();
        Comparator<Map.Entry<String, Integer>> back = RoundTrip.of(byKey);
        assertTrue(back.compare(Map.entry("a", 1), Map.entry("b", 0)) < 0);
    }

    @Test
    void anonymousClass_keepsWhatItCaptured() {
        int captured = 7;
        Function1<Integer, Integer> anonymous = new Function1<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Integer apply(Integer x) {
                return x + captured + offset;
            }
        };

        assertEquals(18, RoundTrip.<Function1<Integer, Integer>>of(anonymous).apply(1));
    }

    @Test
    void nonSerializableLambda_isRefusedWithAnExplanation() {
        Function<Integer, Integer> f = x -> x + 1;
        SerializationException e = assertThrows(SerializationException.class, () -> Codecs.kryo().serialize(f));
        assertTrue(e.getMessage().contains("not java.io.Serializable"), e.getMessage());
    }
}
