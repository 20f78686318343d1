package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.io.FileSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link FileSource}. {@code output} is the subset of {@code fullOutput} that the plan
 * needs (column pruning narrows it); {@code pushedFilters} are conditions on this scan's columns
 * that the optimizer pushed down, which the reader uses to skip data (the rows are still
 * filtered above).
 */
public record FileScan(FileSource source, List<AttributeReference> fullOutput, List<AttributeReference> output,
                       List<Expression> pushedFilters) implements LeafPlan {

    /** A scan of every column. */
    public static FileScan of(FileSource source, List<AttributeReference> attributes) {
        return new FileScan(source, attributes, attributes, List.of());
    }

    /** Ordinals of {@code output} in the source schema. */
    public int[] requiredOrdinals() {
        int[] ords = new int[output.size()];
        for (int i = 0; i < ords.length; i++) {
            long id = output.get(i).exprId();
            for (int j = 0; j < fullOutput.size(); j++) {
                if (fullOutput.get(j).exprId() == id) {
                    ords[i] = j;
                }
            }
        }
        return ords;
    }

    @Override
    public List<Expression> expressions() {
        return new ArrayList<>(pushedFilters);
    }

    @Override
    public String nodeString() {
        StringBuilder sb = new StringBuilder("Relation ").append(LogicalPlan.list(output).replace(", ", ","))
                .append(' ').append(source.format());
        if (!pushedFilters.isEmpty()) {
            sb.append(", PushedFilters: ").append(LogicalPlan.list(pushedFilters));
        }
        return sb.toString();
    }

    @Override
    public long sizeInBytes() {
        long full = 8;
        for (AttributeReference a : fullOutput) {
            full += a.dataType().defaultSize();
        }
        return Math.max(1, LogicalPlan.times(source.sizeInBytes(), rowWidth()) / full);
    }
}
