package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.ScalarSubquery;
import io.ember.dataframe.internal.expressions.SingleRowCheck;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the scalar subqueries of filters and projections into left outer joins, so that each
 * subquery runs once as a set. The subquery's value is its first column, null where it returns
 * no row:
 * <ul>
 *   <li>an aggregate without {@code GROUP BY} has one row (per outer row when correlated: its
 *       correlated equalities become grouping keys and the join condition, see
 *       {@link Decorrelation}), and is joined as it is;</li>
 *   <li>any other subquery is first aggregated to its {@code first} value and its row count
 *       (grouped by the correlated columns), and the value is read through
 *       {@link SingleRowCheck}, which fails naming the subquery where the count exceeds one.</li>
 * </ul>
 * A correlated aggregate's value over no rows is not always null ({@code count(*)} is 0): where
 * no group matches an outer row the join gives null, so the subquery also returns a
 * {@code true} marker and the value is {@code CASE WHEN marker IS NULL THEN <value over no rows>
 * ELSE value END}, the value over no rows computed from the subquery's expressions.
 */
final class RewriteScalarSubqueries implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        ScalarSubquery subquery = first(plan);
        if (subquery == null) {
            return plan;
        }
        if (!(plan instanceof Filter) && !(plan instanceof Project)) {
            throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] A scalar subquery is supported in "
                    + "the SELECT list, WHERE and HAVING, not in " + plan.nodeString() + ": " + subquery.text() + ".");
        }
        LogicalPlan child = plan.children().get(0);
        Decorrelation.Result sub = Decorrelation.pull(subquery.plan(), subquery.text());
        boolean correlated = !sub.predicates().isEmpty();
        Expression overNoRows = correlated
                ? valueOverNoRows(subquery.plan()).get(subquery.plan().output().get(0).exprId()) : null;
        // A correlated aggregate under operators whose value over no rows is not derived here
        // (a HAVING filter) takes the general path, which needs no such value.
        boolean oneRow = correlated ? sub.groupedByCorrelation() && overNoRows != null
                : globalAggregate(subquery.plan());
        boolean nullOverNoRows = overNoRows instanceof Literal l && l.value() == null;
        Expression value;
        LogicalPlan right;
        if (oneRow && correlated && !nullOverNoRows) {
            Alias matched = Alias.of(Literal.TRUE, "matched");
            List<NamedExpression> withMarker = new ArrayList<>(sub.plan().output());
            withMarker.add(matched);
            right = new Project(withMarker, sub.plan());
            value = new CaseWhen(List.of(new IsNull(matched.toAttribute(), false), overNoRows,
                    right.output().get(0)), true);
        } else if (oneRow) {
            right = sub.plan();
            value = right.output().get(0);
        } else {
            right = checked(sub, subquery);
            List<AttributeReference> out = right.output();
            value = new SingleRowCheck(out.get(out.size() - 2), out.get(out.size() - 1), subquery.text());
        }
        Join joined = new Join(child, right, JoinType.LEFT_OUTER, Predicates.and(sub.predicates()), false, false);
        Expression replacement = value;
        // The node's other scalar subqueries are rewritten the same way, over this join.
        if (plan instanceof Filter f) {
            Expression condition = f.condition().transformDown(x -> x.equals(subquery) ? replacement : x);
            return new Project(new ArrayList<>(child.output()), apply(new Filter(condition, joined)));
        }
        Project p = (Project) plan;
        List<NamedExpression> list = new ArrayList<>();
        for (NamedExpression n : p.projectList()) {
            list.add((NamedExpression) n.transformDown(x -> x.equals(subquery) ? replacement : x));
        }
        return apply(new Project(list, joined));
    }

    private static ScalarSubquery first(LogicalPlan plan) {
        for (Expression e : plan.expressions()) {
            List<ScalarSubquery> found = e.collect(ScalarSubquery.class);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        return null;
    }

    /** Whether {@code plan} is an aggregate without grouping (one row), under projections and aliases. */
    private static boolean globalAggregate(LogicalPlan plan) {
        if (plan instanceof Project || plan instanceof SubqueryAlias) {
            return globalAggregate(plan.children().get(0));
        }
        return plan instanceof Aggregate a && a.groupingExpressions().isEmpty();
    }

    /** The subquery's first value and row count, per correlated key; the last two columns. */
    private static LogicalPlan checked(Decorrelation.Result sub, ScalarSubquery subquery) {
        List<AttributeReference> keys = new ArrayList<>();
        for (Expression p : sub.predicates()) {
            for (AttributeReference a : p.references()) {
                if (sub.plan().outputIds().contains(a.exprId()) && !keys.contains(a)) {
                    keys.add(a);
                }
            }
        }
        AttributeReference column = subquery.plan().output().get(0);
        List<NamedExpression> outputs = new ArrayList<>(keys);
        outputs.add(Alias.of(new AggregateExpression(AggFn.FIRST, column, false, false), column.name()));
        outputs.add(Alias.of(new AggregateExpression(AggFn.COUNT, Literal.create(1), false, false), "rows"));
        return new Aggregate(new ArrayList<>(keys), outputs, sub.plan());
    }

    /**
     * The value of each output column of a one-row aggregate subquery when its input has no
     * rows: each aggregate is 0 for {@code count} and null otherwise, and the projections above
     * compute from those.
     */
    private static Map<Long, Expression> valueOverNoRows(LogicalPlan plan) {
        Map<Long, Expression> values = new HashMap<>();
        if (plan instanceof Aggregate a) {
            for (NamedExpression n : a.aggregateExpressions()) {
                Expression e = n instanceof Alias alias ? alias.child() : n;
                values.put(n.exprId(), e.transformUp(x -> x instanceof AggregateExpression agg
                        ? (agg.fn() == AggFn.COUNT ? Literal.create(0L) : new Literal(null, agg.dataType())) : x));
            }
        } else if (plan instanceof Project p) {
            Map<Long, Expression> below = valueOverNoRows(p.child());
            for (NamedExpression n : p.projectList()) {
                Expression e = n instanceof Alias alias ? alias.child() : n;
                values.put(n.exprId(), Predicates.substitute(e, below));
            }
        } else if (plan instanceof SubqueryAlias a) {
            values.putAll(valueOverNoRows(a.child()));
        }
        return values;
    }
}
