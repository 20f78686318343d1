package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the conjuncts every branch of an {@code OR} shares out of it:
 * {@code (k = j AND a) OR (k = j AND b)} becomes {@code k = j AND (a OR b)}, in filter and join
 * conditions. A join key written in every branch (TPC-H Q19's {@code p_partkey = l_partkey})
 * then becomes a conjunct that predicate pushdown makes the equi-join condition it is, instead
 * of leaving a cartesian product filtered by the {@code OR}. When a branch holds nothing but
 * shared conjuncts the {@code OR} is implied by them and goes.
 */
final class ExtractCommonConjunctsFromOr implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Filter f) {
            Expression c = rewrite(f.condition());
            return c == f.condition() ? plan : new Filter(c, f.child());
        }
        if (plan instanceof Join j && j.condition() != null) {
            Expression c = rewrite(j.condition());
            return c == j.condition() ? plan : j.withCondition(c);
        }
        return plan;
    }

    /** {@code condition} with each {@code OR} conjunct's shared conjuncts taken out, or itself. */
    private static Expression rewrite(Expression condition) {
        if (!condition.exists(x -> x instanceof Or)) {
            return condition;
        }
        boolean changed = false;
        List<Expression> out = new ArrayList<>();
        for (Expression conjunct : Predicates.splitConjuncts(condition)) {
            List<Expression> rewritten = extract(conjunct);
            changed |= rewritten.size() != 1 || rewritten.get(0) != conjunct;
            out.addAll(rewritten);
        }
        return changed ? Predicates.and(out) : condition;
    }

    /** The conjuncts {@code e} is equivalent to: the shared ones and what remains of the {@code OR}. */
    private static List<Expression> extract(Expression e) {
        if (!(e instanceof Or)) {
            return List.of(e);
        }
        List<List<Expression>> branches = new ArrayList<>();
        for (Expression d : Predicates.splitDisjuncts(e)) {
            branches.add(Predicates.splitConjuncts(d));
        }
        List<Expression> common = new ArrayList<>();
        for (Expression c : branches.get(0)) {
            boolean everywhere = c.deterministic();
            for (List<Expression> b : branches) {
                everywhere &= b.contains(c);
            }
            if (everywhere && !common.contains(c)) {
                common.add(c);
            }
        }
        if (common.isEmpty()) {
            return List.of(e);
        }
        List<Expression> rests = new ArrayList<>();
        for (List<Expression> b : branches) {
            List<Expression> rest = new ArrayList<>(b);
            rest.removeAll(common);
            if (rest.isEmpty()) {
                return common;
            }
            rests.add(Predicates.and(rest));
        }
        List<Expression> out = new ArrayList<>(common);
        out.add(Predicates.or(rests));
        return out;
    }
}
