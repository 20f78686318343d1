package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.GroupingSets;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.window.WindowExpression;
import io.ember.dataframe.internal.window.Windows;
import java.util.ArrayList;
import java.util.List;

/**
 * What an aggregation outputs, and the checks SQL makes of it: every column read outside an
 * aggregate function must be grouped on. {@code HAVING} and {@code ORDER BY} read the aggregate's
 * output: their aggregates and grouping expressions become attributes of that output, added as
 * hidden columns when the select list does not compute them.
 */
final class AggregateOutputs {
    private final List<Expression> grouping;
    private final List<Expression> canonicalGrouping;
    /** What the aggregate computes: the select list's items, then the hidden ones. */
    final List<NamedExpression> outputs;

    AggregateOutputs(List<Expression> grouping, List<NamedExpression> outputs) {
        this.grouping = grouping;
        this.canonicalGrouping = canonical(grouping);
        this.outputs = new ArrayList<>(outputs);
    }

    /**
     * Checks that every output reads grouped columns only (outside aggregate functions).
     *
     * @throws AnalysisException naming the first column that is neither grouped nor aggregated
     */
    void check() {
        for (NamedExpression n : outputs) {
            checkGrouped(n instanceof Alias a ? a.child() : n);
        }
    }

    private void checkGrouped(Expression e) {
        if (canonicalGrouping.contains(canonical(e))) {
            return;
        }
        if (e instanceof AggregateExpression a) {
            if (Windows.hasAggregate(a.child())) {
                throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate "
                        + "function in the argument of another aggregate function: " + a.sql() + ".");
            }
            return;
        }
        if (e instanceof AttributeReference attr) {
            throw missing(attr);
        }
        for (Expression c : e.children()) {
            checkGrouped(c);
        }
    }

    /** {@code e} (resolved against the aggregate's input) rewritten to read the aggregate's output. */
    Expression overOutput(Expression e) {
        Expression c = canonical(e);
        for (NamedExpression n : outputs) {
            Expression value = n instanceof Alias a ? a.child() : n;
            if (canonical(value).equals(c)) {
                return n.toAttribute();
            }
        }
        if (canonicalGrouping.contains(c) || e instanceof AggregateExpression || GroupingSets.isGroupingCall(e)) {
            if (e instanceof AggregateExpression a && Windows.hasAggregate(a.child())) {
                throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate "
                        + "function in the argument of another aggregate function: " + a.sql() + ".");
            }
            NamedExpression hidden = e instanceof AttributeReference a ? a : Alias.of(e, e.sql());
            outputs.add(hidden);
            return hidden.toAttribute();
        }
        if (e instanceof AttributeReference attr) {
            throw missing(attr);
        }
        if (e instanceof WindowExpression) {
            throw new AnalysisException("[UNSUPPORTED_WINDOW_POSITION] A window function can only be used in the "
                    + "SELECT list, not in " + e.sql() + " here; compute it in the SELECT list and refer to its alias.");
        }
        List<Expression> children = new ArrayList<>();
        for (Expression child : e.children()) {
            children.add(overOutput(child));
        }
        return children.isEmpty() ? e : e.withNewChildren(children);
    }

    /** The grouping expressions. */
    List<Expression> grouping() {
        return grouping;
    }

    private static AnalysisException missing(AttributeReference attr) {
        return new AnalysisException("[MISSING_AGGREGATION] The non-aggregating expression \"" + attr.name()
                + "\" is based on columns which are not participating in the GROUP BY clause. Add the columns or the "
                + "expression to the GROUP BY, aggregate the expression, or use \"first(" + attr.name() + ")\".");
    }

    /** Expressions compared by what they compute: attributes by id only. */
    static Expression canonical(Expression e) {
        return e.transformUp(x -> x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), null) : x);
    }

    private static List<Expression> canonical(List<Expression> es) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : es) {
            out.add(canonical(e));
        }
        return out;
    }
}
