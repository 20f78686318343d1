package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.TreeStrings;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.LongAccumulator;
import io.ember.rdd.RDD;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A physical operator: turns its children's {@code RDD<ColumnBatch>} into its own. Operators
 * declare the distribution they need of each child and the partitioning they produce;
 * {@link EnsureRequirements} inserts the exchanges (shuffles, broadcasts) between them.
 *
 * <p>Design notes. Work on the executors happens in static methods fed with bound expressions
 * and plain values, never through {@code this}: closures must not capture operators (which hold
 * the driver-side plan). Each operator counts the rows it produces for the UI's SQL page with one
 * accumulator, added to once per batch.
 */
public abstract class PhysicalPlan {
    private RDD<ColumnBatch> executed;
    private LongAccumulator outputRows;

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

    /**
     * This plan with {@code rule} applied to every node, children first: a node is rebuilt with
     * new children only when one of them changed, then given to the rule. A node that appears more
     * than once (a shared subtree) is rewritten once, so it stays shared.
     */
    public final PhysicalPlan transformUp(UnaryOperator<PhysicalPlan> rule) {
        return transformUp(rule, new IdentityHashMap<>());
    }

    private PhysicalPlan transformUp(UnaryOperator<PhysicalPlan> rule, Map<PhysicalPlan, PhysicalPlan> done) {
        PhysicalPlan known = done.get(this);
        if (known != null) {
            return known;
        }
        List<PhysicalPlan> children = children();
        List<PhysicalPlan> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (PhysicalPlan c : children) {
            PhysicalPlan r = c.transformUp(rule, done);
            changed |= r != c;
            rewritten.add(r);
        }
        PhysicalPlan result = rule.apply(changed ? withNewChildren(rewritten) : this);
        done.put(this, result);
        return result;
    }

    /** The RDD of this operator, built once; the rows of the batches it yields are counted ({@link #outputRows()}). */
    public final synchronized RDD<ColumnBatch> execute(ExecContext ctx) {
        if (executed == null) {
            LongAccumulator rows = outputRowsAccumulator(ctx);
            executed = doExecute(ctx).mapPartitions(it -> countRows(it, rows), true);
        }
        return executed;
    }

    /**
     * Counts rows this operator produced on the driver, for one whose output is not read through
     * {@link #execute} (a broadcast exchange collects its rows itself).
     */
    public final synchronized void addOutputRows(ExecContext ctx, long rows) {
        outputRowsAccumulator(ctx).add(rows);
    }

    /**
     * The rows this operator has produced (applied once per successful partition), or none if it
     * never ran in its query.
     */
    public final synchronized Option<Long> outputRows() {
        return outputRows == null ? Option.none() : Option.some(outputRows.sum());
    }

    private LongAccumulator outputRowsAccumulator(ExecContext ctx) {
        if (outputRows == null) {
            outputRows = ctx.sc().longAccumulator("number of output rows");
        }
        return outputRows;
    }

    private static Iterator<ColumnBatch> countRows(io.vavr.collection.Iterator<ColumnBatch> batches,
                                                   LongAccumulator rows) {
        return batches.map(b -> {
            rows.add(b.numRows);
            return b;
        });
    }

    /** The operator tree, Spark's format. */
    public String treeString() {
        // An exchange met again (a shared subtree, whose output is computed once) is shown as
        // Spark shows it, ReusedExchange, without its subtree a second time.
        Set<PhysicalPlan> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<PhysicalPlan> reused = Collections.newSetFromMap(new IdentityHashMap<>());
        return TreeStrings.render(this, p -> {
            if (!shown.add(p) && (p instanceof ShuffleExchangeExec || p instanceof BroadcastExchangeExec)) {
                reused.add(p);
                return "ReusedExchange " + LogicalPlan.list(p.output()) + ", " + p.nodeString();
            }
            return p.nodeString();
        }, p -> reused.contains(p) ? List.of() : p.children());
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
