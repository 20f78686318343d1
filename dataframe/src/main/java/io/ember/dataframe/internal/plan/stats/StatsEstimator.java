package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.BroadcastHint;
import io.ember.dataframe.internal.plan.Expand;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.plan.TreeStrings;
import io.ember.dataframe.internal.plan.Union;
import io.ember.dataframe.internal.window.WindowPlan;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the {@link Statistics} of logical plan nodes for the join reorder and the physical
 * planner. With cost-based estimation (Spark's {@code spark.sql.cbo.enabled}) rows and column
 * statistics start at the relations ({@link LeafStatistics}) and flow up: a filter keeps its
 * selectivity's share ({@link FilterEstimation}), a join what {@link JoinEstimation} gives, an
 * aggregate one row per group (the product of the grouping columns' distinct counts when all are
 * known or bounded by a whole-number range, else as many as its input), a limit at most its count, a union the sum; the size is
 * rows times the estimated width of a row. Without it, each node's own
 * {@link LogicalPlan#sizeInBytes()} is the only statistic, as Spark's size-only estimates.
 *
 * <p>One estimator serves one query: it remembers the statistics of each node it saw (by
 * identity, as plans are immutable) and each Parquet source's footers. Not thread-safe; its
 * owner is the query execution that made it.
 */
public final class StatsEstimator {
    private final boolean costBased;
    private final Map<LogicalPlan, Statistics> memo = new IdentityHashMap<>();
    private final ParquetFooterStats footers = new ParquetFooterStats();

    /** An estimator; {@code costBased} estimates rows and columns, otherwise sizes only. */
    public StatsEstimator(boolean costBased) {
        this.costBased = costBased;
    }

    /** Whether rows and column statistics are estimated. */
    public boolean costBased() {
        return costBased;
    }

    /** The statistics of {@code plan}'s output. */
    public Statistics of(LogicalPlan plan) {
        if (!costBased) {
            return Statistics.sizeOnly(plan.sizeInBytes());
        }
        Statistics s = memo.get(plan);
        if (s == null) {
            s = estimate(plan);
            memo.put(plan, s);
        }
        return s;
    }

    /** The estimated size of {@code plan}'s output in bytes. */
    public long sizeInBytes(LogicalPlan plan) {
        return of(plan).sizeInBytes();
    }

    /** The tree with each node's statistics, as {@code explain("cost")} shows it. */
    public String treeStringWithStats(LogicalPlan plan) {
        return TreeStrings.render(plan, p -> p.nodeString() + ", " + of(p).simpleString(), LogicalPlan::children);
    }

    private Statistics estimate(LogicalPlan plan) {
        if (plan instanceof RangeRelation r) {
            return leaf(plan, LeafStatistics.range(r));
        }
        if (plan instanceof LocalRelation r) {
            return leaf(plan, LeafStatistics.local(r));
        }
        if (plan instanceof FileScan s) {
            return leaf(plan, LeafStatistics.file(s, footers));
        }
        if (plan instanceof Filter f) {
            return sized(plan, FilterEstimation.estimate(f.condition(), of(f.child())));
        }
        if (plan instanceof Project p) {
            return project(p);
        }
        if (plan instanceof Join j) {
            List<Expression> conjuncts = j.condition() == null ? List.of() : Predicates.splitConjuncts(j.condition());
            return sized(plan, JoinEstimation.estimate(j.joinType(), of(j.left()), j.left().outputIds(), of(j.right()),
                    j.right().outputIds(), conjuncts));
        }
        if (plan instanceof Aggregate a) {
            return aggregate(a);
        }
        if (plan instanceof Limit l) {
            Statistics child = of(l.child());
            return sized(plan, new RowEstimate(Math.min(l.n(), child.rowCount()), child.columns()));
        }
        if (plan instanceof Union u) {
            long rows = 0;
            for (LogicalPlan c : u.children()) {
                rows = LogicalPlan.plus(rows, of(c).rowCount());
            }
            return sized(plan, new RowEstimate(rows, Map.of()));
        }
        if (plan instanceof Expand e) {
            return sized(plan, new RowEstimate(LogicalPlan.times(of(e.child()).rowCount(), e.projections().size()),
                    Map.of()));
        }
        if (plan instanceof Sort || plan instanceof SubqueryAlias || plan instanceof BroadcastHint
                || plan instanceof Repartition || plan instanceof WindowPlan) {
            Statistics child = of(plan.children().get(0));
            return sized(plan, new RowEstimate(child.rowCount(), child.columns()));
        }
        long size = plan.sizeInBytes();
        return new Statistics(size, Math.max(1, size / Math.max(1, plan.rowWidth())), Map.of());
    }

    private Statistics project(Project p) {
        Statistics child = of(p.child());
        Map<Long, ColumnStat> columns = new HashMap<>();
        for (NamedExpression e : p.projectList()) {
            Expression source = e instanceof Alias a ? a.child() : e;
            AttributeReference column = NumericDomain.column(source);
            if (column != null && child.columns().containsKey(column.exprId())) {
                columns.put(e.exprId(), child.column(column.exprId()));
            }
        }
        return sized(p, new RowEstimate(child.rowCount(), columns));
    }

    private Statistics aggregate(Aggregate a) {
        Statistics child = of(a.child());
        long groups = 1;
        if (!a.groupingExpressions().isEmpty()) {
            double product = 1;
            for (Expression g : a.groupingExpressions()) {
                AttributeReference column = NumericDomain.column(g);
                ColumnStat s = column == null ? ColumnStat.UNKNOWN : child.column(column.exprId());
                long ndv = column == null ? -1 : LeafStatistics.distinctEstimate(s, column.dataType(), child.rowCount());
                product = ndv >= 0 ? product * (ndv + (s.nullCount() > 0 ? 1 : 0)) : Double.POSITIVE_INFINITY;
            }
            groups = (long) Math.min(child.rowCount(), product);
        }
        Map<Long, ColumnStat> columns = new HashMap<>();
        for (NamedExpression e : a.aggregateExpressions()) {
            Expression source = e instanceof Alias al ? al.child() : e;
            AttributeReference column = source instanceof AttributeReference r ? r : null;
            if (column != null && a.groupingExpressions().contains(column) && child.columns().containsKey(column.exprId())) {
                columns.put(e.exprId(), child.column(column.exprId()));
            }
        }
        return sized(a, new RowEstimate(groups, columns));
    }

    /** A leaf's statistics: its own size estimate, the rows and columns given. */
    private static Statistics leaf(LogicalPlan plan, RowEstimate e) {
        return new Statistics(plan.sizeInBytes(), e.rows(), outputColumns(plan, e.columns(), e.rows()));
    }

    /** Statistics of {@code e}'s rows at the estimated width of {@code plan}'s rows. */
    private static Statistics sized(LogicalPlan plan, RowEstimate e) {
        long rows = Math.max(0, e.rows());
        long size = Math.max(1, LogicalPlan.times(rows, plan.rowWidth()));
        return new Statistics(size, rows, outputColumns(plan, e.columns(), rows));
    }

    private static Map<Long, ColumnStat> outputColumns(LogicalPlan plan, Map<Long, ColumnStat> columns, long rows) {
        Map<Long, ColumnStat> out = new HashMap<>();
        for (AttributeReference a : plan.output()) {
            ColumnStat s = columns.get(a.exprId());
            if (s != null) {
                out.put(a.exprId(), s.cappedAt(rows));
            }
        }
        return out;
    }
}
