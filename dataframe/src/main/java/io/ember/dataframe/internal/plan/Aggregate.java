package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups {@code child} by {@code groupingExpressions} and computes {@code aggregateExpressions}
 * (grouping expressions and expressions over aggregate calls) per group. No grouping
 * expressions means one group over all rows (one result row even for empty input).
 */
public record Aggregate(List<Expression> groupingExpressions, List<NamedExpression> aggregateExpressions,
                        LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Aggregate(groupingExpressions, aggregateExpressions, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : aggregateExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>(groupingExpressions);
        all.addAll(aggregateExpressions);
        return all;
    }

    @Override
    public String nodeString() {
        return "Aggregate " + LogicalPlan.list(groupingExpressions) + ", " + LogicalPlan.list(aggregateExpressions);
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
