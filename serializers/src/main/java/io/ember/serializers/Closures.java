package io.ember.serializers;

import io.ember.serializers.internal.ClosureInspector;
import io.ember.serializers.internal.KryoCodec;
import java.util.Objects;

/**
 * Checks on user closures, run by the engine when a transformation is created (for example in
 * {@code rdd.map(f)}) so that a closure that cannot reach the executors fails on the driver, at
 * the line that created it, with a message that says what it captured.
 */
public final class Closures {
    private Closures() {
    }

    /**
     * Verifies that {@code closure} can be serialized with {@link Codecs#kryo()}. A closure that
     * serializes costs exactly one serialization (into a pooled buffer, nothing is copied out);
     * only a failing one is inspected further.
     *
     * @param closure a lambda, anonymous class or any function object, not null
     * @throws ClosureNotSerializableException if it cannot be serialized; the message names the
     *     captured object and the field at fault, the cause is the original failure
     */
    public static void ensureSerializable(Object closure) {
        Objects.requireNonNull(closure, "closure is null");
        KryoCodec codec = KryoCodec.shared();
        try {
            codec.checkSerializable(closure);
        } catch (SerializationException failure) {
            throw ClosureInspector.explain(codec, closure, failure);
        }
    }
}
