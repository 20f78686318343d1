package io.ember.rdd.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * {@code wholeTextFiles}: one (path, content) pair per file of a directory (or for one file),
 * files starting with {@code _} or {@code .} skipped, {@code .gz} files decompressed. Files are
 * spread over at most {@code minPartitions} partitions in name order, each read whole as UTF-8.
 */
public final class WholeTextFileRDD extends WholeFileRDD<String> {
    private static final long serialVersionUID = 1L;

    /** The files under {@code path}, in about {@code minPartitions} partitions. */
    public WholeTextFileRDD(EmberContext sc, String path, int minPartitions) {
        super(sc, path, minPartitions);
    }

    @Override
    String content(String file, TaskContext context) {
        return read(file, context);
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
