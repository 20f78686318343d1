package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.JoinType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands a top-N's cutoff to the scan it reads in the same task: {@code ORDER BY total DESC LIMIT
 * 100} over a Parquet file then decodes {@code total} for every row but the other columns only
 * for the rows that can still be among the 100 ({@link TopNBound}, {@link TopNBoundFilter}). After
 * the first batches the cutoff is tight, so nearly every row is dropped with only its first sort
 * key read.
 *
 * <p>The first sort key is followed down through what keeps each row's key value as it was read:
 * deterministic projections (substituting their definitions), deterministic filters, runtime
 * filters, and the stream side of a broadcast hash join whose every output row comes from a stream
 * row (inner, semi, anti, and the outer join that keeps the stream side). A dropped row then only
 * removes rows that sort after the cutoff. It stops at exchanges, sorts, aggregations and anything
 * else, whose rows do not reach the top-N in the same task, and places the bound only in a scan
 * that evaluates conditions itself. Runs after {@link InjectRuntimeFilters}, with it
 * ({@code ember.sql.optimizer.runtimeFilter.enabled}) and with late materialization.
 */
final class PushTopNBounds {
    private PushTopNBounds() {
    }

    /** {@code plan} with a cutoff from each top-N into the scan below it, where one can be placed. */
    static PhysicalPlan apply(PhysicalPlan plan) {
        return plan.transformUp(PushTopNBounds::withBound);
    }

    /** {@code node}, if a top-N, with its cutoff placed in the scan below it. */
    private static PhysicalPlan withBound(PhysicalPlan node) {
        if (node instanceof TakeOrderedAndProjectExec top && top.limit() > 0 && !top.order().isEmpty()) {
            SortOrder first = top.order().get(0);
            if (first.child().deterministic()) {
                TopNBound bound = new TopNBound(first);
                PhysicalPlan placed = place(top.children().get(0), first.child(), bound);
                if (placed != null) {
                    return new TakeOrderedAndProjectExec(top.limit(), top.order(), placed, bound);
                }
            }
        }
        return node;
    }

    /** {@code plan} with {@code key} (over its output) bounded in the scan below it; null where none can be. */
    private static PhysicalPlan place(PhysicalPlan plan, Expression key, TopNBound bound) {
        if (plan instanceof FileScanExec scan) {
            return scan.takesRuntimeFilters() && reads(plan, key)
                    ? scan.withTopNBound(key, bound) : null;
        }
        if (plan instanceof ProjectExec p) {
            Expression below = substitute(key, p.projectList());
            return below == null ? null : rebuilt(p, 0, place(p.children().get(0), below, bound));
        }
        if (plan instanceof FilterExec f) {
            return f.condition().deterministic() ? rebuilt(f, 0, place(f.children().get(0), key, bound)) : null;
        }
        if (plan instanceof RuntimeFilterExec r) {
            return rebuilt(r, 0, place(r.children().get(0), key, bound));
        }
        if (plan instanceof BroadcastHashJoinExec j && everyRowFromStream(j)) {
            int stream = j.buildRight() ? 0 : 1;
            PhysicalPlan streamSide = j.children().get(stream);
            if (reads(streamSide, key)) {
                return rebuilt(j, stream, place(streamSide, key, bound));
            }
        }
        return null;
    }

    /**
     * Whether every output row of {@code j} comes from one stream row, carrying its columns: never
     * an unmatched build row, which could appear where a dropped stream row was its only match.
     */
    private static boolean everyRowFromStream(BroadcastHashJoinExec j) {
        JoinType t = j.joinType;
        return t == JoinType.INNER || t == JoinType.CROSS
                || (j.buildRight() ? t == JoinType.LEFT_OUTER || t.leftOnly() : t == JoinType.RIGHT_OUTER);
    }

    /**
     * {@code key} over the project's input: its columns replaced by their definitions; null if one
     * is not deterministic.
     */
    private static Expression substitute(Expression key, List<NamedExpression> projectList) {
        Map<Long, Expression> definitions = Predicates.aliases(projectList);
        for (Long id : key.referenceIds()) {
            Expression d = definitions.get(id);
            if (d != null && !d.deterministic()) {
                return null;
            }
        }
        return Predicates.substitute(key, definitions);
    }

    /** Whether {@code key} reads only columns of {@code plan}'s output. */
    private static boolean reads(PhysicalPlan plan, Expression key) {
        Set<Long> output = new HashSet<>();
        for (AttributeReference a : plan.output()) {
            output.add(a.exprId());
        }
        return output.containsAll(key.referenceIds());
    }

    private static PhysicalPlan rebuilt(PhysicalPlan parent, int child, PhysicalPlan placed) {
        if (placed == null) {
            return null;
        }
        List<PhysicalPlan> children = new ArrayList<>(parent.children());
        children.set(child, placed);
        return parent.withNewChildren(children);
    }
}
