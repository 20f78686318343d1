package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.rdd.RDD;
import java.util.List;

/**
 * Rows of a user's RDD ({@code createDataFrame(RDD<Row>, schema)}), turned into column batches on
 * the executors by {@code batches}, a lazy transformation: nothing runs until an action.
 */
public record ExistingRddRelation(List<AttributeReference> output, RDD<ColumnBatch> batches) implements LeafPlan {

    @Override
    public String nodeString() {
        return "ExistingRDD " + output;
    }

    @Override
    public long sizeInBytes() {
        // The size is unknown without running a job; Spark uses the default size too.
        return Long.MAX_VALUE;
    }
}
