package io.ember.serializers;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * Turns objects into bytes and back: task closures, task results, shuffle records and cached
 * blocks all go through a {@code Codec}. The only implementation is Kryo-based
 * ({@link Codecs#kryo()}); no other module sees Kryo itself.
 *
 * <p>Thread-safe: implementations pool their non-thread-safe machinery internally.
 *
 * <pre>{@code
 * Codec codec = Codecs.kryo();
 * byte[] bytes = codec.serialize(List.of(1, 2, 3));
 * List<Integer> back = codec.deserialize(bytes, getClass().getClassLoader());
 * }</pre>
 */
public interface Codec {

    /**
     * Serializes one object graph (null allowed).
     *
     * @throws SerializationException if some object in the graph cannot be serialized
     */
    byte[] serialize(Object value);

    /**
     * Reads an object written by {@link #serialize}, resolving classes through {@code loader}.
     *
     * @throws SerializationException if the bytes are corrupt or a class cannot be found
     */
    <T> T deserialize(byte[] bytes, ClassLoader loader);

    /**
     * Opens a writer of a stream of records to {@code out}. Closing the writer flushes it and
     * closes {@code out}.
     */
    RecordWriter newWriter(OutputStream out);

    /**
     * Reads back the records that a {@link RecordWriter} wrote, lazily, in order. The returned
     * iterator closes {@code in} when it is exhausted.
     */
    <T> Iterator<T> newReader(InputStream in, ClassLoader loader);

    /** A sink of records; not thread-safe, one per stream. */
    interface RecordWriter extends AutoCloseable {
        /** Appends one record (null allowed). */
        void write(Object record);

        /** Flushes buffered bytes to the underlying stream without closing it. */
        void flush();

        @Override
        void close();
    }
}
