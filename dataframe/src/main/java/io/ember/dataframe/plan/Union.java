package io.ember.dataframe.plan;

import io.ember.dataframe.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/** The rows of every child, by position (children have the same number of columns and types). */
public record Union(List<LogicalPlan> children) implements LogicalPlan {

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Union(List.copyOf(c));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> first = children.get(0).output();
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (LogicalPlan c : children) {
                nullable |= c.output().get(i).nullable();
            }
            out.add(first.get(i).withNullability(nullable));
        }
        return out;
    }

    @Override
    public String nodeString() {
        return "Union";
    }

    @Override
    public long sizeInBytes() {
        long s = 0;
        for (LogicalPlan c : children) {
            s = LogicalPlan.plus(s, c.sizeInBytes());
        }
        return s;
    }
}
