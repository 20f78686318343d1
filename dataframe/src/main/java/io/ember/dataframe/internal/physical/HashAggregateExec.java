package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Hash aggregation in two phases around an exchange. The partial phase groups each partition's
 * rows (keys in a {@link GroupIndex}, per-function state in primitive arrays) and emits one row
 * per group: keys and partial buffers. After the exchange (inserted by {@link EnsureRequirements}
 * to bring equal keys together, or everything together for a global aggregate), the final phase
 * merges the buffers and evaluates the result expressions. Both phases work within the task's
 * execution memory and give it back when refused ({@link HashAggregator}).
 */
public final class HashAggregateExec extends PhysicalPlan {
    /** Which phase. */
    public enum Mode { PARTIAL, FINAL }

    private final Mode mode;
    private final List<Expression> groupingExpressions;
    private final List<AttributeReference> groupingAttributes;
    private final List<AggregateExpression> aggregates;
    private final List<AttributeReference> bufferAttributes;
    private final List<AttributeReference> resultAttributes;
    private final List<NamedExpression> resultExpressions;
    private final PhysicalPlan child;

    public HashAggregateExec(Mode mode, List<Expression> groupingExpressions, List<AttributeReference> groupingAttributes,
                             List<AggregateExpression> aggregates, List<AttributeReference> bufferAttributes,
                             List<AttributeReference> resultAttributes, List<NamedExpression> resultExpressions,
                             PhysicalPlan child) {
        this.mode = mode;
        this.groupingExpressions = groupingExpressions;
        this.groupingAttributes = groupingAttributes;
        this.aggregates = aggregates;
        this.bufferAttributes = bufferAttributes;
        this.resultAttributes = resultAttributes;
        this.resultExpressions = resultExpressions;
        this.child = child;
    }

    /** The buffer attributes of each aggregate, for planning the partial phase. */
    public static List<AttributeReference> bufferAttributes(List<AggregateExpression> aggs) {
        List<AttributeReference> out = new ArrayList<>();
        for (AggregateExpression a : aggs) {
            AggState s = AggState.create(a.fn(), a.child().dataType(), a.dataType(), a.distinct(), a.ignoreNulls());
            List<DataType> types = s.bufferTypes();
            for (int i = 0; i < types.size(); i++) {
                out.add(AttributeReference.create(a.fn().sqlName() + "_buf" + i, types.get(i), true));
            }
        }
        return out;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    /** Whether this is the partial (map-side) or final half. */
    Mode mode() {
        return mode;
    }

    /** The grouping expressions, over the child's output (partial half). */
    List<Expression> groupingExpressions() {
        return groupingExpressions;
    }

    /** The grouping columns, as the partial half outputs them. */
    List<AttributeReference> groupingAttributes() {
        return groupingAttributes;
    }

    /** The final half's output expressions, over the grouping columns and the aggregates' results. */
    List<NamedExpression> resultExpressions() {
        return resultExpressions;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new HashAggregateExec(mode, groupingExpressions, groupingAttributes, aggregates, bufferAttributes,
                resultAttributes, resultExpressions, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        if (mode == Mode.PARTIAL) {
            List<AttributeReference> out = new ArrayList<>(groupingAttributes);
            out.addAll(bufferAttributes);
            return out;
        }
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : resultExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        if (mode == Mode.PARTIAL) {
            return List.of(new Distribution.Unspecified());
        }
        if (groupingAttributes.isEmpty()) {
            return List.of(new Distribution.AllTuples());
        }
        return List.of(new Distribution.Clustered(new ArrayList<>(groupingAttributes)));
    }

    @Override
    public Partitioning outputPartitioning() {
        return mode == Mode.FINAL ? child.outputPartitioning() : new Partitioning.Unknown(-1);
    }

    @Override
    public String nodeString() {
        List<String> fns = new ArrayList<>();
        for (AggregateExpression a : aggregates) {
            fns.add((mode == Mode.PARTIAL ? "partial_" : "") + a.explain());
        }
        List<Expression> keys = mode == Mode.PARTIAL ? groupingExpressions : new ArrayList<>(groupingAttributes);
        return "HashAggregate(keys=" + LogicalPlan.list(keys) + ", functions=[" + String.join(", ", fns) + "])";
    }

    /** Everything the executors need, bound and plain. */
    record Spec(Mode mode, Expression[] keys, List<DataType> keyTypes, AggFn[] fns, Expression[] inputs,
                DataType[] inputTypes, DataType[] resultTypes, boolean[] distinct, boolean[] ignoreNulls,
                int[] bufferOffsets, Expression[] resultExprs, int batchSize) implements Serializable {
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        int k = aggregates.size();
        AggFn[] fns = new AggFn[k];
        Expression[] inputs = new Expression[k];
        DataType[] inputTypes = new DataType[k];
        DataType[] resultTypes = new DataType[k];
        boolean[] distinct = new boolean[k];
        boolean[] ignoreNulls = new boolean[k];
        int[] offsets = new int[k];
        int offset = groupingAttributes.size();
        for (int i = 0; i < k; i++) {
            AggregateExpression a = aggregates.get(i);
            fns[i] = a.fn();
            inputTypes[i] = a.child().dataType();
            resultTypes[i] = a.dataType();
            distinct[i] = a.distinct();
            ignoreNulls[i] = a.ignoreNulls();
            offsets[i] = offset;
            offset += AggState.create(a.fn(), inputTypes[i], resultTypes[i], a.distinct(), a.ignoreNulls())
                    .bufferTypes().size();
            if (mode == Mode.PARTIAL) {
                inputs[i] = Binder.bind(a.child(), child.output());
            }
        }
        Expression[] keys;
        Expression[] results = null;
        if (mode == Mode.PARTIAL) {
            keys = Binder.bindAll(groupingExpressions, child.output());
        } else {
            keys = Binder.bindAll(groupingAttributes, child.output());
            List<AttributeReference> resultInput = new ArrayList<>(groupingAttributes);
            resultInput.addAll(resultAttributes);
            results = Binder.bindAll(resultExpressions, resultInput);
        }
        Spec spec = new Spec(mode, keys, types(groupingAttributes), fns, inputs, inputTypes, resultTypes, distinct,
                ignoreNulls, offsets, results, ctx.batchSize());
        return child.execute(ctx).mapPartitions(it -> aggregate(it, spec));
    }

    /** One partition's aggregation, within the running task's execution memory. */
    static Iterator<ColumnBatch> aggregate(Iterator<ColumnBatch> it, Spec spec) {
        return new HashAggregator(spec, OperatorMemory.ofRunningTask(), 0, it);
    }
}
