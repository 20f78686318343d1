package io.ember.serializers.internal;

import com.esotericsoftware.kryo.util.Pool;
import io.ember.serializers.Codec;
import io.ember.serializers.SerializationException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;

/**
 * The Kryo implementation of {@link Codec}; internal, reach it through
 * {@code io.ember.serializers.Codecs#kryo()}.
 *
 * <p>Design notes: Kryo instances are not thread-safe and costly to build (each one warms its
 * own serializer caches), so they live in a {@link Pool} together with an output buffer and an
 * input, and one call borrows one {@link KryoSlot}. A slot whose Kryo threw is dropped rather
 * than returned, because Kryo gives no guarantee about its state after a failure. The pool holds
 * slots through soft references so that idle slots, and the user classes their caches refer
 * to, can be reclaimed under memory pressure.
 */
public final class KryoCodec implements Codec {
    private static final KryoCodec SHARED = new KryoCodec();

    private final Pool<KryoSlot> slots = new Pool<>(true, true) {
        @Override
        protected KryoSlot create() {
            return new KryoSlot();
        }
    };

    private KryoCodec() {
    }

    /** The process-wide codec. */
    public static KryoCodec shared() {
        return SHARED;
    }

    @Override
    public byte[] serialize(Object value) {
        KryoSlot slot = slots.obtain();
        boolean healthy = false;
        try {
            slot.kryo.writeClassAndObject(slot.output, value);
            byte[] bytes = slot.output.toBytes();
            healthy = true;
            return bytes;
        } catch (RuntimeException e) {
            throw Failures.serializeFailed(value, e);
        } finally {
            release(slot, healthy);
        }
    }

    /**
     * Serializes {@code value} into a pooled buffer and throws it away: the cheapest way to learn
     * whether it can be serialized.
     *
     * @throws SerializationException if it cannot
     */
    public void checkSerializable(Object value) {
        KryoSlot slot = slots.obtain();
        boolean healthy = false;
        try {
            slot.kryo.writeClassAndObject(slot.output, value);
            healthy = true;
        } catch (RuntimeException e) {
            throw Failures.serializeFailed(value, e);
        } finally {
            release(slot, healthy);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(byte[] bytes, ClassLoader loader) {
        Objects.requireNonNull(bytes, "bytes is null");
        Objects.requireNonNull(loader, "loader is null");
        KryoSlot slot = slots.obtain();
        ClassLoader previous = slot.kryo.getClassLoader();
        boolean healthy = false;
        try {
            slot.kryo.setClassLoader(loader);
            slot.input.setBuffer(bytes);
            T value = (T) slot.kryo.readClassAndObject(slot.input);
            healthy = true;
            return value;
        } catch (RuntimeException e) {
            throw Failures.deserializeFailed(e);
        } finally {
            slot.kryo.setClassLoader(previous);
            release(slot, healthy);
        }
    }

    @Override
    public RecordWriter newWriter(OutputStream out) {
        return new KryoRecordWriter(this, Objects.requireNonNull(out, "out is null"));
    }

    @Override
    public <T> Iterator<T> newReader(InputStream in, ClassLoader loader) {
        return new KryoRecordIterator<>(
                this, Objects.requireNonNull(in, "in is null"), Objects.requireNonNull(loader, "loader is null"));
    }

    KryoSlot obtain() {
        return slots.obtain();
    }

    void release(KryoSlot slot, boolean healthy) {
        if (healthy) {
            slot.clear();
            slots.free(slot);
        }
    }
}
