package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.Function1;
import io.vavr.collection.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClosuresTest {
    private static final String LOCK = ReentrantLock.class.getName();

    private final ReentrantLock testLock = new ReentrantLock();

    static final class Holder {
        final int base = 1;
        final ReentrantLock lock = new ReentrantLock();
    }

    static final class Outer {
        final String name = "outer";
        final Holder holder = new Holder();
    }

    static final class FakeContext implements LocalOnly {
    }

    /** Counts how often Kryo writes it, to price the check. */
    static final class Counted implements KryoSerializable {
        static final AtomicInteger WRITES = new AtomicInteger();

        @Override
        public void write(Kryo kryo, Output output) {
            WRITES.incrementAndGet();
        }

        @Override
        public void read(Kryo kryo, Input input) {
        }
    }

    @Test
    void fineClosure_passes() {
        List<Integer> weights = List.of(1, 2);
        Function1<Integer, Integer> f = x -> x + weights.sum().intValue();
        assertDoesNotThrow(() -> Closures.ensureSerializable(f));
    }

    @Test
    void fineClosure_costsOneSerialization() {
        Counted counted = new Counted();
        Function1<Integer, Integer> f = x -> x + counted.hashCode();
        int before = Counted.WRITES.get();

        Closures.ensureSerializable(f);

        assertEquals(before + 1, Counted.WRITES.get());
    }

    @Test
    void capturingAThread_namesTheThread() {
        Thread thread = Thread.currentThread();
        Function1<Integer, String> f = x -> thread.getName() + x;

        String message = failureMessage(f);

        String closure = ClosuresTest.class.getName() + "$$Lambda (";
        assertTrue(message.startsWith("Task not serializable: the closure " + closure), message);
        assertTrue(message.contains("captures an object of class java.lang.Thread (captured argument 0),"
                + " which cannot be serialized: "), message);
    }

    @Test
    void capturingALock_namesTheLock() {
        ReentrantLock lock = new ReentrantLock();
        Function1<Integer, Integer> f = x -> x + lock.getHoldCount();

        String message = failureMessage(f);

        assertTrue(message.contains("captures an object of class " + LOCK + " (captured argument 0)"), message);
        assertTrue(message.contains("java.util.concurrent.locks"), message);
    }

    @Test
    void capturingAHolderOfALock_namesTheHolderAndTheField() {
        Holder holder = new Holder();
        Function1<Integer, Integer> f = x -> x + holder.base;

        String message = failureMessage(f);

        assertTrue(message.contains("captures an object of class " + Holder.class.getName() + " (captured argument 0);"
                + " its field 'lock' of type " + LOCK + " cannot be serialized: "), message);
    }

    @Test
    void nestedHolders_giveTheFieldPath() {
        Outer outer = new Outer();
        Function1<Integer, String> f = x -> outer.name + x;

        String message = failureMessage(f);

        assertTrue(message.contains("its field 'holder.lock' of type " + LOCK), message);
    }

    @Test
    void capturingThis_namesTheEnclosingInstance() {
        Function1<Integer, Integer> f = x -> x + testLock.getHoldCount();

        String message = failureMessage(f);

        assertTrue(message.contains("(lambda$capturingThis_namesTheEnclosingInstance$"), message);
        assertTrue(message.contains("captures the enclosing instance (this) of class " + ClosuresTest.class.getName()
                + "; its field 'testLock' of type " + LOCK), message);
    }

    @Test
    void capturingALocalOnlyObject_namesItsClass() {
        FakeContext context = new FakeContext();
        Function1<Integer, Integer> f = x -> x + context.hashCode();

        String message = failureMessage(f);

        assertTrue(message.contains("captures an object of class " + FakeContext.class.getName()
                + " (captured argument 0), which cannot be serialized: " + FakeContext.class.getName()
                + " cannot be serialized: it belongs to the JVM that created it"), message);
    }

    @Test
    void capturingALocalOnlyObjectInACollection_givesTheElement() {
        java.util.List<Object> things = java.util.List.of("a", new FakeContext());
        Function1<Integer, Integer> f = x -> x + things.size();

        String message = failureMessage(f);

        assertTrue(message.contains("its element '[1]' of type " + FakeContext.class.getName()), message);
    }

    @Test
    void anonymousClass_namesTheCapturedVariable() {
        Function1<Integer, Integer> f = anonymousCapturing(new ReentrantLock());

        String message = failureMessage(f);

        assertTrue(message.contains("(an anonymous class) captures the variable 'lock' holding an object of class "
                + LOCK + ", which cannot be serialized"), message);
    }

    @Test
    void nonSerializableLambda_saysSo() {
        Function<Integer, Integer> f = x -> x + 1;

        String message = failureMessage(f);

        assertTrue(message.contains("is a lambda of an interface that is not java.io.Serializable"), message);
        assertTrue(message.contains("io.vavr.Function1"), message);
    }

    @Test
    void failure_keepsTheOriginalCause() {
        Thread thread = Thread.currentThread();
        Function1<Integer, String> f = x -> thread.getName();

        ClosureNotSerializableException e =
                assertThrows(ClosureNotSerializableException.class, () -> Closures.ensureSerializable(f));

        assertInstanceOf(SerializationException.class, e.getCause());
    }

    private static Function1<Integer, Integer> anonymousCapturing(ReentrantLock lock) {
        return new Function1<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Integer apply(Integer x) {
                return x + lock.getHoldCount();
            }
        };
    }

    private static String failureMessage(Object closure) {
        return assertThrows(ClosureNotSerializableException.class, () -> Closures.ensureSerializable(closure))
                .getMessage();
    }
}
