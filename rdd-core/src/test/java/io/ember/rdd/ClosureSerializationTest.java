package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.serializers.SerializationException;
import io.vavr.collection.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A closure that cannot be shipped fails at the transformation that received it, naming what it captured. */
class ClosureSerializationTest {
    static EmberContext sc;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("closures").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** Not serializable because of its lock field. */
    static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        final int base = 10;
    }

    @Test
    void capturingAThread_failsWhenMapIsCalled() {
        Thread thread = new Thread(() -> { });
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3));
        SerializationException e = assertThrows(SerializationException.class, () -> rdd.map(x -> thread.getName() + x));
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    }

    @Test
    void capturingAnObjectWithALock_namesItsClassAndField() {
        Holder holder = new Holder();
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3));
        SerializationException e = assertThrows(SerializationException.class, () -> rdd.filter(x -> x > holder.base));
        assertTrue(e.getMessage().contains("ClosureSerializationTest$Holder"), e.getMessage());
        assertTrue(e.getMessage().contains("lock"), e.getMessage());
    }

    @Test
    void capturingTheContext_isRejected() {
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3));
        EmberContext context = sc;
        SerializationException e = assertThrows(SerializationException.class, () -> rdd.map(x -> context.appName()));
        assertTrue(e.getMessage().contains("EmberContext"), e.getMessage());
    }

    @Test
    void capturingSerializableValues_works() {
        int offset = 5;
        String suffix = "!";
        assertEquals(List.of("6!", "7!"), sc.parallelize(List.of(1, 2)).map(x -> (x + offset) + suffix).collect());
    }
}
