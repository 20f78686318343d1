package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.MemoryBlock;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * How a cached partition is laid out: in memory either as an {@code Object[]} of its elements
 * or as the bytes of a Kryo record stream of them; on disk as that same record stream. Stateless.
 */
final class BlockFormat {
    /** Writes either form of a cached partition as a record stream. */
    static final MemoryBlock.Writer WRITER = (value, out) -> {
        if (value instanceof byte[] bytes) {
            out.write(bytes);
        } else {
            writeElements(java.util.Arrays.asList((Object[]) value).iterator(), out);
        }
    };

    private BlockFormat() {
    }

    /** Writes the elements as a record stream; closes {@code out}. */
    static void writeElements(Iterator<?> elements, OutputStream out) {
        try (Codec.RecordWriter writer = Codecs.kryo().newWriter(out)) {
            while (elements.hasNext()) {
                writer.write(elements.next());
            }
        }
    }

    /** The elements as the bytes of a record stream. */
    static byte[] serialize(Iterator<?> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeElements(elements, out);
        return out.toByteArray();
    }

    /** Reads a record stream lazily; the stream is closed at its end. */
    static <T> Iterator<T> read(InputStream in, ClassLoader loader) {
        return Codecs.kryo().newReader(in, loader);
    }

    /** Reads the elements of an in-memory block in either form. */
    @SuppressWarnings("unchecked")
    static <T> Iterator<T> elements(Object block, ClassLoader loader) {
        if (block instanceof byte[] bytes) {
            return read(new ByteArrayInputStream(bytes), loader);
        }
        return (Iterator<T>) java.util.Arrays.asList((Object[]) block).iterator();
    }
}
