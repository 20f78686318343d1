package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Exists;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.InSubquery;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.ScalarSubquery;
import io.ember.dataframe.internal.expressions.SubqueryExpression;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.List;

/**
 * Plans the subqueries of one {@code SELECT} block's expressions: scalar subqueries,
 * {@code EXISTS} and {@code IN (SELECT ...)}. Each is planned as a query of its own in which the
 * columns of {@link #scope} (the input of the clause being translated) and of every enclosing
 * query are visible as outer references; the optimizer's {@code RewriteScalarSubqueries} and
 * {@code RewritePredicateSubqueries} turn them into joins.
 */
final class Subqueries {
    private final QueryTranslator q;
    private List<AttributeReference> scope = List.of();

    Subqueries(QueryTranslator q) {
        this.q = q;
    }

    /** Sets the columns the clause translated next reads (the subqueries' outer columns). */
    void scope(List<AttributeReference> columns) {
        this.scope = List.copyOf(columns);
    }

    Expression scalar(net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
        LogicalPlan plan = oneColumn(q.subquery(p.getSelect(), scope), p, "Scalar subquery");
        return new ScalarSubquery(plan, p.toString());
    }

    Expression exists(net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
        return new Exists(q.subquery(p.getSelect(), scope), p.toString());
    }

    Expression in(Expression value, net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
        LogicalPlan plan = oneColumn(q.subquery(p.getSelect(), scope), p, "The IN subquery");
        return new InSubquery(value, plan, p.toString());
    }

    private LogicalPlan oneColumn(LogicalPlan plan, Object node, String what) {
        int n = plan.output().size();
        if (n != 1) {
            throw q.source.locate(new AnalysisException("[INVALID_SUBQUERY_EXPRESSION] " + what + " must return only "
                    + "one column, but got " + n + ": " + node + "."), node);
        }
        return plan;
    }

    /**
     * Checks that the {@code EXISTS} and {@code IN} subqueries of a {@code WHERE} or
     * {@code HAVING} condition stand as conjuncts (possibly under {@code NOT}), the places
     * where they become semi and anti joins.
     */
    static void checkPredicatePlacement(Expression condition, String clause) {
        for (Expression conjunct : Predicates.splitConjuncts(condition)) {
            Expression e = conjunct instanceof Not n ? n.child() : conjunct;
            if (e instanceof Exists || e instanceof InSubquery in && !hasPredicateSubquery(in.value())) {
                continue;
            }
            if (hasPredicateSubquery(conjunct)) {
                throw unsupportedPlacement(conjunct.sql(), clause);
            }
        }
    }

    /** Refuses {@code EXISTS} and {@code IN} subqueries outside {@code WHERE} and {@code HAVING}. */
    static void checkNoPredicateSubquery(Expression e, String clause) {
        if (hasPredicateSubquery(e)) {
            throw unsupportedPlacement(e.sql(), clause);
        }
    }

    /** Refuses every subquery in a clause that takes none ({@code JOIN ... ON}). */
    static void checkNoSubquery(Expression e, String clause) {
        if (e.exists(x -> x instanceof SubqueryExpression)) {
            throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] Subqueries are not supported in "
                    + clause + ": " + e.sql() + ".");
        }
    }

    private static boolean hasPredicateSubquery(Expression e) {
        return e.exists(x -> x instanceof Exists || x instanceof InSubquery);
    }

    private static AnalysisException unsupportedPlacement(String text, String clause) {
        return new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] EXISTS and IN subqueries are "
                + "supported only as conjuncts of a WHERE or HAVING condition (alone or under NOT, joined by AND), "
                + "not in " + clause + ": " + text + ".");
    }
}
