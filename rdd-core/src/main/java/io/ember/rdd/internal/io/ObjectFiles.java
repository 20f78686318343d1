package io.ember.rdd.internal.io;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The format of object files and checkpoints: per partition a {@code part-NNNNN} file holding
 * a Kryo record stream of its elements, written through the {@link OutputCommitter}.
 */
final class ObjectFiles {
    private ObjectFiles() {
    }

    /** Writes every partition of {@code rdd} into the directory {@code path}, atomically. */
    static <T> void write(RDD<T> rdd, String path, boolean overwrite) {
        OutputCommitter committer = OutputCommitter.setupJob(path, overwrite);
        String staging = committer.stagingPath();
        try {
            rdd.context().runJob(rdd, (ctx, it) -> {
                writePart(staging, ctx, it);
                return null;
            });
        } catch (RuntimeException e) {
            committer.abortJob();
            throw e;
        }
        committer.commitJob();
    }

    private static <T> void writePart(String staging, TaskContext ctx, Iterator<T> it) {
        Path attempt = OutputCommitter.taskAttemptFile(staging, ctx.partitionId(), ctx.attemptNumber(),
                ctx.taskAttemptId(), partName(ctx.partitionId()));
        long records = 0;
        try {
            Files.createDirectories(attempt.getParent());
            try (Codec.RecordWriter out = Codecs.kryo().newWriter(
                    new BufferedOutputStream(Files.newOutputStream(attempt), 64 * 1024))) {
                while (it.hasNext()) {
                    out.write(it.next());
                    records++;
                }
            }
            if (ctx instanceof TaskContextImpl task) {
                task.metrics().addRecordsWritten(records);
                task.metrics().addBytesWritten(Files.size(attempt));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + attempt, e);
        }
        OutputCommitter.commitTask(staging, attempt);
    }

    /** The file name of partition {@code index}. */
    static String partName(int index) {
        return String.format("part-%05d", index);
    }

    /** Reads one part file lazily, with the task's class loader. */
    static <T> Iterator<T> read(Path file, TaskContext context) {
        ClassLoader loader = context instanceof TaskContextImpl task ? task.services().classLoader()
                : Thread.currentThread().getContextClassLoader();
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
            if (context instanceof TaskContextImpl task) {
                task.metrics().addBytesRead(Files.size(file));
            }
            return Codecs.kryo().newReader(in, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
