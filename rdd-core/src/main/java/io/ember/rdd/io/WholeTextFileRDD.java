package io.ember.rdd.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.PairRDD;
import io.ember.rdd.Partition;
import io.ember.rdd.TaskContext;
import io.ember.rdd.scheduler.TaskContextImpl;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * {@code wholeTextFiles}: one (path, content) pair per file of a directory (or for one file),
 * files starting with {@code _} or {@code .} skipped, {@code .gz} files decompressed. Files are
 * spread over at most {@code minPartitions} partitions in name order, each read whole as UTF-8.
 */
public final class WholeTextFileRDD extends PairRDD<String, String> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int minPartitions;

    /** The files under {@code path}, in about {@code minPartitions} partitions. */
    public WholeTextFileRDD(EmberContext sc, String path, int minPartitions) {
        super(sc);
        if (minPartitions < 1) {
            throw new IllegalArgumentException("minPartitions must be positive, got " + minPartitions);
        }
        this.path = path;
        this.minPartitions = minPartitions;
    }

    /** The files of one partition. */
    record FileGroup(int index, List<String> paths) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        List<Path> files = InputFiles.list(Path.of(path));
        int n = Math.max(1, Math.min(minPartitions, files.size()));
        Partition[] out = new Partition[n];
        for (int i = 0; i < n; i++) {
            List<String> slice = new ArrayList<>();
            for (int f = (int) ((long) i * files.size() / n); f < (long) (i + 1) * files.size() / n; f++) {
                slice.add(files.get(f).toAbsolutePath().toString());
            }
            out[i] = new FileGroup(i, List.copyOf(slice));
        }
        return out;
    }

    @Override
    protected Iterator<Tuple2<String, String>> compute(Partition split, TaskContext context) {
        List<String> paths = ((FileGroup) split).paths();
        return io.vavr.collection.Iterator.ofAll(paths).map(file -> Tuple.of(file, read(file, context)));
    }

    private static String read(String file, TaskContext context) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(Path.of(file)), 64 * 1024);
             InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw) {
            byte[] bytes = in.readAllBytes();
            if (context instanceof TaskContextImpl task) {
                task.metrics().addRecordsRead(1);
                task.metrics().addBytesRead(bytes.length);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
