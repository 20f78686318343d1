package io.ember.rdd;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content of one file of {@link EmberContext#binaryFiles}, as Spark's
 * {@code PortableDataStream}: a small serializable handle holding only the file's path, so it
 * can be shipped and shuffled cheaply; the bytes are read where {@link #toArray()} or
 * {@link #open()} is called (normally on the executor), each time it is called.
 */
public final class PortableDataStream implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;

    /** A stream over the file at {@code path} (not opened yet). */
    public PortableDataStream(String path) {
        this.path = Objects.requireNonNull(path, "path is null");
    }

    /** The path of the file. */
    public String getPath() {
        return path;
    }

    /**
     * Reads the whole file.
     *
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public byte[] toArray() {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read binary file " + path, e);
        }
    }

    /**
     * Opens the file for reading; the caller closes the stream.
     *
     * @throws UncheckedIOException naming the file if it cannot be opened
     */
    public DataInputStream open() {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(path)), 64 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open binary file " + path, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortableDataStream other && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "PortableDataStream(" + path + ")";
    }
}
