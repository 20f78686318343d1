package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.plan.TreeStrings;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/**
 * A physical operator: turns its children's {@code RDD<ColumnBatch>} into its own. Operators
 * declare the distribution they need of each child and the partitioning they produce;
 * {@link EnsureRequirements} inserts the exchanges (shuffles, broadcasts) between them.
 *
 * <p>Design notes. Work on the executors happens in static methods fed with bound expressions
 * and plain values, never through {@code this}: closures must not capture operators (which hold
 * the driver-side plan).
 */
public abstract class PhysicalPlan {
    private RDD<ColumnBatch> executed;

    /** The inputs. */
    public abstract List<PhysicalPlan> children();

    /** A copy with other children. */
    public abstract PhysicalPlan withNewChildren(List<PhysicalPlan> children);

    /** The columns produced. */
    public abstract List<AttributeReference> output();

    /** This node's line in {@code explain()}. */
    public abstract String nodeString();

    /** Builds the RDD of this operator. */
    protected abstract RDD<ColumnBatch> doExecute(ExecContext ctx);

    /** How the output is partitioned. */
    public Partitioning outputPartitioning() {
        return new Partitioning.Unknown(-1);
    }

    /** What each child's partitioning must satisfy. */
    public List<Distribution> requiredChildDistribution() {
        List<Distribution> out = new ArrayList<>();
        for (int i = 0; i < children().size(); i++) {
            out.add(new Distribution.Unspecified());
        }
        return out;
    }

    /** The RDD of this operator, built once. */
    public final synchronized RDD<ColumnBatch> execute(ExecContext ctx) {
        if (executed == null) {
            executed = doExecute(ctx);
        }
        return executed;
    }

    /** The operator tree, Spark's format. */
    public String treeString() {
        return TreeStrings.render(this, PhysicalPlan::nodeString, PhysicalPlan::children);
    }

    /** The output column types. */
    public List<DataType> outputTypes() {
        return types(output());
    }

    /** The types of {@code attrs}. */
    public static List<DataType> types(List<AttributeReference> attrs) {
        List<DataType> out = new ArrayList<>();
        for (AttributeReference a : attrs) {
            out.add(a.dataType());
        }
        return out;
    }

    /** The only child. */
    protected PhysicalPlan child() {
        return children().get(0);
    }

    @Override
    public String toString() {
        return nodeString();
    }
}
