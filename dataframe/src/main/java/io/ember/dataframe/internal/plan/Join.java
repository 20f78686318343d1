package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins {@code left} and {@code right} on {@code condition} (null: every pair). Outer joins make
 * the other side's columns nullable; semi and anti joins output the left side only.
 * {@code broadcastLeft}/{@code broadcastRight} carry {@code broadcast(df)} hints.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition,
                   boolean broadcastLeft, boolean broadcastRight) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Join(c.get(0), c.get(1), joinType, condition, broadcastLeft, broadcastRight);
    }

    /** A copy with another condition. */
    public Join withCondition(Expression c) {
        return new Join(left, right, joinType, c, broadcastLeft, broadcastRight);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
        boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
        for (AttributeReference a : left.output()) {
            out.add(leftNullable ? a.withNullability(true) : a);
        }
        if (!joinType.leftOnly()) {
            for (AttributeReference a : right.output()) {
                out.add(rightNullable ? a.withNullability(true) : a);
            }
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return condition == null ? List.of() : List.of(condition);
    }

    @Override
    public String nodeString() {
        return "Join " + joinType.display() + (condition == null ? "" : ", " + condition.explain());
    }

    @Override
    public long sizeInBytes() {
        if (joinType.leftOnly()) {
            return left.sizeInBytes();
        }
        return LogicalPlan.times(left.sizeInBytes(), right.sizeInBytes());
    }
}
