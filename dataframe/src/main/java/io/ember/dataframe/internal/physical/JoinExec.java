package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import java.util.ArrayList;
import java.util.List;

/** What the join operators share: sides, type, residual condition and output. */
abstract class JoinExec extends PhysicalPlan {
    final PhysicalPlan left;
    final PhysicalPlan right;
    final JoinType joinType;
    final Expression condition;
    final List<AttributeReference> output;

    JoinExec(PhysicalPlan left, PhysicalPlan right, JoinType joinType, Expression condition,
             List<AttributeReference> output) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.condition = condition;
        this.output = output;
    }

    /** The left side's equi-join keys (none for joins without equality keys). */
    List<Expression> leftKeys() {
        return List.of();
    }

    /** The right side's equi-join keys, pairwise equal to {@link #leftKeys()}. */
    List<Expression> rightKeys() {
        return List.of();
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    /** The residual condition bound to the left columns followed by the right ones. */
    Expression boundCondition() {
        if (condition == null) {
            return null;
        }
        List<AttributeReference> both = new ArrayList<>(left.output());
        both.addAll(right.output());
        return Binder.bind(condition, both);
    }

    String conditionText() {
        return condition == null ? "" : ", " + condition.explain();
    }
}
