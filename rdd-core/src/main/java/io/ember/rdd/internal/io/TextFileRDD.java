package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.ember.rdd.internal.scheduler.TaskMetricsCollector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a file or of the files of a directory. A split {@code [start, end)} of a file
 * owns the lines that begin inside it, so splits cut anywhere and every line is read exactly
 * once. Gzip files cannot be split and form one partition each.
 */
public final class TextFileRDD extends RDD<String> {
    private static final long serialVersionUID = 1L;
    /** Largest split, like Hadoop's local block size. */
    private static final long MAX_SPLIT = 32L * 1024 * 1024;

    private final String path;
    private final int minPartitions;

    /** Lines of {@code path}, in at least {@code minPartitions} partitions (for non-empty splittable input). */
    public TextFileRDD(EmberContext sc, String path, int minPartitions) {
        super(sc);
        if (minPartitions < 1) {
            throw new IllegalArgumentException("minPartitions must be positive, got " + minPartitions);
        }
        this.path = path;
        this.minPartitions = minPartitions;
    }

    /** A byte range of one file. */
    record FileSplit(int index, String file, long start, long end, boolean gzip) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        List<Path> files = InputFiles.list(Paths.get(path));
        long total = 0;
        for (Path f : files) {
            total += size(f);
        }
        long splitSize = SplitSize.of(total, minPartitions, MAX_SPLIT, context().defaultParallelism());
        List<Partition> splits = new ArrayList<>();
        for (Path f : files) {
            long size = size(f);
            boolean gzip = f.getFileName().toString().endsWith(".gz");
            if (gzip || size == 0) {
                splits.add(new FileSplit(splits.size(), f.toString(), 0, gzip ? Long.MAX_VALUE : 0, gzip));
                continue;
            }
            for (long start = 0; start < size; start += splitSize) {
                splits.add(new FileSplit(splits.size(), f.toString(), start, Math.min(size, start + splitSize), false));
            }
        }
        return splits.toArray(new Partition[0]);
    }

    @Override
    protected Iterator<String> compute(Partition split, TaskContext context) {
        FileSplit s = (FileSplit) split;
        TaskMetricsCollector metrics = context instanceof TaskContextImpl task ? task.metrics() : null;
        try {
            InputStream raw = Files.newInputStream(Paths.get(s.file()));
            if (s.gzip()) {
                return new LineReader(new GZIPInputStream(new BufferedInputStream(raw, 65536), 65536), s.file(), Long.MAX_VALUE, metrics);
            }
            if (s.start() == s.end()) {
                raw.close();
                return java.util.Collections.emptyIterator();
            }
            // A line belongs to the split its first byte is in: look at the byte before start.
            long skipFrom = s.start() == 0 ? 0 : s.start() - 1;
            raw.skipNBytes(skipFrom);
            LineReader reader = new LineReader(raw, s.file(), s.end() - skipFrom, metrics);
            if (s.start() > 0) {
                reader.skipLine();
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + s.file() + " (partition " + s.index() + ")", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }
}
