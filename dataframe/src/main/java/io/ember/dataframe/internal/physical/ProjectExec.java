package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a projection over each batch. */
// Deliberately the physical twin of Project (as in Spark): logical and physical plans are
// separate layers, so the node shape repeats.
public final class ProjectExec extends PhysicalPlan {
    private final List<NamedExpression> projectList;
    private final PhysicalPlan child;

    public ProjectExec(List<NamedExpression> projectList, PhysicalPlan child) {
        this.projectList = projectList;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    /** The expressions computed, each named. */
    List<NamedExpression> projectList() {
        return projectList;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new ProjectExec(projectList, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : projectList) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "Project " + LogicalPlan.list(projectList);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        Expression[] exprs = Binder.bindAll(projectList, child.output());
        return child.execute(ctx).mapPartitions(it -> it.map(b -> project(b, exprs)), true);
    }

    /** Evaluates {@code exprs} over {@code b}. */
    static ColumnBatch project(ColumnBatch b, Expression[] exprs) {
        ColumnVector[] cols = new ColumnVector[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            cols[i] = exprs[i].eval(b);
        }
        return new ColumnBatch(cols, b.numRows);
    }
}
