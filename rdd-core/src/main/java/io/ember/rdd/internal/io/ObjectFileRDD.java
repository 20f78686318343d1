package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The elements written by {@link RDD#saveAsObjectFile}: one partition per {@code part-NNNNN}
 * file of the directory, in name order. Partition {@code i} reads the {@code i}-th file, so an
 * RDD whose partitions were computed before it was checkpointed still finds its data.
 *
 * @param <T> the element type
 */
public class ObjectFileRDD<T> extends RDD<T> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    /** The objects under {@code directory}, which must hold part files. */
    public ObjectFileRDD(EmberContext sc, String directory) {
        super(sc);
        this.directory = Path.of(directory).toAbsolutePath().normalize().toString();
    }

    /** One part file. */
    record PartFile(int index, String file) implements Partition {
    }

    /** The directory read. */
    public String directory() {
        return directory;
    }

    @Override
    protected Partition[] getPartitions() {
        Path root = Path.of(directory);
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new NoSuchFileException(directory, null, "object file directory does not exist"));
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> parts = entries.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            Partition[] out = new Partition[parts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new PartFile(i, parts.get(i).toString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    @Override
    protected Iterator<T> compute(Partition split, TaskContext context) {
        return ObjectFiles.read(Path.of(directory, ObjectFiles.partName(split.index())), context);
    }
}
