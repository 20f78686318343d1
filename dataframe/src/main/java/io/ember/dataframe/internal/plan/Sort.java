package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/** {@code child} ordered by {@code order}; {@code global} orders across partitions. */
public record Sort(List<SortOrder> order, boolean global, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Sort(order, global, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return new ArrayList<>(order);
    }

    @Override
    public String nodeString() {
        return "Sort " + LogicalPlan.list(order) + ", " + global;
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
