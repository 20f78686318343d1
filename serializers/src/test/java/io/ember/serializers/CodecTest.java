package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final Codec codec = Codecs.kryo();
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void kryo_isShared() {
        assertSame(Codecs.kryo(), Codecs.kryo());
    }

    @Test
    void serialize_keepsSharedReferences() {
        ArrayList<Integer> shared = new ArrayList<>(java.util.List.of(1));
        Object[] back = RoundTrip.of(new Object[] {shared, shared});
        assertSame(back[0], back[1]);
    }

    @Test
    void serialize_keepsCycles() {
        ArrayList<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        ArrayList<Object> back = RoundTrip.of(cyclic);
        assertSame(back, back.get(0));
    }

    @Test
    void optionNone_comesBackAsTheSingleton() {
        assertSame(Option.none(), RoundTrip.of(Option.none()));
        assertSame(Option.none(), RoundTrip.<Option<Option<?>>>of(Option.some(Option.none())).get());
    }

    @Test
    void vavrList_ofAMillionElements_doesNotOverflowTheStack() {
        List<Integer> big = List.range(0, 1_000_000);
        List<Integer> back = RoundTrip.of(big);
        assertEquals(big, back);
    }

    @Test
    void vavrStream_ofManyElements_doesNotOverflowTheStack() {
        io.vavr.collection.Stream<Integer> big = io.vavr.collection.Stream.range(0, 200_000);
        assertEquals(big, RoundTrip.of(big));
    }

    @Test
    void deserialize_ofCorruptBytes_throwsSerializationException() {
        byte[] bytes = codec.serialize(java.util.List.of("a", "b", "c"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        assertThrows(SerializationException.class, () -> codec.deserialize(truncated, loader));
        assertThrows(SerializationException.class, () -> codec.deserialize(new byte[] {(byte) 0xff, 1}, loader));
    }

    @Test
    void deserialize_afterAFailure_stillWorks() {
        assertThrows(SerializationException.class, () -> codec.deserialize(new byte[] {(byte) 0xff}, loader));
        assertEquals("ok", RoundTrip.of("ok"));
    }

    @Test
    void serialize_null_roundTrips() {
        assertNull(codec.deserialize(codec.serialize(null), loader));
    }

    @Test
    void codec_isThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                int seed = task;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        List<Integer> value = List.of(seed, i, seed * i);
                        if (!value.equals(RoundTrip.of(value))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
