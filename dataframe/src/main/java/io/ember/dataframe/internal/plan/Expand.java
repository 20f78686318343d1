package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicates every row of {@code child} once per projection: output row {@code k} of an input
 * row is {@code projections.get(k)} evaluated over it, one value per attribute of
 * {@code output}. Grouping sets are planned as an aggregate over this node, as in Spark: one
 * projection per grouping set, with the grouping columns not in the set NULL and a grouping-id
 * column telling the sets apart.
 */
public record Expand(List<List<Expression>> projections, List<AttributeReference> output, LogicalPlan child)
        implements LogicalPlan {

    public Expand {
        projections = List.copyOf(projections);
        output = List.copyOf(output);
        for (List<Expression> p : projections) {
            if (p.size() != output.size()) {
                throw new IllegalArgumentException("An Expand projection has " + p.size() + " values for "
                        + output.size() + " output columns");
            }
        }
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Expand(projections, output, c.get(0));
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>();
        for (List<Expression> p : projections) {
            all.addAll(p);
        }
        return all;
    }

    @Override
    public String nodeString() {
        return describe(projections, output);
    }

    /** The plan line of an expansion (logical or physical): {@code Expand [[...], [...]], [out]}. */
    public static String describe(List<List<Expression>> projections, List<AttributeReference> output) {
        List<String> texts = new ArrayList<>();
        for (List<Expression> p : projections) {
            texts.add(LogicalPlan.list(p));
        }
        return "Expand [" + String.join(", ", texts) + "], " + LogicalPlan.list(output);
    }

    @Override
    public long sizeInBytes() {
        long childWidth = Math.max(1, child.rowWidth());
        return Math.max(1, LogicalPlan.times(projections.size(),
                LogicalPlan.times(child.sizeInBytes(), rowWidth()) / childWidth));
    }
}
