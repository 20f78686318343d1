package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.ExternalBatchSorter;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.internal.window.WindowExpression;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Computes window functions. It requires its input clustered by the partition keys (so
 * {@link EnsureRequirements} puts a hash exchange on those keys below it, or a single-partition
 * exchange when there are none); each task then sorts its rows by partition keys and ordering,
 * cuts them into window partitions and evaluates every function over those sorted rows,
 * appending one column per function to the input's.
 *
 * <p>Neither a task's input nor one window partition has to fit in memory: the sort is external
 * and a partition that outgrows memory spills and is computed from disk ({@link WindowStream}).
 */
// Deliberately the physical twin of WindowPlan (as Spark keeps Window and WindowExec apart):
// logical and physical plans are separate layers, so the node shape repeats.
public final class WindowExec extends PhysicalPlan {
    private final List<NamedExpression> windowExpressions;
    private final List<Expression> partitionSpec;
    private final List<SortOrder> orderSpec;
    private final PhysicalPlan child;

    /** The operator computing {@code windowExpressions} (aliases of window expressions) over {@code child}. */
    public WindowExec(List<NamedExpression> windowExpressions, List<Expression> partitionSpec,
                      List<SortOrder> orderSpec, PhysicalPlan child) {
        this.windowExpressions = windowExpressions;
        this.partitionSpec = partitionSpec;
        this.orderSpec = orderSpec;
        this.child = child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new WindowExec(windowExpressions, partitionSpec, orderSpec, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (NamedExpression e : windowExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(partitionSpec.isEmpty() ? new Distribution.AllTuples() : new Distribution.Clustered(partitionSpec));
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "Window " + LogicalPlan.list(windowExpressions) + ", " + LogicalPlan.list(partitionSpec) + ", "
                + LogicalPlan.list(orderSpec);
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<AttributeReference> input = child.output();
        Expression[] partitionKeys = Binder.bindAll(partitionSpec, input);
        List<SortOrder> sortOrder = new ArrayList<>();
        for (Expression p : partitionSpec) {
            sortOrder.add(SortOrder.asc(p));
        }
        sortOrder.addAll(orderSpec);
        RowOrdering sorting = new RowOrdering(Binder.bindAll(SortExec.keys(sortOrder), input), sortOrder);
        RowOrdering peers = new RowOrdering(Binder.bindAll(SortExec.keys(orderSpec), input), orderSpec);
        List<WindowEvaluator> evaluators = new ArrayList<>();
        for (NamedExpression e : windowExpressions) {
            evaluators.add(WindowEvaluator.create((WindowExpression) Binder.bind(((Alias) e).child(), input)));
        }
        List<DataType> types = PhysicalPlan.types(input);
        int batchSize = ctx.batchSize();
        return child.execute(ctx).mapPartitions(
                it -> compute(it, types, partitionKeys, sorting, peers, evaluators, batchSize), true);
    }

    /**
     * The rows of one task with the window functions' columns appended: sorted by an external
     * sort, then cut into window partitions and computed by a {@link WindowStream}.
     */
    static Iterator<ColumnBatch> compute(Iterator<ColumnBatch> it, List<DataType> types, Expression[] partitionKeys,
                                         RowOrdering sorting, RowOrdering peers, List<WindowEvaluator> evaluators,
                                         int batchSize) {
        Iterator<ColumnBatch> sorted = ExternalBatchSorter.sort(it, "WindowExec", sorting, types, batchSize);
        return new WindowStream(sorted, types, partitionKeys, peers, evaluators, batchSize);
    }
}
