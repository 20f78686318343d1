package io.ember.rdd.internal.shuffle;

import io.ember.actors.internal.spi.BlockStore;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * One sorted run that a sort or an aggregation wrote to local disk: a compressed stream of
 * records in a scratch file of the executor's block store. Deleted when read to its end, when
 * the owner closes it, or at the latest when the task ends. The one spill format of the engine:
 * RDD sorts and aggregations and the DataFrame operators (whose records are column batches)
 * all write their runs through it.
 */
public final class SpillFile {
    private final Path path;
    private final long records;
    private final long bytes;

    private SpillFile(Path path, long records, long bytes) {
        this.path = path;
        this.records = records;
        this.bytes = bytes;
    }

    /** Writes {@code records} (each element as {@code perElement} records) to a new spill file. */
    public static SpillFile write(BlockStore store, String prefix, Iterator<?> records, RecordWriter writer) {
        Path path = store.scratchFile(prefix);
        io.ember.rdd.internal.TaskScope.onTaskEnd(() -> deleteQuietly(path));
        long count = 0;
        Codec codec = Codecs.kryo();
        boolean written = false;
        try (Codec.RecordWriter out = codec.newWriter(Compression.compress(
                new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024)))) {
            while (records.hasNext()) {
                writer.write(records.next(), out);
                count++;
            }
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write spill file " + path, e);
        } finally {
            if (!written) {
                deleteQuietly(path); // why now, not at task end: a half run is never read, and may be large
            }
        }
        try {
            return new SpillFile(path, count, Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of spill file " + path, e);
        }
    }

    /** Reads the records back lazily; the file is deleted when they are exhausted. */
    public <T> Iterator<T> read(ClassLoader loader) {
        Iterator<T> records = readAgainLater(loader);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more) {
                    delete();
                }
                return more;
            }

            @Override
            public T next() {
                return records.next();
            }
        };
    }

    /**
     * Reads the records back lazily and keeps the file, for data read more than once (a window
     * partition that frames pass over twice); the owner deletes it, or the task's end does.
     */
    public <T> Iterator<T> readAgainLater(ClassLoader loader) {
        InputStream in;
        try {
            in = Compression.decompress(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open spill file " + path, e);
        }
        return Codecs.kryo().newReader(new java.io.BufferedInputStream(in, 64 * 1024), loader);
    }

    /** Records written. */
    public long records() {
        return records;
    }

    /** Compressed bytes on disk. */
    public long bytes() {
        return bytes;
    }

    /** Removes the file. */
    public void delete() {
        deleteQuietly(path);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // why: the scratch directory is deleted with the executor's store anyway
        }
    }

    /** How one element becomes records in the stream. */
    @FunctionalInterface
    public interface RecordWriter {
        void write(Object element, Codec.RecordWriter out);
    }
}
