package io.ember.rdd.internal.io;

import io.ember.rdd.CompressionCodec;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.vavr.control.Option;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** {@code saveAsTextFile}: one {@code part-NNNNN} file of lines per partition, committed atomically. */
public final class TextOutput {
    private TextOutput() {
    }

    /** Writes {@code rdd}'s elements as lines under {@code path}. */
    public static <T> void save(RDD<T> rdd, String path, boolean overwrite) {
        save(rdd, path, overwrite, Option.none());
    }

    /** Writes {@code rdd}'s elements as lines under {@code path}, each part file compressed by {@code codec} if given. */
    public static <T> void save(RDD<T> rdd, String path, boolean overwrite, Option<CompressionCodec> codec) {
        String fileSuffix = codec.map(CompressionCodec::extension).getOrElse("");
        OutputCommitter committer = OutputCommitter.setupJob(path, overwrite);
        String staging = committer.stagingPath();
        try {
            rdd.context().runJob(rdd, (ctx, it) -> {
                Path attempt = OutputCommitter.taskAttemptFile(staging, ctx, String.format("part-%05d", ctx.partitionId()) + fileSuffix);
                try {
                    writeLines(attempt, it, ctx, codec);
                } catch (IOException e) {
                    OutputCommitter.abortTask(staging, ctx);
                    throw new UncheckedIOException("Cannot write " + attempt, e);
                } catch (RuntimeException e) {
                    OutputCommitter.abortTask(staging, ctx);
                    throw e;
                }
                OutputCommitter.commitTask(staging, ctx);
                return null;
            });
        } catch (RuntimeException e) {
            committer.abortJob();
            throw e;
        }
        committer.commitJob();
    }

    private static <T> void writeLines(Path attempt, Iterator<T> it, TaskContext ctx, Option<CompressionCodec> codec)
            throws IOException {
        Files.createDirectories(attempt.getParent());
        long records = 0;
        OutputStream file = Files.newOutputStream(attempt);
        OutputStream encoded;
        try {
            encoded = codec.isDefined() ? codec.get().compress(file) : file;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(encoded, StandardCharsets.UTF_8), 64 * 1024)) {
            while (it.hasNext()) {
                out.write(String.valueOf(it.next()));
                out.write('\n');
                records++;
            }
        }
        if (ctx instanceof TaskContextImpl task) {
            task.metrics().addRecordsWritten(records);
            task.metrics().addBytesWritten(Files.size(attempt));
        }
    }
}
