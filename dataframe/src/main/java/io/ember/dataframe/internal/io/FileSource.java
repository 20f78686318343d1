package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * A readable set of files in one format: its schema (data columns, then partition columns),
 * its size, and a scan that reads only the columns asked for and may skip data that the
 * pushed filters rule out.
 */
public interface FileSource {

    /** {@code csv}, {@code parquet}, {@code json} or {@code text}. */
    String format();

    /** The full schema. */
    StructType schema();

    /** The total size of the files, for statistics. */
    long sizeInBytes();

    /** The root paths, for plans. */
    List<String> paths();

    /**
     * The batches of the columns {@code required} (ordinals into {@link #schema()}, in that
     * order), skipping what {@code filters} rule out when the format can.
     */
    RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings);

    /** Whether {@link #scan(EmberContext, int[], List, ScanCondition, ScanSettings)} takes conditions. */
    default boolean evaluatesConditions() {
        return false;
    }

    /**
     * Like {@link #scan(EmberContext, int[], List, ScanSettings)}, returning only the rows where
     * {@code condition} is true; a null condition keeps every row.
     *
     * @throws UnsupportedOperationException if a condition is given and the source does not
     *     {@linkplain #evaluatesConditions() evaluate conditions}
     */
    default RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanCondition condition,
                                  ScanSettings settings) {
        if (condition != null) {
            throw new UnsupportedOperationException(format() + " scans do not evaluate conditions");
        }
        return scan(sc, required, filters, settings);
    }

    /** Extra facts for the physical plan, e.g. how many row groups the filters leave. */
    default String describe(int[] required, List<SourceFilter> filters) {
        return "";
    }
}
