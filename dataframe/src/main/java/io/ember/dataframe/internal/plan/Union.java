package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
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
        // Each child's output once: asked per column, a chain of n unions cost columns^n.
        List<List<AttributeReference>> outputs = new ArrayList<>(children.size());
        for (LogicalPlan c : children) {
            outputs.add(c.output());
        }
        List<AttributeReference> first = outputs.get(0);
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (List<AttributeReference> o : outputs) {
                nullable |= o.get(i).nullable();
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
