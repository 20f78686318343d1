package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import java.util.List;

/** Data held on the driver (from {@code createDataFrame}), already in batches. */
public record LocalRelation(List<AttributeReference> output, List<ColumnBatch> batches) implements LeafPlan {

    @Override
    public String nodeString() {
        return "LocalRelation " + LogicalPlan.list(output);
    }

    @Override
    public long sizeInBytes() {
        long bytes = 0;
        for (ColumnBatch b : batches) {
            bytes += b.estimatedBytes();
        }
        return Math.max(bytes, 1);
    }

    /** The number of rows. */
    public long rowCount() {
        long n = 0;
        for (ColumnBatch b : batches) {
            n += b.numRows;
        }
        return n;
    }
}
