package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.List;

/**
 * {@code child} in {@code numPartitions} partitions: hash-partitioned by
 * {@code partitionExpressions} if given, else round robin; without {@code shuffle}
 * ({@code coalesce}) partitions are merged without moving rows across the network.
 */
public record Repartition(int numPartitions, boolean shuffle, List<Expression> partitionExpressions,
                          LogicalPlan child) implements LogicalPlan {

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new Repartition(numPartitions, shuffle, partitionExpressions, c.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return partitionExpressions;
    }

    @Override
    public String nodeString() {
        if (!partitionExpressions.isEmpty()) {
            return "RepartitionByExpression " + LogicalPlan.list(partitionExpressions) + ", " + numPartitions;
        }
        return "Repartition " + numPartitions + ", " + shuffle;
    }

    @Override
    public long sizeInBytes() {
        return child.sizeInBytes();
    }
}
