package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.OuterReference;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pulls the correlated predicates (those reading {@link OuterReference}s) out of a subquery's
 * plan, so that the subquery can run once as a set and be joined to the outer query on them.
 * Each predicate is removed from its filter and returned with its outer references turned back
 * into the outer columns; the operators above it are widened to carry the subquery columns the
 * predicates read: a projection keeps them, and an aggregate groups by them (so
 * {@code (SELECT avg(x) FROM t WHERE t.k = o.k)} becomes {@code avg(x)} grouped by {@code t.k},
 * joined on {@code t.k = o.k}). Correlation is supported below filters, projections, aliases,
 * inner joins and aggregates (equality predicates only); anywhere else it is refused by name.
 */
final class Decorrelation {
    /**
     * The subquery plan without its correlated predicates, the predicates (over the outer
     * columns and {@code plan}'s output), and whether an aggregate without grouping was widened
     * to group by the correlated columns (then the plan has at most one row per outer row).
     */
    record Result(LogicalPlan plan, List<Expression> predicates, boolean groupedByCorrelation) {
    }

    private Decorrelation() {
    }

    /** Whether a node of {@code plan} reads a column of an enclosing query. */
    static boolean correlated(LogicalPlan plan) {
        for (Expression e : plan.expressions()) {
            if (e.exists(x -> x instanceof OuterReference)) {
                return true;
            }
        }
        for (LogicalPlan c : plan.children()) {
            if (correlated(c)) {
                return true;
            }
        }
        return false;
    }

    static Result pull(LogicalPlan plan, String subquery) {
        if (!correlated(plan)) {
            return new Result(plan, List.of(), false);
        }
        if (plan instanceof Filter f) {
            Result below = pull(f.child(), subquery);
            List<Expression> kept = new ArrayList<>();
            List<Expression> pulled = new ArrayList<>(below.predicates());
            for (Expression c : Predicates.splitConjuncts(f.condition())) {
                if (c.exists(x -> x instanceof OuterReference)) {
                    pulled.add(c.transformUp(x -> x instanceof OuterReference o ? o.attribute() : x));
                } else {
                    kept.add(c);
                }
            }
            LogicalPlan child = kept.isEmpty() ? below.plan() : new Filter(Predicates.and(kept), below.plan());
            return new Result(child, pulled, below.groupedByCorrelation());
        }
        if (plan instanceof Project p) {
            Result below = pull(p.child(), subquery);
            List<NamedExpression> list = new ArrayList<>(p.projectList());
            Set<Long> have = new LinkedHashSet<>();
            for (NamedExpression n : list) {
                have.add(n.exprId());
            }
            for (AttributeReference a : innerColumns(below)) {
                if (have.add(a.exprId())) {
                    list.add(a);
                }
            }
            return new Result(new Project(list, below.plan()), below.predicates(), below.groupedByCorrelation());
        }
        if (plan instanceof SubqueryAlias a) {
            Result below = pull(a.child(), subquery);
            return new Result(new SubqueryAlias(a.alias(), below.plan()), below.predicates(),
                    below.groupedByCorrelation());
        }
        if (plan instanceof Join j && (j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS)) {
            Result left = pull(j.left(), subquery);
            Result right = pull(j.right(), subquery);
            List<Expression> pulled = new ArrayList<>(left.predicates());
            pulled.addAll(right.predicates());
            return new Result(j.withNewChildren(List.of(left.plan(), right.plan())), pulled, false);
        }
        if (plan instanceof Aggregate a && !correlatedExpressions(a)) {
            Result below = pull(a.child(), subquery);
            for (Expression p : below.predicates()) {
                if (!(p instanceof Comparison c && c.op() == CmpOp.EQ)) {
                    throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] "
                            + "A correlated predicate below an aggregate must be an equality, but found " + p.sql()
                            + " in " + subquery + ".");
                }
            }
            List<AttributeReference> keys = innerColumns(below);
            List<Expression> grouping = new ArrayList<>(a.groupingExpressions());
            List<NamedExpression> outputs = new ArrayList<>(a.aggregateExpressions());
            grouping.addAll(keys);
            outputs.addAll(keys);
            return new Result(new Aggregate(grouping, outputs, below.plan()), below.predicates(),
                    a.groupingExpressions().isEmpty());
        }
        throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED] "
                + "A column of the outer query is read below " + plan.nodeString()
                + ", where correlation is not supported, in " + subquery + ".");
    }

    private static boolean correlatedExpressions(LogicalPlan node) {
        for (Expression e : node.expressions()) {
            if (e.exists(x -> x instanceof OuterReference)) {
                return true;
            }
        }
        return false;
    }

    /** The columns of {@code below.plan()} the pulled predicates read. */
    private static List<AttributeReference> innerColumns(Result below) {
        Set<Long> inner = below.plan().outputIds();
        List<AttributeReference> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Expression p : below.predicates()) {
            for (AttributeReference a : p.references()) {
                if (inner.contains(a.exprId()) && seen.add(a.exprId())) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
