package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.TypeCoercion;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Exists;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.InSubquery;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the {@code EXISTS} and {@code IN} subqueries of a filter's conjuncts into joins, as
 * Spark's {@code RewritePredicateSubquery} does, so that they run as set operations and never
 * once per row: {@code EXISTS} is a left semi join on the subquery's correlated predicates,
 * {@code NOT EXISTS} a left anti join, {@code x IN (SELECT c ...)} a left semi join on
 * {@code x = c} (and the correlated predicates), and {@code x NOT IN (SELECT c ...)} a null-aware
 * left anti join: a row is dropped when some {@code c} equals {@code x} or the comparison is null
 * (a null {@code x} against a non-empty subquery, or a null {@code c}), which is exactly when
 * SQL's {@code NOT IN} is not true. Uncorrelated, that is three cheap anti joins (see
 * {@link #nullAwareAnti}); correlated, one join on {@code (x = c OR isnull(x = c)) AND ...}.
 */
final class RewritePredicateSubqueries implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Filter f) || !f.condition().exists(x -> x instanceof Exists || x instanceof InSubquery)) {
            return plan;
        }
        LogicalPlan child = f.child();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : Predicates.splitConjuncts(f.condition())) {
            boolean negated = conjunct instanceof Not;
            Expression e = conjunct instanceof Not n ? n.child() : conjunct;
            if (e instanceof Exists exists) {
                Decorrelation.Result sub = Decorrelation.pull(exists.plan(), exists.text());
                child = new Join(child, sub.plan(), negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI,
                        Predicates.and(sub.predicates()), false, false);
            } else if (e instanceof InSubquery in) {
                child = in(child, in, negated);
            } else {
                kept.add(conjunct);
            }
        }
        return kept.isEmpty() ? child : new Filter(Predicates.and(kept), child);
    }

    private static LogicalPlan in(LogicalPlan outer, InSubquery in, boolean negated) {
        Decorrelation.Result sub = Decorrelation.pull(in.plan(), in.text());
        AttributeReference column = in.plan().output().get(0);
        DataType common = TypeCoercion.comparisonType(in.value().dataType(), column.dataType());
        if (common == null) {
            throw new AnalysisException("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot compare " + in.value().sql()
                    + " of type \"" + in.value().dataType().sql() + "\" with the column of " + in.text() + " of type \""
                    + column.dataType().sql() + "\".");
        }
        Comparison equal = new Comparison(CmpOp.EQ, TypeCoercion.cast(in.value(), common),
                TypeCoercion.cast(column, common));
        boolean nullable = in.value().nullable() || column.nullable();
        if (negated && nullable && sub.predicates().isEmpty()) {
            return nullAwareAnti(outer, sub.plan(), equal, column);
        }
        List<Expression> condition = new ArrayList<>();
        if (negated && nullable) {
            condition.add(new Or(equal, new IsNull(equal, false)));
        } else {
            condition.add(equal);
        }
        condition.addAll(sub.predicates());
        return new Join(outer, sub.plan(), negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI,
                Predicates.and(condition), false, false);
    }

    /**
     * {@code x NOT IN (uncorrelated subquery)} as three anti joins, each a hash join or a join
     * against at most one row, instead of one nested-loop join comparing every pair: drop the
     * rows with an equal value; drop every row if the subquery returns a null; drop the rows
     * whose value is null if the subquery returns any row.
     */
    private static LogicalPlan nullAwareAnti(LogicalPlan outer, LogicalPlan subquery, Comparison equal,
                                             AttributeReference column) {
        LogicalPlan kept = new Join(outer, subquery, JoinType.LEFT_ANTI, equal, false, false);
        if (column.nullable()) {
            LogicalPlan aNull = new Limit(1, new Filter(new IsNull(column, false), subquery));
            kept = new Join(kept, aNull, JoinType.LEFT_ANTI, null, false, false);
        }
        if (equal.left().nullable()) {
            kept = new Join(kept, new Limit(1, subquery), JoinType.LEFT_ANTI, new IsNull(equal.left(), false), false,
                    false);
        }
        return kept;
    }
}
