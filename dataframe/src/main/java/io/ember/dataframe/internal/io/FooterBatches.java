package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The batches of row groups read for no data column ({@code count(*)}, or only partition
 * columns): each row group's row count comes from its footer, so no file is opened and no page
 * read; partition columns are constants of the split. Batches keep the scan's batch size.
 *
 * <p>Mutable; owned by the task iterating it.
 */
final class FooterBatches implements Iterator<ColumnBatch> {
    private final Iterator<ParquetSource.Split> splits;
    private final ParquetSource.ReadSpec spec;
    private ParquetSource.Split split;
    private long left;

    FooterBatches(Iterator<ParquetSource.Split> splits, ParquetSource.ReadSpec spec) {
        this.splits = splits;
        this.spec = spec;
    }

    @Override
    public boolean hasNext() {
        while (left == 0 && splits.hasNext()) {
            split = splits.next();
            left = split.rows();
            spec.metrics().answeredFromFooter();
        }
        return left > 0;
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int n = (int) Math.min(spec.batchSize(), left);
        int[] required = spec.required();
        int dataColumns = spec.dataSchema().size();
        ColumnVector[] cols = new ColumnVector[required.length];
        for (int c = 0; c < required.length; c++) {
            StructField p = spec.partitionSchema().apply(required[c] - dataColumns);
            DataType type = p.dataType();
            cols[c] = ColumnVector.constant(type, FileIndex.partitionValue(split.partitionValues().get(p.name()), type), n);
        }
        left -= n;
        return new ColumnBatch(cols, n);
    }
}
