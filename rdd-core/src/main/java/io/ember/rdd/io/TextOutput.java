package io.ember.rdd.io;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.scheduler.TaskContextImpl;
import java.io.BufferedWriter;
import java.io.IOException;
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
        OutputCommitter committer = OutputCommitter.setupJob(path, overwrite);
        String staging = committer.stagingPath();
        try {
            rdd.context().runJob(rdd, (ctx, it) -> {
                Path attempt = OutputCommitter.taskAttemptFile(staging, ctx, String.format("part-%05d", ctx.partitionId()));
                try {
                    writeLines(attempt, it, ctx);
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

    private static <T> void writeLines(Path attempt, Iterator<T> it, TaskContext ctx) throws IOException {
        Files.createDirectories(attempt.getParent());
        long records = 0;
        try (BufferedWriter out = Files.newBufferedWriter(attempt, StandardCharsets.UTF_8)) {
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
