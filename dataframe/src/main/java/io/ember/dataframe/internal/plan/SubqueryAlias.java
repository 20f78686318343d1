package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/** {@code df.as("t")}: the same rows, columns qualified by {@code alias} ({@code col("t.a")}). */
public record SubqueryAlias(String alias, LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new SubqueryAlias(alias, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference a : child.output()) {
            out.add(a.withQualifier(alias));
        }
        return out;
    }

    @Override
    public String nodeString() {
        return "SubqueryAlias " + alias;
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
