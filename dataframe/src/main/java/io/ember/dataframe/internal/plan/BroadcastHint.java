package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import java.util.List;

/** {@code broadcast(df)}: the same rows, marked to be broadcast when joined. */
public record BroadcastHint(LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new BroadcastHint(c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public String nodeString() {
        return "ResolvedHint (strategy=broadcast)";
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
