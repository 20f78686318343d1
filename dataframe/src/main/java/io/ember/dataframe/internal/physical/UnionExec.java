package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/** The partitions of every child, one after the other. */
public final class UnionExec extends PhysicalPlan {
    private final List<PhysicalPlan> children;
    private final List<AttributeReference> output;

    public UnionExec(List<PhysicalPlan> children, List<AttributeReference> output) {
        this.children = children;
        this.output = output;
    }

    @Override
    public List<PhysicalPlan> children() {
        return children;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new UnionExec(c, output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "Union";
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<RDD<ColumnBatch>> rdds = new ArrayList<>();
        for (PhysicalPlan c : children) {
            rdds.add(c.execute(ctx));
        }
        return ctx.sc().union(rdds);
    }
}
