package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.Expand;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each input batch into one batch per projection ({@link io.ember.dataframe.internal.plan.Expand}):
 * the input of the partial aggregate of grouping sets. The output is not partitioned by
 * anything the input was: the projections null out columns.
 */
public final class ExpandExec extends PhysicalPlan {
    private final List<List<Expression>> projections;
    private final List<AttributeReference> output;
    private final PhysicalPlan child;

    public ExpandExec(List<List<Expression>> projections, List<AttributeReference> output, PhysicalPlan child) {
        this.projections = projections;
        this.output = output;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new ExpandExec(projections, output, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return Expand.describe(projections, output);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<Expression[]> bound = new ArrayList<>();
        for (List<Expression> p : projections) {
            bound.add(Binder.bindAll(p, child.output()));
        }
        return child.execute(ctx).mapPartitions(it -> it.flatMap(b -> expand(b, bound)), false);
    }

    private static List<ColumnBatch> expand(ColumnBatch b, List<Expression[]> projections) {
        List<ColumnBatch> out = new ArrayList<>(projections.size());
        for (Expression[] p : projections) {
            out.add(ProjectExec.project(b, p));
        }
        return out;
    }
}
