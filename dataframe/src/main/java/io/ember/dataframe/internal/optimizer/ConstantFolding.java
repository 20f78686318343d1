package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.LogicalPlan;

/**
 * Computes expressions whose inputs are all constants ({@code lit(1) + lit(2)} becomes
 * {@code 3}) and simplifies boolean logic with a constant side ({@code x AND true} is {@code x},
 * {@code x OR true} is {@code true}).
 */
public final class ConstantFolding implements Rule {
    private static final ColumnBatch ONE_ROW = new ColumnBatch(new ColumnVector[0], 1);

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return PlanExpressions.map(plan, e -> e.transformUp(ConstantFolding::fold));
    }

    static Expression fold(Expression e) {
        if (e instanceof And a) {
            if (isTrue(a.left())) {
                return a.right();
            }
            if (isTrue(a.right())) {
                return a.left();
            }
            if (isFalse(a.left()) || isFalse(a.right())) {
                return Literal.FALSE;
            }
        }
        if (e instanceof Or o) {
            if (isFalse(o.left())) {
                return o.right();
            }
            if (isFalse(o.right())) {
                return o.left();
            }
            if (isTrue(o.left()) || isTrue(o.right())) {
                return Literal.TRUE;
            }
        }
        if (e instanceof Not n && n.child() instanceof Not inner) {
            return inner.child();
        }
        if (e instanceof Literal || !e.foldable()) {
            return e;
        }
        try {
            ColumnVector v = e.eval(ONE_ROW);
            return new Literal(v.get(0), e.dataType());
        } catch (RuntimeException failure) {
            return e;
        }
    }

    private static boolean isTrue(Expression e) {
        return e instanceof Literal l && Boolean.TRUE.equals(l.value());
    }

    private static boolean isFalse(Expression e) {
        return e instanceof Literal l && Boolean.FALSE.equals(l.value());
    }
}
