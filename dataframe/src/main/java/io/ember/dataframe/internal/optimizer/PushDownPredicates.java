package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.plan.Union;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves filters as close to the data as they can go: below projections (rewriting aliases),
 * sorts, repartitions, aliases and unions, below aggregates when they test grouping columns only,
 * and into the sides of joins (a filter above a join, and the one-sided parts of a join's own
 * condition, as far as the join type allows).
 */
public final class PushDownPredicates implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Join j) {
            return pushJoinCondition(j);
        }
        if (!(plan instanceof Filter f) || !f.condition().deterministic()) {
            return plan;
        }
        LogicalPlan child = f.child();
        if (child instanceof Project p && allDeterministic(p.projectList())) {
            Expression rewritten = Predicates.substitute(f.condition(), Predicates.aliases(p.projectList()));
            return new Project(p.projectList(), new Filter(rewritten, p.child()));
        }
        if (child instanceof Sort s) {
            return new Sort(s.order(), s.global(), new Filter(f.condition(), s.child()));
        }
        if (child instanceof Repartition r) {
            return r.withNewChildren(List.of(new Filter(f.condition(), r.child())));
        }
        if (child instanceof SubqueryAlias a) {
            return new SubqueryAlias(a.alias(), new Filter(f.condition(), a.child()));
        }
        if (child instanceof Union u) {
            List<LogicalPlan> pushed = new ArrayList<>();
            List<AttributeReference> first = u.output();
            for (LogicalPlan c : u.children()) {
                Map<Long, Expression> byPosition = new HashMap<>();
                List<AttributeReference> out = c.output();
                for (int i = 0; i < first.size(); i++) {
                    byPosition.put(first.get(i).exprId(), out.get(i));
                }
                pushed.add(new Filter(Predicates.substitute(f.condition(), byPosition), c));
            }
            return new Union(pushed);
        }
        if (child instanceof Aggregate a) {
            return pushThroughAggregate(f, a);
        }
        if (child instanceof Join j) {
            return pushThroughJoin(f, j);
        }
        return plan;
    }

    private static boolean allDeterministic(List<NamedExpression> list) {
        for (NamedExpression e : list) {
            if (!e.deterministic()) {
                return false;
            }
        }
        return true;
    }

    private static LogicalPlan pushThroughAggregate(Filter f, Aggregate a) {
        Map<Long, Expression> groupingOutputs = new HashMap<>();
        for (NamedExpression n : a.aggregateExpressions()) {
            Expression underlying = n instanceof Alias al ? al.child() : n;
            if (a.groupingExpressions().contains(underlying) && underlying.deterministic()) {
                groupingOutputs.put(n.exprId(), underlying);
            }
        }
        List<Expression> pushable = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression c : Predicates.splitConjuncts(f.condition())) {
            if (!c.referenceIds().isEmpty() && groupingOutputs.keySet().containsAll(c.referenceIds())) {
                pushable.add(Predicates.substitute(c, groupingOutputs));
            } else {
                kept.add(c);
            }
        }
        if (pushable.isEmpty()) {
            return f;
        }
        LogicalPlan pushed = new Aggregate(a.groupingExpressions(), a.aggregateExpressions(),
                new Filter(Predicates.and(pushable), a.child()));
        return kept.isEmpty() ? pushed : new Filter(Predicates.and(kept), pushed);
    }

    private static LogicalPlan pushThroughJoin(Filter f, Join j) {
        Set<Long> leftIds = j.left().outputIds();
        Set<Long> rightIds = j.right().outputIds();
        JoinType t = j.joinType();
        boolean toLeft = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_OUTER
                || t == JoinType.LEFT_SEMI || t == JoinType.LEFT_ANTI;
        boolean toRight = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.RIGHT_OUTER;
        boolean toCondition = t == JoinType.INNER || t == JoinType.CROSS;
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> join = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression c : Predicates.splitConjuncts(f.condition())) {
            if (toLeft && Predicates.refersOnlyTo(c, leftIds)) {
                left.add(c);
            } else if (toRight && Predicates.refersOnlyTo(c, rightIds)) {
                right.add(c);
            } else if (toCondition && c.deterministic()) {
                join.add(c);
            } else {
                kept.add(c);
            }
        }
        if (left.isEmpty() && right.isEmpty() && join.isEmpty()) {
            return f;
        }
        LogicalPlan l = left.isEmpty() ? j.left() : new Filter(Predicates.and(left), j.left());
        LogicalPlan r = right.isEmpty() ? j.right() : new Filter(Predicates.and(right), j.right());
        Expression cond = j.condition();
        if (!join.isEmpty()) {
            List<Expression> all = new ArrayList<>();
            if (cond != null) {
                all.add(cond);
            }
            all.addAll(join);
            cond = Predicates.and(all);
        }
        JoinType type = t == JoinType.CROSS && cond != null ? JoinType.INNER : t;
        LogicalPlan joined = new Join(l, r, type, cond, j.broadcastLeft(), j.broadcastRight());
        return kept.isEmpty() ? joined : new Filter(Predicates.and(kept), joined);
    }

    private static LogicalPlan pushJoinCondition(Join j) {
        if (j.condition() == null) {
            return j;
        }
        JoinType t = j.joinType();
        boolean leftOk = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI || t == JoinType.RIGHT_OUTER;
        boolean rightOk = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI
                || t == JoinType.LEFT_OUTER || t == JoinType.LEFT_ANTI;
        Set<Long> leftIds = j.left().outputIds();
        Set<Long> rightIds = j.right().outputIds();
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression c : Predicates.splitConjuncts(j.condition())) {
            if (!c.deterministic() || c.referenceIds().isEmpty()) {
                kept.add(c);
            } else if (leftOk && Predicates.refersOnlyTo(c, leftIds)) {
                left.add(c);
            } else if (rightOk && Predicates.refersOnlyTo(c, rightIds)) {
                right.add(c);
            } else {
                kept.add(c);
            }
        }
        if (left.isEmpty() && right.isEmpty()) {
            return j;
        }
        LogicalPlan l = left.isEmpty() ? j.left() : new Filter(Predicates.and(left), j.left());
        LogicalPlan r = right.isEmpty() ? j.right() : new Filter(Predicates.and(right), j.right());
        return new Join(l, r, t, Predicates.and(kept), j.broadcastLeft(), j.broadcastRight());
    }
}
