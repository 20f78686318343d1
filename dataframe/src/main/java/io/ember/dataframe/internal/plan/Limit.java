package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import java.util.List;

/** The first {@code n} rows of {@code child}. */
public record Limit(int n, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Limit(n, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public String nodeString() {
        return "GlobalLimit " + n;
    }

    @Override
    public long sizeInBytes() {
        return Math.max(1, Math.min(child.sizeInBytes(), LogicalPlan.times(n, rowWidth())));
    }
}
