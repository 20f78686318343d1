package io.ember.dataframe;

/**
 * What {@link DataFrameWriter} does when the output path already exists, as Spark's
 * {@code org.apache.spark.sql.SaveMode}.
 */
public enum SaveMode {
    /** Adds the new files next to the existing ones. */
    Append,
    /** Replaces the existing data, once the new data is complete. */
    Overwrite,
    /** Fails (the default). */
    ErrorIfExists,
    /** Writes nothing. */
    Ignore;

    io.ember.rdd.internal.io.OutputCommitter.SaveMode toCommitterMode() {
        return switch (this) {
            case Append -> io.ember.rdd.internal.io.OutputCommitter.SaveMode.APPEND;
            case Overwrite -> io.ember.rdd.internal.io.OutputCommitter.SaveMode.OVERWRITE;
            case ErrorIfExists -> io.ember.rdd.internal.io.OutputCommitter.SaveMode.ERROR;
            case Ignore -> io.ember.rdd.internal.io.OutputCommitter.SaveMode.IGNORE;
        };
    }
}
