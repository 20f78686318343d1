package io.ember.dataframe.optimizer;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.expressions.AggFn;
import io.ember.dataframe.expressions.AggregateExpression;
import io.ember.dataframe.expressions.Alias;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.expressions.Literal;
import io.ember.dataframe.expressions.NamedExpression;
import io.ember.dataframe.expressions.ScalarSubquery;
import io.ember.dataframe.expressions.SingleRowCheck;
import io.ember.dataframe.plan.Aggregate;
import io.ember.dataframe.plan.Filter;
import io.ember.dataframe.plan.Join;
import io.ember.dataframe.plan.JoinType;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.dataframe.plan.Project;
import io.ember.dataframe.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;

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
 * A correlated aggregate that is not null over no rows ({@code count}) would answer null where
 * no row matches, so it is refused by name rather than answered wrongly.
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
        boolean oneRow = sub.predicates().isEmpty() ? globalAggregate(subquery.plan()) : sub.groupedByCorrelation();
        Expression value;
        LogicalPlan right;
        if (oneRow) {
            if (!sub.predicates().isEmpty()) {
                refuseCountBug(subquery);
            }
            right = sub.plan();
            value = right.output().get(0);
        } else {
            right = checked(sub, subquery);
            List<AttributeReference> out = right.output();
            value = new SingleRowCheck(out.get(out.size() - 2), out.get(out.size() - 1), subquery.text());
        }
        Join joined = new Join(child, right, JoinType.LEFT_OUTER, Predicates.and(sub.predicates()), false, false);
        Expression replacement = value;
        if (plan instanceof Filter f) {
            Expression condition = f.condition().transformDown(x -> x.equals(subquery) ? replacement : x);
            return new Project(new ArrayList<>(child.output()), new Filter(condition, joined));
        }
        Project p = (Project) plan;
        List<NamedExpression> list = new ArrayList<>();
        for (NamedExpression n : p.projectList()) {
            list.add((NamedExpression) n.transformDown(x -> x.equals(subquery) ? replacement : x));
        }
        return new Project(list, joined);
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

    private static void refuseCountBug(ScalarSubquery subquery) {
        for (AggregateExpression a : aggregates(subquery.plan())) {
            if (a.fn() == AggFn.COUNT) {
                throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] A correlated scalar subquery "
                        + "whose value is not null over no rows (count) is not supported: " + subquery.text() + ".");
            }
        }
    }

    private static List<AggregateExpression> aggregates(LogicalPlan plan) {
        List<AggregateExpression> out = new ArrayList<>();
        for (Expression e : plan.expressions()) {
            out.addAll(e.collect(AggregateExpression.class));
        }
        for (LogicalPlan c : plan.children()) {
            if (c instanceof Project || c instanceof Aggregate || c instanceof SubqueryAlias) {
                out.addAll(aggregates(c));
            }
        }
        return out;
    }
}
