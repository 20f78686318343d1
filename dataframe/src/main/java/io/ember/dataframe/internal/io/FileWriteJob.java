package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.io.OutputCommitter;
import io.ember.rdd.internal.io.OutputCommitter.SaveMode;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an RDD of batches as files through the engine's {@link OutputCommitter}: each task writes
 * one file per partition directory it has rows for ({@code part-NNNNN-<job>.ext}, unique per job so
 * that appends never collide), partition columns moved into directory names ({@code key=value})
 * and left out of the files.
 */
public final class FileWriteJob {
    private FileWriteJob() {
    }

    /** What a task needs. */
    record Spec(String staging, String jobId, OutputFormat format, StructType schema, int[] dataColumns,
                int[] partitionColumns, String timeZone) implements Serializable {
    }

    /**
     * Writes {@code rdd} (rows of {@code schema}) under {@code path}.
     *
     * @return false if nothing was written because the path exists and the mode is IGNORE
     */
    public static boolean write(RDD<ColumnBatch> rdd, StructType schema, String path, SaveMode mode,
                                OutputFormat format, List<String> partitionBy, String timeZone) {
        List<Integer> parts = new ArrayList<>();
        for (String p : partitionBy) {
            parts.add(schema.fieldIndex(p));
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            if (!parts.contains(i)) {
                data.add(i);
            }
        }
        if (data.isEmpty()) {
            throw new AnalysisException("Cannot use all columns for partition columns");
        }
        Option<OutputCommitter> setup = setupJob(path, mode);
        if (setup.isEmpty()) {
            return false;
        }
        OutputCommitter committer = setup.get();
        Spec spec = new Spec(committer.stagingPath(), committer.jobId(), format, schema,
                data.stream().mapToInt(Integer::intValue).toArray(), parts.stream().mapToInt(Integer::intValue).toArray(),
                timeZone);
        try {
            rdd.context().runJob(rdd, (tc, it) -> {
                writeTask(tc, it, spec);
                return null;
            });
        } catch (RuntimeException e) {
            committer.abortJob();
            throw e;
        }
        committer.commitJob();
        return true;
    }

    /** The committer, with Spark's error when the path exists in mode ERROR. */
    private static Option<OutputCommitter> setupJob(String path, SaveMode mode) {
        try {
            return OutputCommitter.setupJob(path, mode);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException exists) {
                throw new AnalysisException("[PATH_ALREADY_EXISTS] Path file:" + exists.getFile()
                        + " already exists. Set mode as \"overwrite\" to overwrite the existing path.");
            }
            throw e;
        }
    }

    private static void writeTask(TaskContext tc, Iterator<ColumnBatch> it, Spec spec) {
        try {
            writeFiles(tc, it, spec);
        } catch (RuntimeException e) {
            OutputCommitter.abortTask(spec.staging(), tc);
            throw e;
        }
        OutputCommitter.commitTask(spec.staging(), tc);
    }

    private static void writeFiles(TaskContext tc, Iterator<ColumnBatch> it, Spec spec) {
        StructType dataSchema = new StructType();
        for (int c : spec.dataColumns()) {
            dataSchema = dataSchema.add(spec.schema().apply(c));
        }
        Map<String, OutputFormat.FileWriter> writers = new LinkedHashMap<>();
        String name = String.format("part-%05d-%s-c000%s", tc.partitionId(), spec.jobId(),
                spec.format().extension());
        ZoneId zone = ZoneId.of(spec.timeZone());
        try {
            boolean any = false;
            while (it.hasNext()) {
                ColumnBatch b = it.next();
                if (b.numRows == 0) {
                    continue;
                }
                any = true;
                ColumnBatch data = b.project(spec.dataColumns());
                if (spec.partitionColumns().length == 0) {
                    writer(writers, "", name, dataSchema, spec, tc).write(data);
                    continue;
                }
                Map<String, List<Integer>> groups = new LinkedHashMap<>();
                for (int r = 0; r < b.numRows; r++) {
                    groups.computeIfAbsent(directory(b, r, spec, zone), k -> new ArrayList<>()).add(r);
                }
                for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                    int[] rows = g.getValue().stream().mapToInt(Integer::intValue).toArray();
                    writer(writers, g.getKey(), name, dataSchema, spec, tc).write(data.select(rows, rows.length));
                }
            }
            if (!any && tc.partitionId() == 0 && spec.partitionColumns().length == 0) {
                writer(writers, "", name, dataSchema, spec, tc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output of task " + tc.partitionId(), e);
        } finally {
            for (OutputFormat.FileWriter w : writers.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot finish output of task " + tc.partitionId(), e);
                }
            }
        }
    }

    private static OutputFormat.FileWriter writer(Map<String, OutputFormat.FileWriter> writers, String dir, String name,
                                                  StructType dataSchema, Spec spec, TaskContext tc) throws IOException {
        OutputFormat.FileWriter w = writers.get(dir);
        if (w == null) {
            String relative = dir.isEmpty() ? name : dir + "/" + name;
            Path file = OutputCommitter.taskAttemptFile(spec.staging(), tc, relative);
            w = spec.format().open(file, dataSchema);
            writers.put(dir, w);
        }
        return w;
    }

    private static String directory(ColumnBatch b, int r, Spec spec, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        for (int p : spec.partitionColumns()) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            ColumnVector v = b.columns[p];
            Object value = v.get(r);
            String text = value == null ? FileIndex.DEFAULT_PARTITION
                    : URLEncoder.encode(Values.format(value, spec.schema().apply(p).dataType(), zone),
                    StandardCharsets.UTF_8).replace("+", "%20");
            sb.append(spec.schema().apply(p).name()).append('=').append(text);
        }
        return sb.toString();
    }
}
