package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reorders a tree of inner (and cross) joins so that each join has an equality between its
 * sides wherever the join conditions connect the relations, whatever order the {@code FROM}
 * clause lists them in: {@code FROM part, supplier, partsupp WHERE p_partkey = ps_partkey AND
 * s_suppkey = ps_suppkey} joins part with partsupp, then supplier, instead of starting with a
 * cartesian product of part and supplier.
 *
 * <p>Cost-based (the default; see {@link JoinReorderSettings}): the group of joins, taken apart
 * by {@link JoinGroup} through filters and column projections, is planned by
 * {@link JoinOrderSearch} on the estimates of a {@link StatsEstimator}, and rewritten only when
 * the order found is better than the tree's own (fewer joins without an equality, then a lower
 * cost), so a good order stays as it is and the rule reaches a fixed point. A group of more than
 * {@value JoinOrderSearch#MAX_RELATIONS} relations is ordered the greedy way.
 *
 * <p>Otherwise greedy: start from the first relation, and repeatedly join the first remaining
 * relation that an equality connects to those joined so far (the first remaining one if none
 * is, a cartesian product nothing can avoid). Each condition goes to the lowest join that sees
 * all its columns. The tree is rewritten only when this has fewer joins without an equality
 * than the order written.
 *
 * <p>Either way the output columns keep their order, and trees with {@code broadcast} hints or
 * non-deterministic conditions are left alone.
 */
final class ReorderInnerJoins implements Rule {
    private final JoinReorderSettings settings;
    private final StatsEstimator stats;

    ReorderInnerJoins(JoinReorderSettings settings, StatsEstimator stats) {
        this.settings = settings;
        this.stats = stats;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Join top) || !innerOrCross(top)) {
            return plan;
        }
        return settings.costBased() && stats.costBased() ? costBased(top) : greedy(top);
    }

    private LogicalPlan costBased(Join top) {
        JoinGroup group = JoinGroup.of(top);
        if (group == null || group.leaves().size() < 3) {
            return top;
        }
        if (group.leaves().size() > JoinOrderSearch.MAX_RELATIONS) {
            return greedy(top);
        }
        JoinOrderSearch search = new JoinOrderSearch(group, stats, settings.broadcastThreshold());
        JoinOrderSearch.Candidate best = search.best(settings.dpThreshold());
        if (!best.betterThan(search.evaluate(group.shape()))) {
            return top;
        }
        LogicalPlan joined = best.plan();
        if (!search.unplaced().isEmpty()) {
            joined = new Filter(Predicates.and(search.unplaced()), joined);
        }
        if (!joined.output().equals(top.output())) {
            joined = new Project(new ArrayList<NamedExpression>(top.output()), joined);
        }
        return joined;
    }

    private LogicalPlan greedy(Join top) {
        List<LogicalPlan> leaves = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        int[] withoutEquality = {0};
        if (!flatten(top, leaves, conditions, withoutEquality) || leaves.size() < 3 || withoutEquality[0] == 0) {
            return top;
        }
        List<LogicalPlan> remaining = new ArrayList<>(leaves);
        List<Expression> unused = new ArrayList<>(conditions);
        LogicalPlan joined = remaining.remove(0);
        int reorderedWithoutEquality = 0;
        while (!remaining.isEmpty()) {
            int pick = -1;
            for (int i = 0; i < remaining.size() && pick < 0; i++) {
                if (hasEquality(unused, joined.outputIds(), remaining.get(i).outputIds())) {
                    pick = i;
                }
            }
            if (pick < 0) {
                pick = 0;
                reorderedWithoutEquality++;
            }
            LogicalPlan next = remaining.remove(pick);
            Set<Long> ids = new LinkedHashSet<>(joined.outputIds());
            ids.addAll(next.outputIds());
            List<Expression> here = new ArrayList<>();
            for (Expression c : unused) {
                if (Predicates.refersOnlyTo(c, ids)) {
                    here.add(c);
                }
            }
            unused.removeAll(here);
            joined = new Join(joined, next, here.isEmpty() ? JoinType.CROSS : JoinType.INNER, Predicates.and(here),
                    false, false);
        }
        if (reorderedWithoutEquality >= withoutEquality[0]) {
            return top;
        }
        if (!unused.isEmpty()) {
            joined = new Filter(Predicates.and(unused), joined);
        }
        if (!joined.output().equals(top.output())) {
            joined = new Project(new ArrayList<NamedExpression>(top.output()), joined);
        }
        return joined;
    }

    private static boolean innerOrCross(Join j) {
        return j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS;
    }

    /**
     * Collects the relations and conditions of the inner-join tree at {@code plan}, counting the
     * joins without an equality between their sides; false when the tree must not be reordered.
     */
    private static boolean flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<Expression> conditions,
                                   int[] withoutEquality) {
        if (!(plan instanceof Join j) || !innerOrCross(j)) {
            leaves.add(plan);
            return true;
        }
        if (j.broadcastLeft() || j.broadcastRight()) {
            return false;
        }
        List<Expression> own = j.condition() == null ? List.of() : Predicates.splitConjuncts(j.condition());
        for (Expression c : own) {
            if (!c.deterministic()) {
                return false;
            }
        }
        conditions.addAll(own);
        if (!hasEquality(own, j.left().outputIds(), j.right().outputIds())) {
            withoutEquality[0]++;
        }
        return flatten(j.left(), leaves, conditions, withoutEquality)
                && flatten(j.right(), leaves, conditions, withoutEquality);
    }

    /** Whether one of {@code conditions} is an equality between a column expression of each side. */
    private static boolean hasEquality(List<Expression> conditions, Set<Long> left, Set<Long> right) {
        for (Expression c : conditions) {
            if (c instanceof Comparison cmp && cmp.op() == CmpOp.EQ && !cmp.left().referenceIds().isEmpty()
                    && !cmp.right().referenceIds().isEmpty()
                    && ((Predicates.refersOnlyTo(cmp.left(), left) && Predicates.refersOnlyTo(cmp.right(), right))
                    || (Predicates.refersOnlyTo(cmp.left(), right) && Predicates.refersOnlyTo(cmp.right(), left)))) {
                return true;
            }
        }
        return false;
    }
}
