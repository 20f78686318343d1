package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.In;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.io.FileSource;
import io.ember.dataframe.internal.io.ScanCondition;
import io.ember.dataframe.internal.io.SourceFilter;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a file source: only the pruned columns, with pushed filters translated for skipping.
 * With late filters (conjuncts of the filter above the scan that the source evaluates itself,
 * see {@link FileSource#evaluatesConditions()}), the scan returns only the rows where all of
 * them are true, and decodes the other columns only for those rows.
 */
public final class FileScanExec extends LeafExec {
    private final FileSource source;
    private final List<AttributeReference> fullOutput;
    private final List<AttributeReference> output;
    private final int[] required;
    private final List<Expression> pushedFilters;
    private final List<Expression> lateFilters;
    private final List<RuntimeFilter> runtimeFilters;
    private final List<TopNBoundFilter> topNBounds;

    /** A runtime filter the scan evaluates with its late filters: {@code keys} among {@code source}'s keys. */
    record RuntimeFilter(List<AttributeReference> keys, RuntimeFilterSource source) {
    }

    public FileScanExec(FileSource source, List<AttributeReference> fullOutput, List<AttributeReference> output,
                        int[] required, List<Expression> pushedFilters) {
        this(source, fullOutput, output, required, pushedFilters, List.of());
    }

    /** A scan that returns only the rows where every one of {@code lateFilters} is true. */
    public FileScanExec(FileSource source, List<AttributeReference> fullOutput, List<AttributeReference> output,
                        int[] required, List<Expression> pushedFilters, List<Expression> lateFilters) {
        this(source, fullOutput, output, required, pushedFilters, lateFilters, List.of(), List.of());
    }

    private FileScanExec(FileSource source, List<AttributeReference> fullOutput, List<AttributeReference> output,
                         int[] required, List<Expression> pushedFilters, List<Expression> lateFilters,
                         List<RuntimeFilter> runtimeFilters, List<TopNBoundFilter> topNBounds) {
        if ((!lateFilters.isEmpty() || !runtimeFilters.isEmpty() || !topNBounds.isEmpty())
                && !source.evaluatesConditions()) {
            throw new IllegalArgumentException(source.format() + " scans do not evaluate conditions");
        }
        this.source = source;
        this.fullOutput = fullOutput;
        this.output = output;
        this.required = required;
        this.pushedFilters = pushedFilters;
        this.lateFilters = lateFilters;
        this.runtimeFilters = runtimeFilters;
        this.topNBounds = topNBounds;
    }

    /** The columns this scan's runtime filters probe with. */
    List<AttributeReference> runtimeFilterKeys() {
        List<AttributeReference> out = new ArrayList<>();
        for (RuntimeFilter f : runtimeFilters) {
            out.addAll(f.keys());
        }
        return out;
    }

    /** Whether this scan can evaluate a runtime filter itself (and decode its other columns late). */
    boolean takesRuntimeFilters() {
        return source.evaluatesConditions();
    }

    /** This scan, also keeping only the rows whose {@code keys} are among {@code from}'s keys. */
    FileScanExec withRuntimeFilter(List<AttributeReference> keys, RuntimeFilterSource from) {
        List<RuntimeFilter> all = new ArrayList<>(runtimeFilters);
        all.add(new RuntimeFilter(keys, from));
        return new FileScanExec(source, fullOutput, output, required, pushedFilters, lateFilters, List.copyOf(all),
                topNBounds);
    }

    /**
     * This scan, also dropping the rows that cannot enter the top-N whose cutoff is {@code bound}
     * ({@code key}: its first sort key over this scan's columns).
     */
    FileScanExec withTopNBound(Expression key, TopNBound bound) {
        List<TopNBoundFilter> all = new ArrayList<>(topNBounds);
        all.add(new TopNBoundFilter(key, bound));
        return new FileScanExec(source, fullOutput, output, required, pushedFilters, lateFilters, runtimeFilters,
                List.copyOf(all));
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    /** Whether some filter was pushed into this scan, i.e. it reads a selection of the source's rows. */
    boolean filtered() {
        return !pushedFilters.isEmpty() || !lateFilters.isEmpty();
    }

    /** The filters the source is given. */
    public List<SourceFilter> sourceFilters() {
        List<SourceFilter> out = new ArrayList<>();
        for (Expression e : pushedFilters) {
            SourceFilter f = translate(e);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private SourceFilter translate(Expression e) {
        if (e instanceof Comparison c) {
            if (c.left() instanceof AttributeReference a && c.right() instanceof Literal l && l.value() != null
                    && c.op() != CmpOp.NEQ) {
                return SourceFilter.compare(c.op(), a.name(), a.dataType(), l.value());
            }
            if (c.right() instanceof AttributeReference a && c.left() instanceof Literal l && l.value() != null
                    && c.op() != CmpOp.NEQ) {
                return SourceFilter.compare(c.op().flip(), a.name(), a.dataType(), l.value());
            }
        }
        if (e instanceof IsNull n && n.child() instanceof AttributeReference a) {
            return new SourceFilter(n.negated() ? SourceFilter.Kind.IS_NOT_NULL : SourceFilter.Kind.IS_NULL, a.name(),
                    a.dataType(), List.of());
        }
        if (e instanceof In in && in.children().get(0) instanceof AttributeReference a) {
            List<Object> values = new ArrayList<>();
            for (Expression x : in.children().subList(1, in.children().size())) {
                if (!(x instanceof Literal l)) {
                    return null;
                }
                values.add(l.value());
            }
            return new SourceFilter(SourceFilter.Kind.IN, a.name(), a.dataType(), values);
        }
        return null;
    }

    @Override
    public String nodeString() {
        StringBuilder sb = new StringBuilder("FileScan ").append(source.format()).append(' ')
                .append(LogicalPlan.list(output).replace(", ", ","));
        sb.append(" Batched: true, DataFilters: ").append(LogicalPlan.list(pushedFilters));
        sb.append(", Format: ").append(source.format().toUpperCase(java.util.Locale.ROOT));
        if (!lateFilters.isEmpty()) {
            sb.append(", LateFilters: ").append(LogicalPlan.list(lateFilters));
        }
        for (RuntimeFilter f : runtimeFilters) {
            sb.append(", RuntimeFilter: ").append(LogicalPlan.list(f.keys())).append(" in ").append(f.source().describe());
        }
        for (TopNBoundFilter f : topNBounds) {
            SortOrder order = f.bound().firstKey();
            sb.append(", TopNBound: ").append(LogicalPlan.list(List.of(
                    new SortOrder(f.key(), order.ascending(), order.nullsFirst()))));
        }
        if (!source.paths().isEmpty()) {
            sb.append(", Location: InMemoryFileIndex(").append(source.paths().size()).append(" paths)")
                    .append(source.paths());
        }
        sb.append(", PushedFilters: ").append(sourceFilters());
        StringBuilder schema = new StringBuilder("struct<");
        for (int i = 0; i < output.size(); i++) {
            if (i > 0) {
                schema.append(',');
            }
            schema.append(output.get(i).name()).append(':').append(output.get(i).dataType().simpleString());
        }
        sb.append(", ReadSchema: ").append(schema).append('>');
        String extra = source.describe(required, sourceFilters());
        if (!extra.isEmpty()) {
            sb.append(", ").append(extra);
        }
        return sb.toString();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        List<Expression> conditions = new ArrayList<>(lateFilters);
        for (RuntimeFilter f : runtimeFilters) {
            Broadcast<BroadcastHashJoinExec.HashedRelation> keys = f.source().relation(ctx);
            if (keys != null) {
                conditions.add(new RuntimeKeyFilter(List.copyOf(f.keys()), keys));
            }
        }
        conditions.addAll(topNBounds);
        return source.scan(ctx.sc(), required, sourceFilters(), scanCondition(conditions), ctx.scanSettings());
    }

    /**
     * {@code conditions} as the stages of a scan condition, in their order, each bound to the
     * output columns it reads; null without any. A condition that reads no column the stages
     * before it have not read joins the last stage: a stage of its own would decode nothing new
     * and only copy the columns read so far.
     */
    private ScanCondition scanCondition(List<Expression> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        List<List<Expression>> stageConditions = new ArrayList<>();
        Set<Long> readSoFar = new HashSet<>();
        for (Expression condition : conditions) {
            Set<Long> reads = condition.referenceIds();
            if (!stageConditions.isEmpty() && readSoFar.containsAll(reads)) {
                stageConditions.get(stageConditions.size() - 1).add(condition);
            } else {
                stageConditions.add(new ArrayList<>(List.of(condition)));
                readSoFar.addAll(reads);
            }
        }
        List<ScanCondition.Stage> stages = new ArrayList<>();
        for (List<Expression> conjuncts : stageConditions) {
            Expression condition = Predicates.and(conjuncts);
            Set<Long> read = condition.referenceIds();
            List<AttributeReference> columns = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < output.size(); i++) {
                if (read.contains(output.get(i).exprId())) {
                    columns.add(output.get(i));
                    positions.add(i);
                }
            }
            stages.add(new ScanCondition.Stage(Binder.bind(condition, columns),
                    positions.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new ScanCondition(stages);
    }
}
