package io.ember.serializers;

import io.ember.serializers.internal.KryoCodec;

/**
 * Entry point to the codecs Ember ships with.
 *
 * <pre>{@code
 * byte[] bytes = Codecs.kryo().serialize(Tuple.of("a", 1));
 * }</pre>
 */
public final class Codecs {
    private Codecs() {
    }

    /**
     * The shared Kryo codec: thread-safe, needs no class registration, keeps object identity
     * (shared and cyclic references), and handles serializable lambdas, records, JDK and Vavr
     * collections, {@code java.time} values and exceptions. Instances of {@link LocalOnly} are
     * refused.
     *
     * <p>Peers must run the same version of this module: the wire format is not versioned.
     */
    public static Codec kryo() {
        return KryoCodec.shared();
    }
}
