package io.ember.dataframe.internal.window;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The logical window operator: every row of {@code child}, plus one column per window expression
 * (each an alias of a {@link WindowExpression}). All of them share {@code partitionSpec} and
 * {@code orderSpec}, so one shuffle and one sort serve them all; their frames may differ. Windows
 * with other partitioning or ordering are stacked as further nodes.
 *
 * @param windowExpressions the aliased window expressions computed here
 * @param partitionSpec     how rows are partitioned
 * @param orderSpec         how each partition is ordered
 * @param child             the input
 */
public record WindowPlan(List<NamedExpression> windowExpressions, List<Expression> partitionSpec,
                         List<SortOrder> orderSpec, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new WindowPlan(windowExpressions, partitionSpec, orderSpec, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (NamedExpression e : windowExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>(windowExpressions);
        all.addAll(partitionSpec);
        all.addAll(orderSpec);
        return all;
    }

    @Override
    public String nodeString() {
        return "Window " + LogicalPlan.list(windowExpressions) + ", " + LogicalPlan.list(partitionSpec) + ", "
                + LogicalPlan.list(orderSpec);
    }

    @Override
    public long sizeInBytes() {
        long childWidth = Math.max(1, child.rowWidth());
        return Math.max(1, LogicalPlan.times(child.sizeInBytes(), rowWidth()) / childWidth);
    }
}
