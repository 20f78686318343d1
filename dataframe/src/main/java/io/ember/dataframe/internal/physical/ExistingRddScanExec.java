package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.ExistingRddRelation;
import io.ember.rdd.RDD;
import java.util.List;

/** Scans the column batches built on the executors from a user's RDD of rows. */
public final class ExistingRddScanExec extends LeafExec {
    private final ExistingRddRelation relation;

    public ExistingRddScanExec(ExistingRddRelation relation) {
        this.relation = relation;
    }

    @Override
    public List<AttributeReference> output() {
        return relation.output();
    }

    @Override
    public String nodeString() {
        return relation.nodeString();
    }

    @Override
    public Partitioning outputPartitioning() {
        return new Partitioning.Unknown(relation.batches().getNumPartitions());
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        return relation.batches();
    }
}
