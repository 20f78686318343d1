package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;

/** Computes {@code projectList} for every row of {@code child}. */
public record Project(List<NamedExpression> projectList, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Project(projectList, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : projectList) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return new ArrayList<>(projectList);
    }

    @Override
    public String nodeString() {
        return "Project " + LogicalPlan.list(projectList);
    }

    @Override
    public long sizeInBytes() {
        long childWidth = Math.max(1, child.rowWidth());
        return Math.max(1, LogicalPlan.times(child.sizeInBytes(), rowWidth()) / childWidth);
    }
}
