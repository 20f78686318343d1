package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.List;

/** The rows of {@code child} for which {@code condition} is true (not false, not null). */
public record Filter(Expression condition, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Filter(condition, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(condition);
    }

    @Override
    public String nodeString() {
        return "Filter " + condition.explain();
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
