package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.StructType;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/** A file format writers can produce: opens one file for a task's rows of one partition directory. */
public interface OutputFormat extends Serializable {

    /** The file name suffix, e.g. {@code .snappy.parquet}. */
    String extension();

    /**
     * Checks, before any task runs, that the format can write rows of {@code schema} (the
     * columns written into files, without partition columns).
     *
     * @throws io.ember.dataframe.AnalysisException naming what the format cannot write
     */
    default void checkSchema(StructType schema) {
    }

    /** Opens {@code file} for rows of {@code schema}. */
    FileWriter open(Path file, StructType schema) throws IOException;

    /** Writes batches to one file. */
    interface FileWriter extends Closeable {
        /** Writes every row of {@code batch}. */
        void write(ColumnBatch batch) throws IOException;
    }
}
