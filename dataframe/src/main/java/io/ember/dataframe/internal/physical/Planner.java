package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.CachedRelation;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.ExistingRddRelation;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.internal.plan.MapPartitions;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.plan.Union;
import io.ember.dataframe.internal.plan.stats.Statistics;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import io.ember.dataframe.internal.window.WindowPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns an optimized logical plan into physical operators: aggregates into partial and final
 * hash aggregates, joins into broadcast hash joins (one side under
 * {@code ember.sql.autoBroadcastJoinThreshold} or hinted), shuffled hash joins building the side
 * estimated smaller (equality keys; sort-merge joins if {@code ember.sql.join.preferSortMergeJoin}
 * is true) or nested loop / cartesian joins (no keys), {@code orderBy().limit()} into a top-N. Exchanges are
 * left to {@link EnsureRequirements}.
 *
 * <p>Sides are sized by the query's {@link StatsEstimator}: with cost-based estimates a filtered
 * or joined side is as small as its estimated rows, so a selective filter can make a side
 * broadcast. An equi-join broadcast on an estimate shuffles instead when its side turns out more
 * than {@value #SHUFFLE_ABOVE_THRESHOLDS} times the threshold ({@link BroadcastHashJoinExec}); a
 * join without keys, which cannot, keeps the size-only bound for a side that joins (see
 * {@link #sideSize}). Where both sides may be broadcast (or built by a nested loop join), the
 * smaller estimated one is.
 */
public final class Planner {
    /**
     * How many times {@code ember.sql.autoBroadcastJoinThreshold} a side broadcast on its estimate
     * may turn out to be before its join shuffles instead: estimates of filtered and joined sides
     * are guesses, often off by a few times either way, and a broadcast of a few times the
     * threshold is still cheaper than shuffling the other side.
     */
    static final long SHUFFLE_ABOVE_THRESHOLDS = 4;

    private final ExecContext ctx;
    private final UnaryOperator<LogicalPlan> optimizer;
    private final StatsEstimator stats;
    /**
     * The aggregations and joins planned so far, by their logical plan (records, equal by value):
     * an equal deterministic subtree met again (a {@code WITH} query read twice, a subquery that
     * repeats part of the outer query) gets the same physical plan, so its exchanges run once and
     * the second reader reads their output (Spark's exchange reuse).
     */
    private final Map<LogicalPlan, PhysicalPlan> shared = new HashMap<>();
    /** The partial aggregations planned so far, by grouping, aggregate functions and input. */
    private final Map<List<Object>, PartialAggregate> sharedPartials = new HashMap<>();

    /**
     * A planner for one query; {@code optimizer} optimizes the plans of cached data,
     * {@code stats} sizes the sides of joins.
     */
    public Planner(ExecContext ctx, UnaryOperator<LogicalPlan> optimizer, StatsEstimator stats) {
        this.ctx = ctx;
        this.optimizer = optimizer;
        this.stats = stats;
    }

    /** The executable plan of {@code plan}, exchanges included. */
    public PhysicalPlan plan(LogicalPlan plan) {
        PhysicalPlan physical = EnsureRequirements.apply(toPhysical(plan), ctx.shufflePartitions());
        if (!ctx.runtimeFilters()) {
            return physical;
        }
        long threshold = ctx.broadcastThreshold();
        PhysicalPlan filtered = InjectRuntimeFilters.apply(physical, ctx.lateMaterialization(),
                threshold < 0 ? -1 : SHUFFLE_ABOVE_THRESHOLDS * threshold);
        return ctx.lateMaterialization() ? PushTopNBounds.apply(filtered) : filtered;
    }

    private PhysicalPlan toPhysical(LogicalPlan plan) {
        if ((plan instanceof Aggregate || plan instanceof Join) && deterministic(plan)) {
            PhysicalPlan known = shared.get(plan);
            if (known == null) {
                known = translate(plan);
                shared.put(plan, known);
            }
            return known;
        }
        return translate(plan);
    }

    /** Whether every expression of {@code plan}'s subtree gives the same values when evaluated again. */
    private static boolean deterministic(LogicalPlan plan) {
        for (Expression e : plan.expressions()) {
            if (!e.deterministic()) {
                return false;
            }
        }
        for (LogicalPlan c : plan.children()) {
            if (!deterministic(c)) {
                return false;
            }
        }
        return true;
    }

    private PhysicalPlan translate(LogicalPlan plan) {
        if (plan instanceof LocalRelation r) {
            return new LocalTableScanExec(r.output(), r.batches());
        }
        if (plan instanceof RangeRelation r) {
            return new RangeExec(r);
        }
        if (plan instanceof ExistingRddRelation r) {
            return new ExistingRddScanExec(r);
        }
        if (plan instanceof FileScan s) {
            return new FileScanExec(s.source(), s.fullOutput(), s.output(), s.requiredOrdinals(), s.pushedFilters());
        }
        if (plan instanceof Project p) {
            return new ProjectExec(p.projectList(), toPhysical(p.child()));
        }
        if (plan instanceof Filter f && f.child() instanceof FileScan s && s.source().evaluatesConditions()
                && ctx.lateMaterialization()) {
            return scanWithCondition(f, s);
        }
        if (plan instanceof Filter f) {
            return new FilterExec(f.condition(), toPhysical(f.child()));
        }
        if (plan instanceof Aggregate a) {
            return aggregate(a);
        }
        if (plan instanceof Limit l && l.child() instanceof Sort s && s.global()) {
            return new TakeOrderedAndProjectExec(l.n(), s.order(), toPhysical(s.child()));
        }
        if (plan instanceof Limit l) {
            return new LimitExec(l.n(), toPhysical(l.child()));
        }
        if (plan instanceof Sort s) {
            return new SortExec(s.order(), s.global(), toPhysical(s.child()));
        }
        if (plan instanceof Join j) {
            return join(j);
        }
        if (plan instanceof Union u) {
            List<PhysicalPlan> children = new ArrayList<>();
            for (LogicalPlan c : u.children()) {
                children.add(toPhysical(c));
            }
            return new UnionExec(children, u.output());
        }
        if (plan instanceof Repartition r) {
            PhysicalPlan child = toPhysical(r.child());
            if (!r.shuffle()) {
                return new CoalesceExec(r.numPartitions(), child);
            }
            Partitioning p = r.partitionExpressions().isEmpty() ? new Partitioning.RoundRobin(r.numPartitions())
                    : new Partitioning.Hash(r.partitionExpressions(), r.numPartitions());
            return new ShuffleExchangeExec(p, child);
        }
        if (plan instanceof io.ember.dataframe.internal.plan.Expand e) {
            return new ExpandExec(e.projections(), e.output(), toPhysical(e.child()));
        }
        if (plan instanceof io.ember.dataframe.internal.plan.Generate g) {
            return new GenerateExec(g.generator(), g.generatorOutput(), toPhysical(g.child()));
        }
        if (plan instanceof WindowPlan w) {
            return new WindowExec(w.windowExpressions(), w.partitionSpec(), w.orderSpec(), toPhysical(w.child()));
        }
        if (plan instanceof SubqueryAlias a) {
            return toPhysical(a.child());
        }
        if (plan instanceof io.ember.dataframe.internal.plan.BroadcastHint h) {
            return toPhysical(h.child());
        }
        if (plan instanceof MapPartitions m) {
            return new MapPartitionsExec(m, toPhysical(m.child()));
        }
        if (plan instanceof CachedRelation c) {
            return new InMemoryScanExec(c.output(), c.data(), plan(optimizer.apply(c.data().plan())));
        }
        throw new IllegalStateException("No physical plan for " + plan.nodeString());
    }

    /**
     * A filter over a scan whose source evaluates conditions: the scan takes the filter's leading
     * deterministic conjuncts (so it decodes its other columns only for the rows they keep), and
     * a filter above keeps the rest. Only the leading ones, as Spark pushes filters: a conjunct
     * that is not deterministic (random numbers, user functions, subqueries) must see the rows
     * the conjuncts before it let through, not fewer.
     */
    private PhysicalPlan scanWithCondition(Filter f, FileScan s) {
        List<Expression> conjuncts = Predicates.splitConjuncts(f.condition());
        int taken = 0;
        while (taken < conjuncts.size() && conjuncts.get(taken).deterministic()) {
            taken++;
        }
        PhysicalPlan scan = new FileScanExec(s.source(), s.fullOutput(), s.output(), s.requiredOrdinals(),
                s.pushedFilters(), List.copyOf(conjuncts.subList(0, taken)));
        return taken == conjuncts.size() ? scan
                : new FilterExec(Predicates.and(conjuncts.subList(taken, conjuncts.size())), scan);
    }

    private PhysicalPlan aggregate(Aggregate a) {
        List<Expression> grouping = a.groupingExpressions();
        List<AttributeReference> groupingAttrs = new ArrayList<>();
        for (Expression g : grouping) {
            groupingAttrs.add(g instanceof AttributeReference attr ? attr
                    : AttributeReference.create(g.sql(), g.dataType(), g.nullable()));
        }
        List<AggregateExpression> aggs = new ArrayList<>();
        List<Expression> canonicalAggs = new ArrayList<>();
        for (NamedExpression e : a.aggregateExpressions()) {
            for (AggregateExpression agg : e.collect(AggregateExpression.class)) {
                Expression c = Canonical.of(agg);
                if (!canonicalAggs.contains(c)) {
                    canonicalAggs.add(c);
                    aggs.add(agg);
                }
            }
        }
        PartialAggregate partialPlan = partial(grouping, groupingAttrs, aggs, canonicalAggs, a.child());
        List<AttributeReference> keyAttrs = partialPlan.groupingAttrs();
        List<AttributeReference> resultAttrs = partialPlan.resultAttrs();
        List<Expression> canonicalGrouping = Canonical.all(grouping);
        List<NamedExpression> results = new ArrayList<>();
        for (NamedExpression e : a.aggregateExpressions()) {
            Expression rewritten = e.transformDown(x -> {
                if (x instanceof Alias) {
                    return x;
                }
                int g = canonicalGrouping.indexOf(Canonical.of(x));
                if (g >= 0) {
                    return keyAttrs.get(g);
                }
                if (x instanceof AggregateExpression agg) {
                    return resultAttrs.get(canonicalAggs.indexOf(Canonical.of(agg)));
                }
                return x;
            });
            results.add((NamedExpression) rewritten);
        }
        HashAggregateExec partial = partialPlan.partial();
        return new HashAggregateExec(HashAggregateExec.Mode.FINAL, grouping, keyAttrs, aggs,
                partialPlan.buffers(), resultAttrs, results, partial);
    }

    /**
     * The partial half of an aggregation and the columns it defines. Two aggregations with the
     * same grouping, the same aggregate functions and equal deterministic inputs share it (a
     * {@code WITH} query read twice, once pruned to fewer output columns), so the exchange above
     * it is shared too and the input is read and aggregated once.
     */
    private record PartialAggregate(List<AttributeReference> groupingAttrs, List<AttributeReference> resultAttrs,
                                    List<AttributeReference> buffers, HashAggregateExec partial) {
    }

    private PartialAggregate partial(List<Expression> grouping, List<AttributeReference> groupingAttrs,
                                     List<AggregateExpression> aggs, List<Expression> canonicalAggs, LogicalPlan child) {
        List<Object> key = List.of(grouping, canonicalAggs, child);
        boolean shareable = deterministic(child) && aggs.stream().allMatch(Expression::deterministic)
                && grouping.stream().allMatch(Expression::deterministic);
        PartialAggregate known = shareable ? sharedPartials.get(key) : null;
        if (known != null) {
            return known;
        }
        List<AttributeReference> resultAttrs = new ArrayList<>();
        for (AggregateExpression agg : aggs) {
            resultAttrs.add(AttributeReference.create(agg.sql(), agg.dataType(), agg.nullable()));
        }
        List<AttributeReference> buffers = HashAggregateExec.bufferAttributes(aggs);
        HashAggregateExec partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, grouping, groupingAttrs, aggs,
                buffers, resultAttrs, null, toPhysical(child));
        PartialAggregate made = new PartialAggregate(groupingAttrs, resultAttrs, buffers, partial);
        if (shareable) {
            sharedPartials.put(key, made);
        }
        return made;
    }

    private PhysicalPlan join(Join j) {
        Set<Long> leftIds = j.left().outputIds();
        Set<Long> rightIds = j.right().outputIds();
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Expression> residual = new ArrayList<>();
        if (j.condition() != null) {
            for (Expression c : Predicates.splitConjuncts(j.condition())) {
                if (c instanceof Comparison cmp && cmp.op() == CmpOp.EQ && !cmp.left().referenceIds().isEmpty()
                        && !cmp.right().referenceIds().isEmpty()) {
                    if (Predicates.refersOnlyTo(cmp.left(), leftIds) && Predicates.refersOnlyTo(cmp.right(), rightIds)) {
                        leftKeys.add(cmp.left());
                        rightKeys.add(cmp.right());
                        continue;
                    }
                    if (Predicates.refersOnlyTo(cmp.left(), rightIds) && Predicates.refersOnlyTo(cmp.right(), leftIds)) {
                        leftKeys.add(cmp.right());
                        rightKeys.add(cmp.left());
                        continue;
                    }
                }
                residual.add(c);
            }
        }
        Expression rest = Predicates.and(residual);
        JoinType type = j.joinType();
        PhysicalPlan left = toPhysical(j.left());
        PhysicalPlan right = toPhysical(j.right());
        long threshold = ctx.broadcastThreshold();
        long rightSize = sideSize(j.right());
        long leftSize = sideSize(j.left());
        boolean rightSmall = j.broadcastRight() || (threshold >= 0 && rightSize <= threshold);
        boolean leftSmall = j.broadcastLeft() || (threshold >= 0 && leftSize <= threshold);
        boolean canBuildRight = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
        boolean canBuildLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
        if (!leftKeys.isEmpty()) {
            // On the estimates alone, not the guarded sizes: a side broadcast on its estimate that
            // turns out larger shuffles instead (BroadcastHashJoinExec), so a wrong guess costs time.
            long rightEstimate = stats.sizeInBytes(j.right());
            long leftEstimate = stats.sizeInBytes(j.left());
            boolean buildRight = canBuildRight && (j.broadcastRight() || (threshold >= 0 && rightEstimate <= threshold));
            boolean buildLeft = canBuildLeft && (j.broadcastLeft() || (threshold >= 0 && leftEstimate <= threshold));
            if (buildRight && buildLeft) {
                if (j.broadcastLeft() != j.broadcastRight()) {
                    buildRight = j.broadcastRight();
                } else {
                    buildRight = rightEstimate <= leftEstimate;
                }
                buildLeft = !buildRight;
            }
            if (buildRight || buildLeft) {
                boolean hinted = buildRight ? j.broadcastRight() : j.broadcastLeft();
                long shuffleAbove = hinted ? -1 : SHUFFLE_ABOVE_THRESHOLDS * Math.max(threshold, 1);
                return new BroadcastHashJoinExec(leftKeys, rightKeys, type, buildRight, shuffleAbove, rest, left, right,
                        j.output());
            }
            JoinKeySizes keySizes = new JoinKeySizes(keyBytes(j.left(), leftKeys), keyBytes(j.right(), rightKeys));
            if (ctx.preferSortMergeJoin()) {
                return new SortMergeJoinExec(leftKeys, rightKeys, type, rest, left, right, j.output(), keySizes);
            }
            // The raw estimates, not the guarded sideSize: a wrong pick here costs time (the build
            // side spills), not the heap.
            boolean hashBuildRight = ShuffledHashJoinExec.mustBuildRight(type) || rightEstimate <= leftEstimate;
            return new ShuffledHashJoinExec(leftKeys, rightKeys, type, hashBuildRight, rest, left, right, j.output(),
                    keySizes);
        }
        if ((type == JoinType.INNER || type == JoinType.CROSS) && !rightSmall && !leftSmall) {
            return new CartesianProductExec(rest, left, right, j.output());
        }
        boolean buildRight = type != JoinType.RIGHT_OUTER;
        if ((type == JoinType.INNER || type == JoinType.CROSS) && leftSmall && (!rightSmall || leftSize < rightSize)) {
            buildRight = false;
        }
        return new NestedLoopJoinExec(buildRight, type, rest, left, right, j.output());
    }

    /** The estimated bytes of {@code keys} over {@code side}'s rows; the side's whole size without a row estimate. */
    private long keyBytes(LogicalPlan side, List<Expression> keys) {
        Statistics s = stats.of(side);
        if (!s.hasRowCount()) {
            return s.sizeInBytes();
        }
        long width = 0;
        for (Expression k : keys) {
            width += k.dataType().defaultSize();
        }
        return s.rowCount() > Long.MAX_VALUE / Math.max(width, 1) ? Long.MAX_VALUE : s.rowCount() * width;
    }

    /**
     * The size a join side is planned by: its estimate, but for a side that itself joins, no less
     * than the size-only bound (the product of its inputs), as Spark without statistics: a join's
     * row estimate rests on guesses about its keys that can be off by orders of magnitude, and a
     * broadcast that is too large takes the heap down, where a shuffle would only be slower.
     */
    private long sideSize(LogicalPlan side) {
        long estimate = stats.sizeInBytes(side);
        return containsJoin(side) ? Math.max(estimate, side.sizeInBytes()) : estimate;
    }

    private static boolean containsJoin(LogicalPlan plan) {
        if (plan instanceof Join) {
            return true;
        }
        for (LogicalPlan c : plan.children()) {
            if (containsJoin(c)) {
                return true;
            }
        }
        return false;
    }
}
