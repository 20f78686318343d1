package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Derives, from an {@code OR} in an inner join's condition, a filter each side can apply before
 * the join: when every branch has conditions on one side alone, that side's rows must satisfy
 * the {@code OR} of those conditions. In TPC-H Q19 the part side keeps only the brands,
 * containers and sizes some branch names, and the lineitem side only the quantities and ship
 * modes, so the join reads a fraction of each table. The join keeps its whole condition (the
 * derived filters are implied by it, not equal to it); a derived filter already present below
 * the join is not added again.
 */
final class InferFiltersFromOrJoinCondition implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Join j) || j.condition() == null
                || (j.joinType() != JoinType.INNER && j.joinType() != JoinType.CROSS)) {
            return plan;
        }
        LogicalPlan left = j.left();
        LogicalPlan right = j.right();
        for (Expression conjunct : Predicates.splitConjuncts(j.condition())) {
            if (conjunct instanceof Or) {
                left = withDerived(left, conjunct);
                right = withDerived(right, conjunct);
            }
        }
        return left == j.left() && right == j.right() ? plan : j.withNewChildren(List.of(left, right));
    }

    private static LogicalPlan withDerived(LogicalPlan side, Expression or) {
        Set<Long> ids = side.outputIds();
        List<Expression> branches = new ArrayList<>();
        for (Expression branch : Predicates.splitDisjuncts(or)) {
            List<Expression> own = new ArrayList<>();
            for (Expression c : Predicates.splitConjuncts(branch)) {
                if (c.deterministic() && !c.referenceIds().isEmpty() && Predicates.refersOnlyTo(c, ids)) {
                    own.add(c);
                }
            }
            if (own.isEmpty()) {
                return side;
            }
            branches.add(Predicates.and(own));
        }
        Expression derived = Predicates.or(branches);
        return holds(side, derived) ? side : new Filter(derived, side);
    }

    /**
     * Whether a node of {@code plan} already applies {@code predicate} as one of its conjuncts.
     * Below a projection the predicate is looked for in the projection's input columns, as
     * pushing it down rewrites it (a self-join's renamed side: {@code n_name#62} is
     * {@code n_name#55} below {@code n_name#55 AS n_name#62}); otherwise it would be derived
     * again in every optimizer round.
     */
    private static boolean holds(LogicalPlan plan, Expression predicate) {
        for (Expression e : plan.expressions()) {
            if (Predicates.splitConjuncts(e).contains(predicate)) {
                return true;
            }
        }
        Expression below = plan instanceof Project p
                ? Predicates.substitute(predicate, Predicates.aliases(p.projectList())) : predicate;
        for (LogicalPlan c : plan.children()) {
            if (holds(c, below)) {
                return true;
            }
        }
        return false;
    }
}
