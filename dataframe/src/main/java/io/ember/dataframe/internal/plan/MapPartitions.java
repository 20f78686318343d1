package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.vavr.Function2;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A typed operation of a {@code Dataset} ({@code map}, {@code filter} with a function,
 * {@code mapGroups}...): {@code function} turns each partition's batches of {@code child} into
 * batches of {@code output}, on the executors, given the partition's index. The engine sees it as
 * a black box: it reads every column of its child and nothing is pushed through it.
 *
 * <p>{@code description} names the operation in plan strings ({@code MapPartitions map}).
 */
public record MapPartitions(String description,
                            Function2<Integer, Iterator<ColumnBatch>, Iterator<ColumnBatch>> function,
                            List<AttributeReference> output, LogicalPlan child) implements LogicalPlan {

    public MapPartitions {
        output = List.copyOf(output);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new MapPartitions(description, function, output, c.get(0));
    }

    @Override
    public Set<Long> references() {
        return child.outputIds();
    }

    @Override
    public String nodeString() {
        return "MapPartitions " + description + ", " + output;
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
