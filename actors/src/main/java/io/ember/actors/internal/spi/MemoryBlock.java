package io.ember.actors.internal.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A block for the memory tier of a {@link BlockStore}: any object (deserialized values, or a
 * {@code byte[]}), the bytes it is counted for, and how to write it out, which the store uses
 * to spill it to disk when it is evicted (if {@code spillToDisk}) and to send it to a peer.
 *
 * @param value the block's content, kept as it is
 * @param sizeInBytes what it weighs against the store's memory capacity (at least 1)
 * @param writer serializes {@code value}; the bytes it writes are what a disk copy holds
 * @param spillToDisk write the block to disk when it does not fit or is evicted, instead of dropping it
 */
public record MemoryBlock(Object value, long sizeInBytes, Writer writer, boolean spillToDisk) {

    /** Validates the fields. */
    public MemoryBlock {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(writer, "writer is null");
        if (sizeInBytes < 1) {
            throw new IllegalArgumentException("sizeInBytes must be positive, was " + sizeInBytes);
        }
    }

    /** Writes a block's value to a stream (which the caller closes). */
    @FunctionalInterface
    public interface Writer {
        /** Writes {@code value} to {@code out}. */
        void write(Object value, OutputStream out) throws IOException;
    }
}
